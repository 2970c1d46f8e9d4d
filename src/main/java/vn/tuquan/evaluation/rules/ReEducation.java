package vn.tuquan.evaluation.rules;

import java.util.List;
import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm): people who erred were re-educated in the community.
 * Entered with evidence: the register of community re-education cases shows the cases started, but
 * not whether everyone who should have been taken in was, so a count cannot decide. The cases
 * started during the period ({@link Fact#RE_EDUCATIONS}) are shown beside the entry, without a
 * threshold.
 */
public final class ReEducation extends EnteredCriterion {

    public static final String CODE = "RE_EDUCATION";

    public ReEducation() {
        super(CODE);
    }

    @Override
    protected List<Comparison> context(Facts facts) {
        return List.of(Comparison.computed(Fact.RE_EDUCATIONS, facts.count(Fact.RE_EDUCATIONS), Operator.EQUALS, null));
    }
}
