package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import vn.tuquan.evaluation.rules.Classification.ItemScore;
import vn.tuquan.evaluation.rules.Classification.Level;

/**
 * The movement-classification point table of one unit kind (QĐ 510/QĐ-BCA-V05): its items in order
 * and the minimum points of each level. A unit reaches the highest level whose minimum its points
 * meet (exactly at the minimum counts); WEAK is the floor (its minimum is 0). Pure Java.
 */
public record PointTable(String unitKind, List<PointItem> items, Map<Level, BigDecimal> minimums) {

    public PointTable {
        items = List.copyOf(items);
        var codes = new HashSet<String>();
        for (PointItem item : items) {
            if (!codes.add(item.code())) {
                throw new IllegalArgumentException("two items of " + unitKind + " share the code " + item.code());
            }
        }
        var copy = new EnumMap<Level, BigDecimal>(Level.class);
        copy.putAll(minimums);
        copy.putIfAbsent(Level.WEAK, BigDecimal.ZERO);
        BigDecimal previous = null;
        for (Level level : Level.values()) {
            BigDecimal min = copy.get(level);
            if (min == null) {
                throw new IllegalArgumentException(unitKind + ": no minimum for " + level);
            }
            if (previous != null && min.compareTo(previous) > 0) {
                throw new IllegalArgumentException(
                        unitKind + ": the minimum of " + level + " is above the level before it");
            }
            previous = min;
        }
        minimums = Collections.unmodifiableMap(copy);
    }

    public BigDecimal maxPoints() {
        return items.stream().map(PointItem::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The level a number of points reaches. */
    public Level level(BigDecimal points) {
        for (Level level : Level.values()) {
            if (points.compareTo(minimums.get(level)) >= 0) {
                return level;
            }
        }
        return Level.WEAK;
    }

    /** Points a person entered for an item, with the evidence and who entered them. */
    public record EnteredPoints(BigDecimal points, String evidence, String enteredBy) {}

    /**
     * Scores every item: computed items from the counts (an absent fact scores 0 and is missing),
     * entered items from what people entered (none entered: 0, missing; more than the maximum is refused).
     */
    public Classification classify(Map<String, Long> counts, Map<String, EnteredPoints> entered) {
        List<ItemScore> scores = new ArrayList<>(items.size());
        BigDecimal total = BigDecimal.ZERO;
        for (PointItem item : items) {
            ItemScore score = item.isComputed() ? computed(item, counts) : entered(item, entered.get(item.code()));
            scores.add(score);
            total = total.add(score.points());
        }
        return new Classification(unitKind, level(total), total, maxPoints(), scores);
    }

    private static ItemScore computed(PointItem item, Map<String, Long> counts) {
        Long count = counts.get(item.fact());
        if (count == null && item.events()) {
            count = 0L;
        }
        Long of = item.ofFact() == null ? null : counts.get(item.ofFact());
        boolean missing = count == null || item.rule() == PointItem.Rule.RATIO_AT_LEAST && (of == null || of == 0);
        if (missing) {
            return score(item, BigDecimal.ZERO, null, count, of, true, null, null);
        }
        BigDecimal value;
        boolean full;
        switch (item.rule()) {
            case RATIO_AT_LEAST -> {
                // count / of ≥ threshold / 100, in whole numbers: count · 100 ≥ threshold · of
                BigDecimal hundredfold = BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100));
                full = hundredfold.compareTo(item.threshold().multiply(BigDecimal.valueOf(of))) >= 0;
                value = hundredfold.divide(BigDecimal.valueOf(of), 2, RoundingMode.DOWN);
            }
            case AT_LEAST -> {
                value = BigDecimal.valueOf(count);
                full = value.compareTo(item.threshold()) >= 0;
            }
            case AT_MOST -> {
                value = BigDecimal.valueOf(count);
                full = value.compareTo(item.threshold()) <= 0;
            }
            default -> throw new IllegalStateException(item.rule().name());
        }
        return score(item, full ? item.maxPoints() : BigDecimal.ZERO, value, count, of, false, null, null);
    }

    private static ItemScore entered(PointItem item, EnteredPoints e) {
        if (e == null) {
            return score(item, BigDecimal.ZERO, null, null, null, true, null, null);
        }
        if (e.points().signum() < 0 || e.points().compareTo(item.maxPoints()) > 0) {
            throw new IllegalArgumentException(
                    "item " + item.code() + ": " + e.points() + " points, at most " + item.maxPoints());
        }
        return score(item, e.points(), null, null, null, false, e.enteredBy(), e.evidence());
    }

    private static ItemScore score(
            PointItem item,
            BigDecimal points,
            BigDecimal value,
            Long count,
            Long of,
            boolean missing,
            String enteredBy,
            String evidence) {
        return new ItemScore(
                item.code(),
                item.nameVi(),
                item.nameEn(),
                item.rule(),
                item.fact(),
                item.ofFact(),
                item.threshold(),
                item.maxPoints(),
                points,
                value,
                count,
                of,
                missing,
                enteredBy,
                evidence);
    }
}
