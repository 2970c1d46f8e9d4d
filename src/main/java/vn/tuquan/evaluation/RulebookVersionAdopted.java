package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * A province adopted its own rulebook version (TT 124 Điều 8.1); published inside the writing
 * transaction so the audit log records it with the write.
 *
 * @param basedOn     the rulebook version in force it was made from
 * @param adjustments the editable criteria whose params changed
 * @param additions   the province's own criteria
 */
public record RulebookVersionAdopted(
        long rulebookId,
        String code,
        int version,
        long provinceId,
        long basedOn,
        LocalDate effectiveFrom,
        List<CriterionAdjustment> adjustments,
        List<CriterionAddition> additions) {}
