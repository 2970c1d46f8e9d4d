package vn.tuquan.evaluation.rules;

import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 5.4: of the commune's residential areas, agencies, enterprises and schools, at least
 * {@code registeredPercent} (100) registered to strive for the standard and at least
 * {@code minPercent} (70) recognised (or proposed) safe for the same period, both compared exactly:
 * 18 of 25 (72%) passes, 16 of 25 (64%) fails, exactly 70% passes. With
 * {@code residentialAreasOnly=true} (TT 23/2012) only the residential areas count. Needs input when
 * the commune has no such unit, or the children's verdicts are not known yet.
 */
public final class ChildrenRegisteredAndRecognised implements Criterion {

    public static final String CODE = "CHILDREN_REGISTERED_AND_RECOGNISED";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Outcome evaluate(Facts facts, Params params) {
        boolean areasOnly = params.flag("residentialAreasOnly", false);
        String totalKey = areasOnly ? Fact.CHILDREN_AREAS_TOTAL : Fact.CHILDREN_TOTAL;
        String registeredKey = areasOnly ? Fact.CHILDREN_AREAS_REGISTERED : Fact.CHILDREN_REGISTERED;
        String recognisedKey = areasOnly ? Fact.CHILDREN_AREAS_RECOGNISED : Fact.CHILDREN_RECOGNISED;
        Share registered = Share.of(facts, registeredKey, totalKey, params.decimal("registeredPercent", "100"));
        Share recognised = Share.of(facts, recognisedKey, totalKey, params.decimal("minPercent", "70"));
        Comparison total = new Comparison(totalKey, facts.count(totalKey), Operator.AT_LEAST, 1, Source.CHILDREN);
        if (registered == null || recognised == null) {
            return Outcome.of(CODE, Result.NEEDS_INPUT, total);
        }
        Result result = registered.met() && recognised.met() ? Result.MET : Result.NOT_MET;
        return Outcome.of(
                CODE,
                result,
                children(registered.compared(registeredKey + "Percent")),
                children(recognised.compared(recognisedKey + "Percent")),
                new Comparison(registeredKey, registered.part(), Operator.AT_LEAST, null, Source.CHILDREN),
                new Comparison(recognisedKey, recognised.part(), Operator.AT_LEAST, null, Source.CHILDREN),
                total);
    }

    private static Comparison children(Comparison c) {
        return new Comparison(c.item(), c.value(), c.operator(), c.threshold(), Source.CHILDREN);
    }
}
