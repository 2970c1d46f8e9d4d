package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 7 (schools, to confirm): no school violence.
 * Counts incidents of the kinds {@code SCHOOL_VIOLENCE} (param {@code kinds}); at most {@code max} (0).
 */
public final class NoSchoolViolence extends NoEvents.OfKinds {

    public static final String CODE = "NO_SCHOOL_VIOLENCE";

    public NoSchoolViolence() {
        super(CODE, "SCHOOL_VIOLENCE");
    }
}
