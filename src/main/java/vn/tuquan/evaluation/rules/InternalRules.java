package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 6: internal rules on protection, state secrets, internal politics, labour safety, fire prevention and the environment exist and are applied.
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class InternalRules extends EnteredCriterion {

    public static final String CODE = "INTERNAL_RULES";

    public InternalRules() {
        super(CODE);
    }
}
