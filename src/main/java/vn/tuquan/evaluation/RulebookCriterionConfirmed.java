package vn.tuquan.evaluation;

/** A provincial administrator confirmed, for their province, a criterion marked "to confirm" (for the audit log). */
public record RulebookCriterionConfirmed(
        long provinceId, long rulebookId, String unitKind, String criterion, String note) {}
