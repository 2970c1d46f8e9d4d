package vn.tuquan.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import vn.tuquan.evaluation.rules.Classification.ItemScore;
import vn.tuquan.evaluation.rules.Classification.Level;

/** A classification as stored: who computed it and when. */
public record StoredClassification(
        long unitId,
        int year,
        String unitKind,
        Level level,
        BigDecimal points,
        BigDecimal maxPoints,
        List<ItemScore> items,
        OffsetDateTime computedAt,
        String computedBy) {}
