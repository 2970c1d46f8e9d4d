package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.tuquan.TuquanTest;
import vn.tuquan.households.CommitmentForm;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.Households;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The corrected national rulebook (TT 124, version 2) judging units built from records in 2023: the
 * households "currently residing" at the period's end (one that moved out before it does not count),
 * and the commune police criterion in two entered parts, both needed.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=rulebook-corrections")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulebookCorrectionsTests {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final int YEAR = 2023;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    StoredVerdicts storedVerdicts;

    @Autowired
    SubmittingSelfAssessments selfAssessments;

    @Autowired
    Households households;

    @Autowired
    Commitments commitments;

    @Autowired
    JdbcClient jdbc;

    long haiMinh;
    long namMy;
    long area;
    long elsewhere;

    @BeforeAll
    void units(@Autowired OfficialLists lists, @Autowired Units units, @Autowired LocalUnits localUnits) {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        List<Long> ids = localUnits.createAll(
                Caller.SYSTEM,
                List.of(
                        Map.entry(haiMinh, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "RC1", "Xóm Sửa", null)),
                        Map.entry(
                                namMy, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", "RC2", "Thôn Khác", null))),
                LIST_DATE);
        area = ids.get(0);
        elsewhere = ids.get(1);
    }

    JsonNode outcome(long unitId, String criterion) {
        for (JsonNode o : storedVerdicts
                .one(Scope.WHOLE_COUNTRY, unitId, YEAR)
                .orElseThrow()
                .outcomes()) {
            if (o.get("criterion").asString().equals(criterion)) {
                return o;
            }
        }
        throw new AssertionError(criterion + " not judged");
    }

    @Test
    void aHouseholdThatMovedOutBeforeThePeriodsEndDoesNotCountAndTheRestRegisteredIs100Percent() {
        LocalDate arrived = LocalDate.of(2022, 11, 1);
        for (int i = 1; i <= 3; i++) {
            Household h = households.add(
                    Caller.SYSTEM, area, new HouseholdForm("RC-" + i, "Hộ Ở " + i, null, 3, false), arrived);
            commitments.record(Caller.SYSTEM, h.id(), YEAR, CommitmentForm.full(LocalDate.of(2023, 2, 1)));
        }
        Household left =
                households.add(Caller.SYSTEM, area, new HouseholdForm("RC-4", "Hộ Đi", null, 2, false), arrived);
        households.move(Caller.SYSTEM, left.id(), elsewhere, null, LocalDate.of(2023, 7, 15));
        runs.run(Caller.SYSTEM, area, YEAR);
        JsonNode registered = outcome(area, "HOUSEHOLDS_REGISTERED");
        assertThat(registered.get("result").asString()).isEqualTo("MET");
        JsonNode facts = storedVerdicts
                .one(Scope.WHOLE_COUNTRY, area, YEAR)
                .orElseThrow()
                .facts()
                .get("counts");
        assertThat(facts.get("households.total").asLong())
                .as("residing on 31/10/2023")
                .isEqualTo(3);
        assertThat(facts.get("households.registered").asLong()).isEqualTo(3);
        assertThat(storedVerdicts
                        .one(Scope.WHOLE_COUNTRY, area, YEAR)
                        .orElseThrow()
                        .rulebook())
                .contains("TT124_2021 v2");
    }

    @Test
    void aCommuneNeedsBothPartsOfThePoliceCriterion() {
        selfAssessments.register(Caller.SYSTEM, haiMinh, YEAR, LocalDate.of(2023, 2, 10));
        selfAssessments.enter(
                Caller.SYSTEM, haiMinh, YEAR, "POLICE_ADVISED", true, "Báo cáo tham mưu số 12/BC-CAX ngày 05/01/2023");
        runs.run(Caller.SYSTEM, haiMinh, YEAR);
        assertThat(outcome(haiMinh, "POLICE_ADVISED").get("result").asString()).isEqualTo("MET");
        assertThat(outcome(haiMinh, "POLICE_NOT_DISCIPLINED").get("result").asString())
                .as("the second part, missing")
                .isEqualTo("NEEDS_INPUT");
        assertThat(storedVerdicts
                        .one(Scope.WHOLE_COUNTRY, haiMinh, YEAR)
                        .orElseThrow()
                        .proposed())
                .isNotEqualTo("MET");

        selfAssessments.enter(
                Caller.SYSTEM,
                haiMinh,
                YEAR,
                "POLICE_NOT_DISCIPLINED",
                false,
                "Quyết định kỷ luật số 3/QĐ-CAH ngày 20/06/2023 đối với một cán bộ công an xã");
        runs.run(Caller.SYSTEM, haiMinh, YEAR);
        assertThat(outcome(haiMinh, "POLICE_NOT_DISCIPLINED").get("result").asString())
                .isEqualTo("NOT_MET");
        assertThat(storedVerdicts
                        .one(Scope.WHOLE_COUNTRY, haiMinh, YEAR)
                        .orElseThrow()
                        .proposed())
                .isEqualTo("NOT_MET");

        // the other way round: disciplined no one, but did not advise
        selfAssessments.enter(
                Caller.SYSTEM, haiMinh, YEAR, "POLICE_NOT_DISCIPLINED", true, "Không có cán bộ bị kỷ luật");
        selfAssessments.enter(Caller.SYSTEM, haiMinh, YEAR, "POLICE_ADVISED", false, "Không có văn bản tham mưu");
        runs.run(Caller.SYSTEM, haiMinh, YEAR);
        assertThat(outcome(haiMinh, "POLICE_ADVISED").get("result").asString()).isEqualTo("NOT_MET");
        assertThat(outcome(haiMinh, "POLICE_NOT_DISCIPLINED").get("result").asString())
                .isEqualTo("MET");
        assertThat(storedVerdicts
                        .one(Scope.WHOLE_COUNTRY, haiMinh, YEAR)
                        .orElseThrow()
                        .proposed())
                .isEqualTo("NOT_MET");
    }
}
