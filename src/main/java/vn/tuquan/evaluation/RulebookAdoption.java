package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.List;

/** What a provincial administrator asks for: the day it takes effect, the adjustments and the additions. */
public record RulebookAdoption(
        LocalDate effectiveFrom, List<CriterionAdjustment> adjustments, List<CriterionAddition> additions) {

    public RulebookAdoption {
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        additions = additions == null ? List.of() : List.copyOf(additions);
    }
}
