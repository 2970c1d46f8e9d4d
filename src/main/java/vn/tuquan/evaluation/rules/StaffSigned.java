package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 (agencies, enterprises, schools): the staff who signed the emulation commitment, as a
 * share of all staff, at least {@code minPercent} (100). Needs input when no staff count is on the
 * register.
 */
public final class StaffSigned extends ShareCriterion {

    public static final String CODE = "STAFF_SIGNED";

    public StaffSigned() {
        super(CODE, Fact.STAFF_SIGNED, Fact.STAFF_TOTAL, "staff.signedPercent");
    }
}
