package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 Điều 7 (agencies, enterprises; to confirm under TT 124): no theft of high-value property.
 * Counts incidents of the kinds {@code HIGH_VALUE_THEFT} (param {@code kinds}); at most {@code max} (0).
 */
public final class NoHighValueTheft extends NoEvents.OfKinds {

    public static final String CODE = "NO_HIGH_VALUE_THEFT";

    public NoHighValueTheft() {
        super(CODE, "HIGH_VALUE_THEFT");
    }
}
