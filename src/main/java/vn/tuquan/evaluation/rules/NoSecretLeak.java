package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 Điều 7 (agencies, enterprises; to confirm under TT 124): no leak of state secrets or of technology.
 * Counts incidents of the kinds {@code SECRET_LEAK} (param {@code kinds}); at most {@code max} (0).
 */
public final class NoSecretLeak extends NoEvents.OfKinds {

    public static final String CODE = "NO_SECRET_LEAK";

    public NoSecretLeak() {
        super(CODE, "SECRET_LEAK");
    }
}
