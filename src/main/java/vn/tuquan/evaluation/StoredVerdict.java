package vn.tuquan.evaluation;

import java.time.OffsetDateTime;

/** A stored verdict, for lists. */
public record StoredVerdict(
        long unitId,
        String code,
        String name,
        String unitKind,
        String status,
        String proposed,
        boolean locked,
        OffsetDateTime computedAt) {}
