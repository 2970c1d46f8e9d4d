package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 6: the organisation's staff briefed on the movement, as a share of all staff, at least
 * {@code minPercent} (100). Needs input when no staff count is on the register.
 */
public final class StaffBriefed extends ShareCriterion {

    public static final String CODE = "STAFF_BRIEFED";

    public StaffBriefed() {
        super(CODE, Fact.STAFF_BRIEFED, Fact.STAFF_TOTAL, "staff.briefedPercent");
    }
}
