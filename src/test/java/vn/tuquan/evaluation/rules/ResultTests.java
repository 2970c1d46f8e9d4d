package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tuquan.evaluation.rules.Result.MET;
import static vn.tuquan.evaluation.rules.Result.NEEDS_INPUT;
import static vn.tuquan.evaluation.rules.Result.NOT_MET;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit's verdict from its criteria: one failed criterion decides, whatever else is still to enter. */
class ResultTests {

    @Test
    void aFailedCriterionDecidesEvenWhenAnotherStillNeedsInput() {
        assertThat(Result.combine(List.of(NOT_MET, NEEDS_INPUT))).isEqualTo(NOT_MET);
        assertThat(Result.combine(List.of(NEEDS_INPUT, NOT_MET))).isEqualTo(NOT_MET);
        assertThat(Result.combine(List.of(MET, NEEDS_INPUT, MET, NOT_MET, NEEDS_INPUT)))
                .isEqualTo(NOT_MET);
    }

    @Test
    void aVerdictWaitsForInputOnlyWhenNothingFailed() {
        assertThat(Result.combine(List.of(MET, NEEDS_INPUT))).isEqualTo(NEEDS_INPUT);
        assertThat(Result.combine(List.of(NEEDS_INPUT))).isEqualTo(NEEDS_INPUT);
        assertThat(Result.combine(List.of(MET, MET))).isEqualTo(MET);
        assertThat(Result.combine(List.of())).as("no criterion, nothing failed").isEqualTo(MET);
    }

    @Test
    void theOrderOfTheCriteriaNeverChangesTheVerdict() {
        List<Result> all = new ArrayList<>();
        for (Result a : Result.values()) {
            for (Result b : Result.values()) {
                for (Result c : Result.values()) {
                    all.clear();
                    Collections.addAll(all, a, b, c);
                    Result expected = all.contains(NOT_MET) ? NOT_MET : all.contains(NEEDS_INPUT) ? NEEDS_INPUT : MET;
                    for (List<Result> order : List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, a, c))) {
                        assertThat(Result.combine(order)).as(order.toString()).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void aCriteriaSetWithOneCriterionFailedAndOneToEnterIsNotMetAndKeepsBothOutcomes() {
        CriteriaSet set = new CriteriaSet(
                "TEST",
                "RESIDENTIAL_AREA",
                List.of(
                        new Rule("PARTY_RESOLUTION_Q1", Params.NONE, "Điều 4.1", "Nghị quyết quý I", "Q1 resolution"),
                        new Rule(
                                "NO_SERIOUS_CRIME",
                                Params.NONE,
                                "Điều 4.3",
                                "Không có tội phạm nghiêm trọng",
                                "No serious crime")));
        CriteriaSet.Evaluation verdict = set.evaluate(Given.counts(Fact.crimesOfClass("SERIOUS"), 1));
        assertThat(verdict.outcomes()).extracting(Outcome::result).containsExactly(NEEDS_INPUT, NOT_MET);
        assertThat(verdict.result()).isEqualTo(NOT_MET);

        CriteriaSet.Evaluation pending = set.evaluate(Given.counts());
        assertThat(pending.outcomes()).extracting(Outcome::result).containsExactly(NEEDS_INPUT, MET);
        assertThat(pending.result()).isEqualTo(NEEDS_INPUT);
    }
}
