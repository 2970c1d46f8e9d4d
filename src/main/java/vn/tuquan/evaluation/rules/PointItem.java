package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a movement-classification point table (QĐ 510/QĐ-BCA-V05): its code, names, the most
 * points it gives, and how the points are obtained — computed from a fact ({@link Fact} keys) by a
 * {@link Rule}, or entered by a person (with evidence).
 *
 * <ul>
 * <li>{@code RATIO_AT_LEAST}: full points when {@code fact / ofFact · 100 ≥ threshold} (e.g.
 * households.registered / households.total ≥ 90%), compared exactly in whole numbers;</li>
 * <li>{@code AT_LEAST}: full points when {@code fact ≥ threshold} (e.g. models.effective ≥ 1);</li>
 * <li>{@code AT_MOST}: full points when {@code fact ≤ threshold} (e.g. incidents.kind.CRIME ≤ 0);</li>
 * <li>{@code ENTERED}: the points a person entered, at most {@code maxPoints}.</li>
 * </ul>
 * A computed item whose fact is absent scores 0 and is reported as missing — unless the fact counts
 * events ({@code events}: incidents, new drug users …), where no record means none happened and the
 * count is 0, as {@link Facts#events(String)} reads it.
 */
public record PointItem(
        String code,
        String nameVi,
        String nameEn,
        BigDecimal maxPoints,
        Rule rule,
        String fact,
        String ofFact,
        BigDecimal threshold,
        boolean events) {

    public enum Rule {
        RATIO_AT_LEAST,
        AT_LEAST,
        AT_MOST,
        ENTERED
    }

    public PointItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rule, "rule");
        if (maxPoints == null || maxPoints.signum() < 0) {
            throw new IllegalArgumentException("item " + code + ": max points must be zero or more");
        }
        if (rule != Rule.ENTERED && (fact == null || threshold == null)) {
            throw new IllegalArgumentException("item " + code + ": a computed item needs a fact and a threshold");
        }
        if (rule == Rule.RATIO_AT_LEAST && ofFact == null) {
            throw new IllegalArgumentException("item " + code + ": a ratio needs the fact it is a share of");
        }
    }

    public static PointItem entered(String code, String nameVi, String nameEn, String maxPoints) {
        return new PointItem(code, nameVi, nameEn, new BigDecimal(maxPoints), Rule.ENTERED, null, null, null, false);
    }

    public static PointItem computed(
            String code,
            String nameVi,
            String nameEn,
            String maxPoints,
            Rule rule,
            String fact,
            String ofFact,
            String threshold) {
        return new PointItem(
                code, nameVi, nameEn, new BigDecimal(maxPoints), rule, fact, ofFact, new BigDecimal(threshold), false);
    }

    /** Full points when the events counted stay at most {@code max}; no record of the fact means none. */
    public static PointItem atMostEvents(
            String code, String nameVi, String nameEn, String maxPoints, String fact, String max) {
        return new PointItem(
                code, nameVi, nameEn, new BigDecimal(maxPoints), Rule.AT_MOST, fact, null, new BigDecimal(max), true);
    }

    public boolean isComputed() {
        return rule != Rule.ENTERED;
    }
}
