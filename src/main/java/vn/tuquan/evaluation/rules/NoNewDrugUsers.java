package vn.tuquan.evaluation.rules;

import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm): no new drug user detected during the period — at most
 * {@code max} (0 by default). No record of a drug user means none: the count is zero.
 */
public final class NoNewDrugUsers implements Criterion {

    public static final String CODE = "NO_NEW_DRUG_USERS";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Outcome evaluate(Facts facts, Params params) {
        long max = params.whole("max", 0);
        long found = facts.events(Fact.DRUG_USERS_NEW);
        return Outcome.of(
                CODE,
                found <= max ? Result.MET : Result.NOT_MET,
                Comparison.computed(Fact.DRUG_USERS_NEW, found, Operator.AT_MOST, max));
    }
}
