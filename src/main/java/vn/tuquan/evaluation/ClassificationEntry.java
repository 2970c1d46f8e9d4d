package vn.tuquan.evaluation;

import java.math.BigDecimal;

/** Points entered for one item. */
public record ClassificationEntry(
        long unitId, int year, String item, BigDecimal points, String evidence, String enteredBy) {}
