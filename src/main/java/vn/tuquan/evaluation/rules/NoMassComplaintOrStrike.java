package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 Điều 7 (agencies, enterprises; kept under TT 124 Điều 6, to confirm): no mass complaint and no illegal strike.
 * Counts incidents of the kinds {@code MASS_COMPLAINT,ILLEGAL_STRIKE} (param {@code kinds}); at most {@code max} (0).
 */
public final class NoMassComplaintOrStrike extends NoEvents.OfKinds {

    public static final String CODE = "NO_MASS_COMPLAINT_OR_STRIKE";

    public NoMassComplaintOrStrike() {
        super(CODE, "MASS_COMPLAINT,ILLEGAL_STRIKE");
    }
}
