package vn.tuquan.evaluation.rules;

import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 5.1, 6, 7: at least {@code min} (1) movement model of the unit (or under it) assessed
 * effective for the period's year ({@link Fact#MODELS_EFFECTIVE}). Needs input when the movement
 * register gave no count for the unit; a count of 0 is not met.
 */
public final class EffectiveModel implements Criterion {

    public static final String CODE = "EFFECTIVE_MODEL";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Outcome evaluate(Facts facts, Params params) {
        long min = params.whole("min", 1);
        Long found = facts.count(Fact.MODELS_EFFECTIVE);
        Result result = found == null ? Result.NEEDS_INPUT : found >= min ? Result.MET : Result.NOT_MET;
        return Outcome.of(CODE, result, Comparison.computed(Fact.MODELS_EFFECTIVE, found, Operator.AT_LEAST, min));
    }
}
