package vn.tuquan.evaluation.internal;

import static vn.tuquan.evaluation.Evaluation.Status.ACCEPTED;
import static vn.tuquan.evaluation.Evaluation.Status.DRAFT;
import static vn.tuquan.evaluation.Evaluation.Status.NOT_REGISTERED;
import static vn.tuquan.evaluation.Evaluation.Status.RECOGNISED;
import static vn.tuquan.evaluation.Evaluation.Status.REGISTERED;
import static vn.tuquan.evaluation.Evaluation.Status.REJECTED;
import static vn.tuquan.evaluation.Evaluation.Status.RETURNED;
import static vn.tuquan.evaluation.Evaluation.Status.SUBMITTED;

import java.util.EnumSet;
import java.util.Set;
import vn.tuquan.evaluation.Evaluation.Status;

/**
 * The allowed steps of the yearly evaluation's process (RULEBOOK.md "Process and authority"), as a
 * table: each step, the statuses it may be taken from, and the status it leads to. A unit without an
 * evaluation row registers as from {@link Status#NOT_REGISTERED}. The unit's side takes the first
 * three ({@code SubmittingSelfAssessments}), the competent level's side the others
 * ({@code RecognisingUnits}); each checks the caller and refuses a step its table does not allow.
 */
public enum Transition {

    /** The unit registers in the first quarter (a bulk run's proposal becomes the registration). */
    REGISTER(EnumSet.of(NOT_REGISTERED), REGISTERED),
    /** The unit enters a value with its evidence: the self-assessment is a draft again. */
    ENTER(EnumSet.of(REGISTERED, DRAFT, RETURNED), DRAFT),
    /** The unit submits its self-assessment to the steering committee of the competent level. */
    SUBMIT(EnumSet.of(REGISTERED, DRAFT, RETURNED), SUBMITTED),
    /** The steering committee's appraisal found it right. */
    ACCEPT(EnumSet.of(SUBMITTED), ACCEPTED),
    /** The steering committee sends it back with reasons. */
    RETURN(EnumSet.of(SUBMITTED), RETURNED),
    /** The People's Committee recognises the unit by a decision (locked). */
    RECOGNISE(EnumSet.of(ACCEPTED), RECOGNISED),
    /** The People's Committee decides not to recognise the unit, with reasons (locked). */
    REJECT(EnumSet.of(ACCEPTED), REJECTED),
    /** A decided result is reopened with a reason, for a new decision. */
    REOPEN(EnumSet.of(RECOGNISED, REJECTED), ACCEPTED);

    private final Set<Status> from;
    private final Status to;

    Transition(Set<Status> from, Status to) {
        this.from = from;
        this.to = to;
    }

    /** The statuses the step may be taken from. */
    public Set<Status> from() {
        return EnumSet.copyOf(from);
    }

    /** The status the step leads to. */
    public Status to() {
        return to;
    }

    /** Whether the step may be taken from the status. */
    public boolean allowedFrom(Status status) {
        return from.contains(status);
    }

    /** The statuses a step may lead to from the status. */
    public static Set<Status> next(Status status) {
        Set<Status> next = EnumSet.noneOf(Status.class);
        for (Transition t : values()) {
            if (t.allowedFrom(status)) {
                next.add(t.to);
            }
        }
        return next;
    }
}
