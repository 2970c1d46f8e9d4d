package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's movement classification for one year (QĐ 510/QĐ-BCA-V05): the level its points reach,
 * the points out of the table's maximum, and each item's score with the value it was scored from.
 */
public record Classification(
        String unitKind, Level level, BigDecimal points, BigDecimal maxPoints, List<ItemScore> items) {

    public Classification {
        items = List.copyOf(items);
    }

    /** Xuất sắc / Khá / Trung bình / Yếu. */
    public enum Level {
        EXCELLENT,
        GOOD,
        AVERAGE,
        WEAK
    }

    /** Items whose fact was absent or whose points nobody has entered yet. */
    public List<ItemScore> missing() {
        return items.stream().filter(ItemScore::missing).toList();
    }

    /**
     * One item's score. {@code value} is the fact's count (or the share in percent for a ratio, two
     * decimals, rounded down), {@code null} when missing or entered; {@code enteredBy}/{@code evidence}
     * for an entered item.
     */
    public record ItemScore(
            String code,
            String nameVi,
            String nameEn,
            PointItem.Rule rule,
            String fact,
            String ofFact,
            BigDecimal threshold,
            BigDecimal maxPoints,
            BigDecimal points,
            BigDecimal value,
            Long count,
            Long ofCount,
            boolean missing,
            String enteredBy,
            String evidence) {}
}
