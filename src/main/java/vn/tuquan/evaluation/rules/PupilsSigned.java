package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 (school): 100% of pupils from lower-secondary up signed the commitment to the rules (no register holds pupils).
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class PupilsSigned extends EnteredCriterion {

    public static final String CODE = "PUPILS_SIGNED";

    public PupilsSigned() {
        super(CODE);
    }
}
