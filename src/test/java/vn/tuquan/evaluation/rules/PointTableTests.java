package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tuquan.evaluation.rules.Classification.Level;
import vn.tuquan.evaluation.rules.PointItem.Rule;
import vn.tuquan.evaluation.rules.PointTable.EnteredPoints;

class PointTableTests {

    /** 3 + 3 + 4 = 10 points: excellent from 9, good from 7, average from 5. */
    static final PointTable TABLE = new PointTable(
            "AGENCY",
            List.of(
                    PointItem.entered("RESOLUTION", "Nghị quyết quý I", "Q1 resolution", "3"),
                    PointItem.computed(
                            "PARTICIPATION",
                            "Tham gia ≥ 90%",
                            "Participation ≥ 90%",
                            "3",
                            Rule.RATIO_AT_LEAST,
                            Fact.STAFF_SIGNED,
                            Fact.STAFF_TOTAL,
                            "90"),
                    PointItem.computed(
                            "NO_CRIME",
                            "Không tội phạm",
                            "No crime",
                            "2",
                            Rule.AT_MOST,
                            Fact.incidentsOfKind("CRIME"),
                            null,
                            "0"),
                    PointItem.atMostEvents(
                            "NO_DRUG_USER",
                            "Không người nghiện mới",
                            "No new drug user",
                            "0",
                            Fact.DRUG_USERS_NEW,
                            "0"),
                    PointItem.computed(
                            "MODEL",
                            "Mô hình hiệu quả",
                            "Effective model",
                            "2",
                            Rule.AT_LEAST,
                            Fact.MODELS_EFFECTIVE,
                            null,
                            "1")),
            Map.of(
                    Level.EXCELLENT,
                    new BigDecimal("9"),
                    Level.GOOD,
                    new BigDecimal("7"),
                    Level.AVERAGE,
                    new BigDecimal("5")));

    static Map<String, EnteredPoints> resolution(String points) {
        return Map.of("RESOLUTION", new EnteredPoints(new BigDecimal(points), "NQ 01/NQ-CB 15/01/2022", "canbo"));
    }

    @Test
    void everyLevelStartsExactlyAtItsMinimum() {
        assertThat(TABLE.level(new BigDecimal("10"))).isEqualTo(Level.EXCELLENT);
        assertThat(TABLE.level(new BigDecimal("9"))).isEqualTo(Level.EXCELLENT);
        assertThat(TABLE.level(new BigDecimal("8.9"))).isEqualTo(Level.GOOD);
        assertThat(TABLE.level(new BigDecimal("7"))).isEqualTo(Level.GOOD);
        assertThat(TABLE.level(new BigDecimal("6.5"))).isEqualTo(Level.AVERAGE);
        assertThat(TABLE.level(new BigDecimal("5"))).isEqualTo(Level.AVERAGE);
        assertThat(TABLE.level(new BigDecimal("4.5"))).isEqualTo(Level.WEAK);
        assertThat(TABLE.level(BigDecimal.ZERO)).isEqualTo(Level.WEAK);
    }

    @Test
    void aUnitScoredExactlyAtEachThresholdReachesThatLevel() {
        Map<String, Long> all = Map.of(
                Fact.STAFF_SIGNED,
                90L,
                Fact.STAFF_TOTAL,
                100L,
                Fact.incidentsOfKind("CRIME"),
                0L,
                Fact.MODELS_EFFECTIVE,
                1L);
        // 2 entered + 3 + 2 + 2 = 9: excellent at its minimum
        Classification nine = TABLE.classify(all, resolution("2"));
        assertThat(nine.points()).isEqualByComparingTo("9");
        assertThat(nine.level()).isEqualTo(Level.EXCELLENT);
        // 0 + 3 + 2 + 2 = 7: good at its minimum
        assertThat(TABLE.classify(all, resolution("0")).level()).isEqualTo(Level.GOOD);
        // one crime: 0 + 3 + 0 + 2 = 5: average at its minimum
        Map<String, Long> crime = new java.util.HashMap<>(all);
        crime.put(Fact.incidentsOfKind("CRIME"), 1L);
        Classification five = TABLE.classify(crime, resolution("0"));
        assertThat(five.points()).isEqualByComparingTo("5");
        assertThat(five.level()).isEqualTo(Level.AVERAGE);
        // 89 of 100 signed as well: 0 + 0 + 0 + 2 = 2: weak
        crime.put(Fact.STAFF_SIGNED, 89L);
        assertThat(TABLE.classify(crime, resolution("0")).level()).isEqualTo(Level.WEAK);
    }

    @Test
    void aRatioIsComparedExactly() {
        Classification c = TABLE.classify(Map.of(Fact.STAFF_SIGNED, 899L, Fact.STAFF_TOTAL, 1000L), Map.of());
        var item = c.items().get(1);
        assertThat(item.points()).isEqualByComparingTo("0");
        assertThat(item.value()).isEqualByComparingTo("89.90");
        assertThat(item.missing()).isFalse();
        Classification ninety = TABLE.classify(Map.of(Fact.STAFF_SIGNED, 900L, Fact.STAFF_TOTAL, 1000L), Map.of());
        assertThat(ninety.items().get(1).points()).isEqualByComparingTo("3");
    }

    @Test
    void anItemWhoseFactIsMissingScoresZeroAndIsShownAsMissing() {
        Classification c = TABLE.classify(Map.of(Fact.MODELS_EFFECTIVE, 2L), Map.of());
        assertThat(c.points()).isEqualByComparingTo("2");
        assertThat(c.level()).isEqualTo(Level.WEAK);
        assertThat(c.missing())
                .extracting(Classification.ItemScore::code)
                .containsExactly("RESOLUTION", "PARTICIPATION", "NO_CRIME");
        assertThat(c.items().get(2).points()).isEqualByComparingTo("0");
        assertThat(c.items().get(2).value()).isNull();
        // a count of events is never missing: no record means none
        assertThat(c.items().get(3).missing()).isFalse();
        assertThat(c.items().get(3).value()).isEqualByComparingTo("0");
        // a ratio over nobody is missing too
        Classification none = TABLE.classify(Map.of(Fact.STAFF_SIGNED, 0L, Fact.STAFF_TOTAL, 0L), Map.of());
        assertThat(none.items().get(1).missing()).isTrue();
        assertThat(c.maxPoints()).isEqualByComparingTo("10");
    }

    @Test
    void enteredPointsAreKeptWithTheirEvidenceAndRefusedAboveTheMaximum() {
        var item = TABLE.classify(Map.of(), resolution("2.5")).items().get(0);
        assertThat(item.points()).isEqualByComparingTo("2.5");
        assertThat(item.evidence()).isEqualTo("NQ 01/NQ-CB 15/01/2022");
        assertThat(item.enteredBy()).isEqualTo("canbo");
        assertThat(item.missing()).isFalse();
        assertThatThrownBy(() -> TABLE.classify(Map.of(), resolution("3.5"))).hasMessageContaining("RESOLUTION");
    }

    @Test
    void thresholdsMustFallLevelByLevelAndCodesBeUnique() {
        assertThatThrownBy(() -> new PointTable(
                        "SCHOOL",
                        List.of(),
                        Map.of(
                                Level.EXCELLENT,
                                BigDecimal.ONE,
                                Level.GOOD,
                                BigDecimal.TEN,
                                Level.AVERAGE,
                                BigDecimal.ZERO)))
                .hasMessageContaining("GOOD");
        var item = PointItem.entered("A", "a", "a", "1");
        assertThatThrownBy(() -> new PointTable(
                        "SCHOOL",
                        List.of(item, item),
                        Map.of(
                                Level.EXCELLENT,
                                BigDecimal.ONE,
                                Level.GOOD,
                                BigDecimal.ONE,
                                Level.AVERAGE,
                                BigDecimal.ONE)))
                .hasMessageContaining("share the code");
    }
}
