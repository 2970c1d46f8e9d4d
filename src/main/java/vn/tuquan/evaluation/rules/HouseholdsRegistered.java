package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 4.1: the resident households that registered to take part, as a share of all
 * households, at least {@code minPercent} (100 by the regulation). Compared exactly: 999 of 1,000
 * (99.9%) is not 100%. An area with no household on the register needs input (nothing to count).
 */
public final class HouseholdsRegistered implements Criterion {

    public static final String CODE = "HOUSEHOLDS_REGISTERED";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Outcome evaluate(Facts facts, Params params) {
        BigDecimal min = params.decimal("minPercent", "100");
        Long total = facts.count(Fact.HOUSEHOLDS_TOTAL);
        Long registered = facts.count(Fact.HOUSEHOLDS_REGISTERED);
        if (total == null || total == 0 || registered == null) {
            return Outcome.of(CODE, Result.NEEDS_INPUT,
                    Comparison.computed(Fact.HOUSEHOLDS_TOTAL, total, Operator.AT_LEAST, 1));
        }
        // registered / total ≥ min / 100, in whole numbers: registered · 100 ≥ min · total
        boolean met = BigDecimal.valueOf(registered).multiply(BigDecimal.valueOf(100))
                .compareTo(min.multiply(BigDecimal.valueOf(total))) >= 0;
        BigDecimal percent = BigDecimal.valueOf(registered).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
        return Outcome.of(CODE, met ? Result.MET : Result.NOT_MET,
                Comparison.computed("households.registeredPercent", percent, Operator.AT_LEAST, min),
                Comparison.computed(Fact.HOUSEHOLDS_REGISTERED, registered, Operator.AT_LEAST, null),
                Comparison.computed(Fact.HOUSEHOLDS_TOTAL, total, Operator.EQUALS, null));
    }
}
