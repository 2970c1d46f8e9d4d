package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseholdsRegisteredTests {

    static Facts facts(Map<String, Long> counts) {
        return new Facts(
                "RESIDENTIAL_AREA", 2023, LocalDate.of(2022, 11, 1), LocalDate.of(2023, 10, 31), counts, Map.of());
    }

    final HouseholdsRegistered criterion = new HouseholdsRegistered();

    @Test
    void everyHouseholdRegisteredIsMet() {
        Outcome outcome = criterion.evaluate(
                facts(Map.of(Fact.HOUSEHOLDS_TOTAL, 1000L, Fact.HOUSEHOLDS_REGISTERED, 1000L)), Params.NONE);
        assertThat(outcome.result()).isEqualTo(Result.MET);
        assertThat(outcome.compared().get(0).value()).isEqualTo(new java.math.BigDecimal("100.00"));
    }

    @Test
    void ninetyNinePointNinePercentIsNotAHundred() {
        Outcome outcome = criterion.evaluate(
                facts(Map.of(Fact.HOUSEHOLDS_TOTAL, 1000L, Fact.HOUSEHOLDS_REGISTERED, 999L)), Params.NONE);
        assertThat(outcome.result()).isEqualTo(Result.NOT_MET);
        assertThat(outcome.compared().get(0).value()).isEqualTo(new java.math.BigDecimal("99.90"));
    }

    @Test
    void aProvincialThresholdIsExactAtItsEdge() {
        Params ninety = Params.of("minPercent", "90");
        assertThat(criterion
                        .evaluate(facts(Map.of(Fact.HOUSEHOLDS_TOTAL, 10L, Fact.HOUSEHOLDS_REGISTERED, 9L)), ninety)
                        .result())
                .isEqualTo(Result.MET);
        assertThat(criterion
                        .evaluate(facts(Map.of(Fact.HOUSEHOLDS_TOTAL, 1001L, Fact.HOUSEHOLDS_REGISTERED, 900L)), ninety)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void anAreaWithNoHouseholdOnTheRegisterNeedsInput() {
        assertThat(criterion.evaluate(facts(Map.of()), Params.NONE).result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(criterion
                        .evaluate(facts(Map.of(Fact.HOUSEHOLDS_TOTAL, 0L, Fact.HOUSEHOLDS_REGISTERED, 0L)), Params.NONE)
                        .result())
                .isEqualTo(Result.NEEDS_INPUT);
    }

    @Test
    void aCriteriaSetIsMetOnlyWhenEveryCriterionIs() {
        CriteriaSet set = new CriteriaSet(
                "TT124_2021",
                "RESIDENTIAL_AREA",
                java.util.List.of(
                        new Rule(
                                HouseholdsRegistered.CODE,
                                Params.NONE,
                                "Điều 4.1",
                                "100% hộ gia đình đăng ký",
                                "All households registered"),
                        new Rule(
                                NoNewDrugUsers.CODE,
                                Params.NONE,
                                "Điều 4.5",
                                "Không phát sinh người nghiện mới",
                                "No new drug users")));
        Map<String, Long> all = Map.of(Fact.HOUSEHOLDS_TOTAL, 50L, Fact.HOUSEHOLDS_REGISTERED, 50L);
        assertThat(set.evaluate(facts(all)).result()).isEqualTo(Result.MET);
        var oneNewUser = new java.util.HashMap<>(all);
        oneNewUser.put(Fact.DRUG_USERS_NEW, 1L);
        CriteriaSet.Evaluation failed = set.evaluate(facts(oneNewUser));
        assertThat(failed.result()).isEqualTo(Result.NOT_MET);
        assertThat(failed.outcomes()).extracting(Outcome::result).containsExactly(Result.MET, Result.NOT_MET);
        assertThat(set.evaluate(facts(Map.of())).result()).isEqualTo(Result.NEEDS_INPUT);
    }
}
