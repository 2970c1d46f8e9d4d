package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.tuquan.evaluation.internal.Transition;

/**
 * One unit's evaluation for one period (table {@code evaluation}): where it stands in the process,
 * the proposed verdict computed from the registers, and the decision.
 */
public record Evaluation(
        long id,
        long unitId,
        int year,
        String unitKind,
        LocalDate periodFrom,
        LocalDate periodTo,
        long rulebookId,
        Status status,
        LocalDate registeredOn,
        String proposed,
        OffsetDateTime computedAt,
        boolean locked,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionSigner,
        Long decidedByUnit,
        String reasons,
        OffsetDateTime updatedAt) {

    /** The statuses of table {@code evaluation}, in the order of the process. */
    public enum Status {
        /** Proposed by a bulk run; the unit has not registered to strive for the standard. */
        NOT_REGISTERED,
        /** Registered in the first quarter. */
        REGISTERED,
        /** The self-assessment is being written by the unit. */
        DRAFT,
        /** Sent to the steering committee of the competent level. */
        SUBMITTED,
        /** Sent back by the steering committee with reasons; editable again. */
        RETURNED,
        /** The steering committee's appraisal found it right: the People's Committee decides. */
        ACCEPTED,
        /** Recognised safe by a decision of the People's Committee (locked). */
        RECOGNISED,
        /** Not recognised, by a decision with reasons (locked). */
        REJECTED;

        /** The unit may still change its self-assessment: it may enter values and submit ({@link Transition}). */
        public boolean editable() {
            return Transition.ENTER.allowedFrom(this);
        }

        /** Decided by the People's Committee: only reopening leads on ({@link Transition#REOPEN}). */
        public boolean decided() {
            return Transition.REOPEN.allowedFrom(this);
        }

        /** The statuses a step of the process may lead to from this one ({@link Transition}). */
        public java.util.Set<Status> next() {
            return Transition.next(this);
        }
    }

    /** A decision of the People's Committee: its number, day and signer. */
    public record Decision(String number, LocalDate date, String signer) {}

    /** One step of the process (table {@code evaluation_step}). */
    public record Step(Status from, Status to, String reason, String takenBy, OffsetDateTime takenAt) {}

    /** A value entered for a criterion with its evidence, who entered it and when, and its evidence file if any. */
    public record EnteredValue(
            boolean value, String evidence, String enteredBy, OffsetDateTime enteredAt, Attachment attachment) {}

    /** An evidence file of an entry (table {@code evaluation_entry_attachment}). */
    public record Attachment(String fileName, String contentType, int size, String uploadedBy) {}

    /**
     * One criterion of the self-assessment: the rulebook's line, what the registers gave (from the
     * last computation: its result and values compared, {@code null} when not computed yet), and what
     * a person entered. {@code toEnter} when a person must enter it (not computed, or the registers
     * cannot give it).
     */
    /**
     * One criterion of the process: {@code toConfirm} when its text was not found in the regulation
     * (RULEBOOK.md) and the unit's province has not confirmed it: the page marks it "to confirm".
     */
    public record Line(
            String criterion,
            String article,
            String nameVi,
            String nameEn,
            String computed,
            List<Map<String, Object>> compared,
            EnteredValue entered,
            boolean toEnter,
            boolean toConfirm) {

        public Line(
                String criterion,
                String article,
                String nameVi,
                String nameEn,
                String computed,
                List<Map<String, Object>> compared,
                EnteredValue entered,
                boolean toEnter) {
            this(criterion, article, nameVi, nameEn, computed, compared, entered, toEnter, false);
        }
    }

    /** A unit registered whose dossier is not in (or not decided) past its kind's deadline. */
    public record Overdue(
            long unitId,
            String unitName,
            String unitKind,
            Status status,
            LocalDate dueBefore,
            LocalDate registeredOn) {}
}
