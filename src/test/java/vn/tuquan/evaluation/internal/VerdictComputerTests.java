package vn.tuquan.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import vn.tuquan.evaluation.ChangedParams;
import vn.tuquan.evaluation.RulebookInForce;
import vn.tuquan.evaluation.RulebookVersion;
import vn.tuquan.evaluation.rules.CriteriaSet;
import vn.tuquan.evaluation.rules.Entry;
import vn.tuquan.evaluation.rules.Fact;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.evaluation.rules.Params;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.units.UnitKind;

/**
 * The proposed verdicts of a subtree without Spring or a database: the children's counts of a commune
 * (a decided child by its decision, an undecided one by its proposed verdict), units without a
 * rulebook, entries, and "what if" with a criterion's parameters changed.
 */
class VerdictComputerTests {

    private static final LocalDate FROM = LocalDate.of(2022, 11, 1);
    private static final LocalDate TO = LocalDate.of(2023, 10, 31);
    private static final RulebookVersion BOOK =
            new RulebookVersion(1, "TEST", 1, null, "TT test", "Thử", "Test", LocalDate.of(2022, 2, 10));
    private static final Map<String, CriteriaSet> CRITERIA = Map.of(
            "RESIDENTIAL_AREA",
                    new CriteriaSet(
                            "TEST",
                            "RESIDENTIAL_AREA",
                            List.of(new Rule(
                                    "HOUSEHOLDS_REGISTERED",
                                    Params.NONE,
                                    "Điều 4.1",
                                    "Hộ đăng ký",
                                    "Households registered"))),
            "COMMUNE",
                    new CriteriaSet(
                            "TEST",
                            "COMMUNE",
                            List.of(new Rule(
                                    "CHILDREN_REGISTERED_AND_RECOGNISED",
                                    Params.NONE,
                                    "Điều 5.4",
                                    "Đơn vị đăng ký, được công nhận",
                                    "Units registered and recognised"))));
    /** Residential areas and communes have criteria; schools have none in this rulebook. */
    private static final BiFunction<String, LocalDate, Optional<RulebookInForce>> IN_FORCE =
            (kind, periodTo) -> Optional.ofNullable(CRITERIA.get(kind)).map(c -> new RulebookInForce(BOOK, c));

    private static GatheredUnit commune(long id) {
        return new GatheredUnit(
                id, "C" + id, "Xã " + id, UnitKind.COMMUNE, 100L, "COMMUNE", facts("COMMUNE", Map.of()));
    }

    private static GatheredUnit area(long id, long parent, long registered, long total) {
        return new GatheredUnit(
                id,
                "A" + id,
                "Thôn " + id,
                UnitKind.RESIDENTIAL_AREA,
                parent,
                "RESIDENTIAL_AREA",
                facts(
                        "RESIDENTIAL_AREA",
                        Map.of(Fact.HOUSEHOLDS_REGISTERED, registered, Fact.HOUSEHOLDS_TOTAL, total)));
    }

    private static GatheredUnit school(long id, long parent) {
        return new GatheredUnit(
                id, "S" + id, "Trường " + id, UnitKind.SCHOOL, parent, "SCHOOL", facts("SCHOOL", Map.of()));
    }

    private static Facts facts(String kind, Map<String, Long> counts) {
        return new Facts(kind, 2023, FROM, TO, counts, Map.of());
    }

    private static ComputedVerdict of(ComputedVerdicts verdicts, long unitId) {
        return verdicts.verdicts().stream()
                .filter(v -> v.unit().unitId() == unitId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCommuneCountsItsChildrenByTheirDecisionOrElseTheirProposedVerdict() {
        List<GatheredUnit> tree = List.of(
                commune(1),
                area(2, 1, 10, 10),
                area(3, 1, 9, 10),
                area(4, 1, 10, 10),
                area(7, 1, 10, 10),
                school(5, 1));
        Map<Long, String> status = Map.of(2L, "REGISTERED", 3L, "RECOGNISED", 4L, "REJECTED");

        ComputedVerdicts verdicts = VerdictComputer.compute(tree, status::get, Map.of(), IN_FORCE, null);

        assertThat(verdicts.withoutRulebook())
                .as("the school: no criteria in this rulebook")
                .isEqualTo(1);
        assertThat(verdicts.verdicts()).hasSize(5);
        assertThat(of(verdicts, 2).evaluation().result()).isEqualTo(Result.MET);
        assertThat(of(verdicts, 3).evaluation().result()).isEqualTo(Result.NOT_MET);
        // 2 proposed MET, 3 recognised by decision (though NOT_MET now), 4 rejected (though MET), 7 not registered
        Facts commune = of(verdicts, 1).facts();
        assertThat(commune.count(Fact.CHILDREN_TOTAL)).isEqualTo(4);
        assertThat(commune.count(Fact.CHILDREN_REGISTERED)).isEqualTo(3);
        assertThat(commune.count(Fact.CHILDREN_RECOGNISED)).isEqualTo(3);
        assertThat(commune.count(Fact.CHILDREN_AREAS_TOTAL)).isEqualTo(4);
        assertThat(commune.count(Fact.CHILDREN_AREAS_REGISTERED)).isEqualTo(3);
        assertThat(commune.count(Fact.CHILDREN_AREAS_RECOGNISED)).isEqualTo(3);
        assertThat(of(verdicts, 1).evaluation().result())
                .as("3 of 4 registered: not 100%")
                .isEqualTo(Result.NOT_MET);
        assertThat(verdicts.verdicts()
                        .get(verdicts.verdicts().size() - 1)
                        .unit()
                        .unitId())
                .as("the commune after its children")
                .isEqualTo(1);
    }

    @Test
    void aCommuneWithEveryChildRegisteredAndSeventyPercentRecognisedIsMet() {
        List<GatheredUnit> tree = new java.util.ArrayList<>(List.of(commune(1)));
        Map<Long, String> status = new HashMap<>();
        for (long id = 2; id <= 11; id++) {
            tree.add(area(id, 1, id <= 8 ? 10 : 9, 10)); // 7 of 10 met: exactly 70%
            status.put(id, "DRAFT");
        }
        ComputedVerdicts verdicts = VerdictComputer.compute(tree, status::get, Map.of(), IN_FORCE, null);
        assertThat(of(verdicts, 1).evaluation().result()).isEqualTo(Result.MET);
    }

    @Test
    void aCommuneWithoutChildrenNeedsInputAndAUnitOutsideACommuneIsNotCounted() {
        GatheredUnit agency = new GatheredUnit(
                20,
                "G",
                "Sở",
                UnitKind.AGENCY,
                100L,
                "RESIDENTIAL_AREA",
                facts("RESIDENTIAL_AREA", Map.of(Fact.HOUSEHOLDS_REGISTERED, 1L, Fact.HOUSEHOLDS_TOTAL, 1L)));
        ComputedVerdicts verdicts =
                VerdictComputer.compute(List.of(commune(1), agency), id -> null, Map.of(), IN_FORCE, null);
        assertThat(of(verdicts, 1).facts().count(Fact.CHILDREN_TOTAL)).isZero();
        assertThat(of(verdicts, 1).evaluation().result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(of(verdicts, 20).evaluation().result()).isEqualTo(Result.MET);
    }

    @Test
    void entriesJoinTheFactsAndAChangedParameterChangesTheVerdict() {
        List<GatheredUnit> tree = List.of(area(3, 1, 9, 10));
        Entry entry = new Entry(true, "Biên bản", "truongthon");
        ComputedVerdicts now = VerdictComputer.compute(
                tree, id -> null, Map.of(3L, Map.of("POLICIES_CARRIED_OUT", entry)), IN_FORCE, null);
        assertThat(of(now, 3).facts().entered("POLICIES_CARRIED_OUT")).isEqualTo(entry);
        assertThat(of(now, 3).evaluation().result()).isEqualTo(Result.NOT_MET);

        ComputedVerdicts then = VerdictComputer.compute(
                tree,
                id -> null,
                Map.of(),
                IN_FORCE,
                new ChangedParams("HOUSEHOLDS_REGISTERED", Map.of("minPercent", "90")));
        assertThat(of(then, 3).evaluation().result()).as("9 of 10 is 90%").isEqualTo(Result.MET);
        assertThat(CRITERIA.get("RESIDENTIAL_AREA").rules().get(0).params())
                .as("the rulebook unchanged")
                .isEqualTo(Params.NONE);
    }

    @Test
    void childrenCountsAddOneChildAtATime() {
        ChildrenCounts c = ChildrenCounts.NONE
                .plus(true, true, true)
                .plus(true, false, false)
                .plus(false, true, true);
        assertThat(c).isEqualTo(new ChildrenCounts(3, 2, 2, 2, 1, 2));
        assertThat(c.facts())
                .containsExactly(
                        Map.entry(Fact.CHILDREN_TOTAL, 3L),
                        Map.entry(Fact.CHILDREN_REGISTERED, 2L),
                        Map.entry(Fact.CHILDREN_RECOGNISED, 2L),
                        Map.entry(Fact.CHILDREN_AREAS_TOTAL, 2L),
                        Map.entry(Fact.CHILDREN_AREAS_REGISTERED, 1L),
                        Map.entry(Fact.CHILDREN_AREAS_RECOGNISED, 2L));
    }
}
