package vn.tuquan.evaluation;

import java.time.Instant;

/** A province's confirmation of a criterion marked to confirm. */
public record CriterionConfirmation(
        long provinceId,
        long rulebookId,
        String unitKind,
        String criterion,
        String note,
        String confirmedBy,
        Instant confirmedAt) {}
