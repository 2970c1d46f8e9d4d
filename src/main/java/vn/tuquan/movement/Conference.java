package vn.tuquan.movement;

import java.time.LocalDate;
import java.util.List;

/**
 * An interim or final review (sơ kết, tổng kết: GLOSSARY Conference) held by a unit over a period.
 *
 * @param unitKind  the organising unit's kind when it was recorded
 * @param unitLevel its level in the tree (0 province, 1 district, 2 commune, 3 under a commune)
 */
public record Conference(
        long id,
        long unitId,
        String unitKind,
        int unitLevel,
        Kind kind,
        String topic,
        LocalDate heldOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        Integer attendance,
        String minutes,
        List<String> campaigns) {

    public Conference {
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }

    public enum Kind {
        INTERIM,
        FINAL
    }

    public record Form(
            Kind kind,
            String topic,
            LocalDate heldOn,
            LocalDate periodFrom,
            LocalDate periodTo,
            Integer attendance,
            String minutes,
            List<String> campaigns) {}

    /** An attachment's description (its content is read on its own). */
    public record Attachment(long id, long conferenceId, String fileName, String contentType, int size) {}

    /** A unit that held a final review, in its group: COMMUNE, DISTRICT or ORGANISATION (F7). */
    public record Holder(
            String group, long unitId, String unitName, String unitKind, long conferenceId, LocalDate heldOn) {}
}
