package vn.tuquan.evaluation.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything known about one unit for one evaluation period: its kind, the period, the counts
 * computed from the registers (keys in {@link Fact}; absent when the registers hold nothing for the
 * unit) and the values people entered, by criterion code.
 */
public record Facts(
        String unitKind,
        int year,
        LocalDate periodFrom,
        LocalDate periodTo,
        Map<String, Long> counts,
        Map<String, Entry> entered) {

    public Facts {
        counts = Map.copyOf(counts);
        entered = Map.copyOf(entered);
    }

    /** A computed count, or {@code null} when the registers hold none for the unit. */
    public Long count(String key) {
        return counts.get(key);
    }

    /** A computed count, zero when absent (for counts of events: no record means none happened). */
    public long events(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** What a person entered for a criterion, or {@code null}. */
    public Entry entered(String criterionCode) {
        return entered.get(criterionCode);
    }

    public Facts withCounts(Map<String, Long> more) {
        var all = new HashMap<>(counts);
        all.putAll(more);
        return new Facts(unitKind, year, periodFrom, periodTo, all, entered);
    }
}
