package vn.tuquan.units;

import java.time.LocalDate;

/** A unit took over another, whole or in part, on a date (a merger, a split, the 2025 reform). */
public record Succession(
        long predecessorId,
        String predecessorName,
        String predecessorCode,
        long successorId,
        String successorName,
        String successorCode,
        LocalDate effectiveDate,
        boolean whole,
        String note) {}
