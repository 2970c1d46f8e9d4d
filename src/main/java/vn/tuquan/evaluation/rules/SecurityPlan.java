package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 6: the agency or enterprise has a plan for security and order and registered to strive for the standard.
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class SecurityPlan extends EnteredCriterion {

    public static final String CODE = "SECURITY_PLAN";

    public SecurityPlan() {
        super(CODE);
    }
}
