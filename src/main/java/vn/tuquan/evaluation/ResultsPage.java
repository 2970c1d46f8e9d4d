package vn.tuquan.evaluation;

import java.util.List;
import java.util.Map;

/** A page of stored verdicts under a unit, with the counts by proposed verdict over the whole subtree. */
public record ResultsPage(
        long unitId,
        int year,
        Map<String, Long> counts,
        long total,
        List<StoredVerdict> verdicts,
        int limit,
        int offset) {}
