package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 Điều 7 (agencies, enterprises; to confirm under TT 124): no staff member committed a crime or was caught in a social evil.
 * Counts incidents of the kinds {@code STAFF_OFFENCE} (param {@code kinds}); at most {@code max} (0).
 */
public final class NoStaffOffence extends NoEvents.OfKinds {

    public static final String CODE = "NO_STAFF_OFFENCE";

    public NoStaffOffence() {
        super(CODE, "STAFF_OFFENCE");
    }
}
