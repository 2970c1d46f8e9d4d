package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 7 (to confirm): the school's staff fulfilled their duties, none disciplined or breaking the law.
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class StaffFulfilDuties extends EnteredCriterion {

    public static final String CODE = "STAFF_FULFIL_DUTIES";

    public StaffFulfilDuties() {
        super(CODE);
    }
}
