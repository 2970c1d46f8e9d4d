package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 4.2: the Party's and the State's policies and the local rules on security and order were carried out.
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class PoliciesCarriedOut extends EnteredCriterion {

    public static final String CODE = "POLICIES_CARRIED_OUT";

    public PoliciesCarriedOut() {
        super(CODE);
    }
}
