package vn.tuquan.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A hotspot area (GLOSSARY: Hotspot — địa bàn trọng điểm, phức tạp về ANTT): one or more units
 * designated by a decision, worked on ("chuyển hóa") and removed by a decision, with its status on a
 * date (COMPLEX → CONTAINED → STABLE, RULEBOOK "Beside the verdict").
 *
 * @param unitIds      the units it covers (at least one)
 * @param status       its status on the date it was read for ({@code null} before designation)
 * @param statusSince  since when it has had that status
 * @param removedOn    the day it left the list (not counted from that day), {@code null} while it is on it
 */
public record Hotspot(
        long id,
        String name,
        Kind kind,
        List<Long> unitIds,
        LocalDate designatedOn,
        String designatedBy,
        String designationNumber,
        LocalDate removedOn,
        String removedBy,
        String removalNumber,
        Double latitude,
        Double longitude,
        String notes,
        Status status,
        LocalDate statusSince) {

    public Hotspot {
        unitIds = List.copyOf(unitIds);
    }

    public enum Kind {
        DRUGS,
        GAMBLING,
        THEFT,
        PROSTITUTION,
        PUBLIC_ORDER,
        OTHER
    }

    /** Phức tạp / kiềm chế / ổn định. */
    public enum Status {
        COMPLEX,
        CONTAINED,
        STABLE
    }

    /** Whether it was on the list on the date: designated by then and not yet removed. */
    public boolean onListOn(LocalDate date) {
        return !designatedOn.isAfter(date) && (removedOn == null || removedOn.isAfter(date));
    }

    /**
     * A designation: the units, the decision (deciding body and number both required), the status it
     * starts with (usually COMPLEX) and why.
     */
    public record Form(
            String name,
            Kind kind,
            List<Long> unitIds,
            LocalDate designatedOn,
            String designatedBy,
            String designationNumber,
            Status status,
            String reason,
            Double latitude,
            Double longitude,
            String notes) {}

    /**
     * A correction of what was saved at designation: name, kind, units covered, the decision (day,
     * deciding body, number) and notes. The point and the statuses are left as they are.
     */
    public record Correction(
            String name,
            Kind kind,
            List<Long> unitIds,
            LocalDate designatedOn,
            String designatedBy,
            String designationNumber,
            String notes) {}

    /** A change of status from a day, with its reason. */
    public record StatusForm(Status status, LocalDate from, String reason) {}

    /** Removal from the list by a decision. */
    public record RemovalForm(LocalDate removedOn, String removedBy, String removalNumber) {}

    /** One status of the history: from a day up to the next one ({@code to} exclusive, {@code null} for the current). */
    public record StatusPeriod(
            Status status, LocalDate from, LocalDate to, String reason, String recordedBy, Instant recordedAt) {}

    /** How many hotspots on the list were in each status on a date, under a unit. */
    public record Counts(long unitId, LocalDate on, long complex, long contained, long stable) {

        public long total() {
            return complex + contained + stable;
        }

        public long of(Status status) {
            return switch (status) {
                case COMPLEX -> complex;
                case CONTAINED -> contained;
                case STABLE -> stable;
            };
        }
    }

    /**
     * What the hotspot list is narrowed to (each {@code null} for all); {@code unsettled}: only those
     * on the list whose status is not STABLE (what {@code hotspots.drugs} counts, with kind DRUGS);
     * {@code countedHere}: only those whose first unit (the lowest id) lies under the unit, where the
     * statistics count a hotspot covering several units, once ({@link Hotspots#countsAtFirstUnit}).
     */
    public record Filter(
            Kind kind, Status status, String text, boolean withRemoved, boolean unsettled, boolean countedHere) {

        public static final Filter ALL = new Filter(null, null, null, true);

        public Filter(Kind kind, Status status, String text, boolean withRemoved) {
            this(kind, status, text, withRemoved, false, false);
        }

        public Filter(Kind kind, Status status, String text, boolean withRemoved, boolean unsettled) {
            this(kind, status, text, withRemoved, unsettled, false);
        }
    }
}
