package vn.tuquan.order;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A community re-education case (giáo dục tại xã, phường, thị trấn; sensitive): the person, the
 * unit, when it started and ended, the outcome, and the person or organisation responsible.
 *
 * @param endedOn {@code null} while the case is open (and {@code outcome} too)
 * @param person  {@code null} when the details were not read
 */
public record ReEducation(
        long id,
        long unitId,
        LocalDate startedOn,
        LocalDate endedOn,
        Outcome outcome,
        String responsible,
        PersonDetails person,
        String recordedBy) {

    public enum Outcome {
        REFORMED,
        NOT_REFORMED
    }

    public record Form(PersonDetails person, LocalDate startedOn, String responsible) {}

    public boolean open() {
        return endedOn == null;
    }

    Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("id", id);
        facts.put("unitId", unitId);
        facts.put("startedOn", startedOn);
        facts.put("endedOn", endedOn);
        facts.put("outcome", outcome);
        facts.put("responsible", responsible);
        return facts;
    }
}
