package vn.tuquan.evaluation.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Facts for criterion tests: a unit of a kind for the 2023 period, with counts and entries. */
final class Given {

    private Given() {}

    static Facts counts(Object... keysAndCounts) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
        }
        return new Facts(
                "RESIDENTIAL_AREA", 2023, LocalDate.of(2022, 11, 1), LocalDate.of(2023, 10, 31), counts, Map.of());
    }

    static Facts entered(String code, Entry entry, Object... keysAndCounts) {
        Facts f = counts(keysAndCounts);
        return new Facts(f.unitKind(), f.year(), f.periodFrom(), f.periodTo(), f.counts(), Map.of(code, entry));
    }
}
