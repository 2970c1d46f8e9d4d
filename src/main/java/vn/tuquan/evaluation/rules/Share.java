package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * A share of a whole against a minimum percentage, compared exactly in whole numbers
 * ({@code part · 100 ≥ min · total}): 999 of 1,000 (99.9%) is not 100%, 7 of 10 is exactly 70%.
 */
record Share(long part, long total, BigDecimal minPercent) {

    boolean met() {
        return BigDecimal.valueOf(part)
                        .multiply(BigDecimal.valueOf(100))
                        .compareTo(minPercent.multiply(BigDecimal.valueOf(total)))
                >= 0;
    }

    /** The share in percent, two decimals, rounded down (99.96% shows 99.96, never 100.00). */
    BigDecimal percent() {
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
    }

    Comparison compared(String item) {
        return Comparison.computed(item, percent(), Operator.AT_LEAST, minPercent);
    }

    /** The share of {@code partKey} in {@code totalKey}, or {@code null} when either is absent or the total is zero. */
    static Share of(Facts facts, String partKey, String totalKey, BigDecimal minPercent) {
        Long total = facts.count(totalKey);
        Long part = facts.count(partKey);
        return total == null || total == 0 || part == null ? null : new Share(part, total, minPercent);
    }
}
