package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The bulk run from records: households registered or not, incidents at the edges of the period,
 * a locked verdict a later rule change leaves alone, a re-run with nothing changed that changes no
 * row, "what if" without storing. The rulebook is the test's own (a provincial version for Nam
 * Định) and the national seeds (V22) are removed from this test's own database: the mechanics of
 * the run are tested here; the national rulebooks in {@link EvaluationRunsRulebooksTests}.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-runs")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRunsTests {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    StoredVerdicts storedVerdicts;

    @Autowired
    JdbcClient jdbc;

    long province;
    long haiMinh;
    long namMy;
    long rulebook;
    /** Hải Minh's areas 0–3, Nam Mỹ's 4–5. */
    List<Long> areas = new ArrayList<>();

    @BeforeAll
    void units() {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        province = units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE)
                .orElseThrow()
                .id();
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            forms.add(new SimpleEntry<>(
                    i < 4 ? haiMinh : namMy,
                    new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "R" + i, "Xóm " + i, null)));
        }
        areas.addAll(localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE));
        jdbc.sql("DELETE FROM rulebook WHERE province_id IS NULL").update();
        rulebook = jdbc.sql("""
                INSERT INTO rulebook (code, version, province_id, regulation, name_vi, name_en, effective_from, created_by)
                VALUES ('TEST_ND', 1, :province, 'test', 'Bộ tiêu chí thử', 'Test rulebook', DATE '2010-01-01', 'test')
                RETURNING id""").param("province", province).query(Long.class).single();
        criterion(rulebook, "RESIDENTIAL_AREA", 1, "HOUSEHOLDS_REGISTERED", "{\"minPercent\": \"100\"}");
        criterion(rulebook, "RESIDENTIAL_AREA", 2, "NO_NEW_DRUG_USERS", "{}");
        criterion(rulebook, "COMMUNE", 1, "HOUSEHOLDS_REGISTERED", "{\"minPercent\": \"100\"}");
    }

    void criterion(long book, String kind, int position, String code, String params) {
        jdbc.sql("""
                INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, name_vi, name_en)
                VALUES (:book, :kind, :position, :code, CAST(:params AS jsonb), true, :code, :code)""")
                .param("book", book)
                .param("kind", kind)
                .param("position", position)
                .param("code", code)
                .param("params", params)
                .update();
    }

    /**
     * Households living in the area during the year only (from 1 January of the year before to the
     * end of the year: other tests' years do not see them), the first {@code registered} registered.
     */
    void households(long area, int count, int registered, int year) {
        for (int i = 0; i < count; i++) {
            long id = jdbc.sql("INSERT INTO household (head_name, members) VALUES ('Hộ thử', 3) RETURNING id")
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                    INSERT INTO household_residence (household_id, area_id, code, valid_from, valid_to)
                    VALUES (:id, :area, :code, make_date(:year - 1, 1, 1), make_date(:year + 1, 1, 1))""")
                    .param("id", id)
                    .param("area", area)
                    .param("code", "H" + id)
                    .param("year", year)
                    .update();
            if (i < registered) {
                register(id, year);
            }
        }
    }

    void register(long household, int year) {
        jdbc.sql("""
                INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage, self_prevent,
                                        self_protect, recorded_by)
                VALUES (:id, :year, make_date(:year, 3, 1), true, true, true, true, 'test')""").param("id", household).param("year", year).update();
    }

    long incident(long unitId, String category, String severity, Boolean subjective, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at, status,
                                      source, created_by)
                VALUES (:unit, :category, :severity, :subjective, :at, :at, 'REPORTED', 'PATROL', 'test') RETURNING id""")
                .param("unit", unitId)
                .param("category", category)
                .param("severity", severity)
                .param("subjective", subjective)
                .param("at", at)
                .query(Long.class)
                .single();
    }

    String proposed(long unitId, int year) {
        return jdbc.sql("SELECT proposed FROM evaluation WHERE unit_id = :u AND year = :y")
                .param("u", unitId)
                .param("y", year)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    long fact(long unitId, int year, String key) {
        return jdbc.sql(
                        "SELECT CAST(facts -> 'counts' ->> :key AS bigint) FROM evaluation WHERE unit_id = :u AND year = :y")
                .param("key", key)
                .param("u", unitId)
                .param("y", year)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** The row versions (xmin, xmax) of the year's evaluations: a row written or even locked again changes. */
    List<String> versions(int year) {
        return jdbc.sql(
                        "SELECT unit_id || ':' || xmin::text || ':' || xmax::text FROM evaluation WHERE year = :y ORDER BY unit_id")
                .param("y", year)
                .query(String.class)
                .list();
    }

    @Test
    void aCommuneWhoseAreasAllPassPassesAndOneUnregisteredHouseholdFailsItsAreaAndTheCommune() {
        int year = 2019;
        for (int i = 0; i < 4; i++) {
            households(areas.get(i), 3, 3, year);
        }
        RunSummary summary = runs.run(Caller.SYSTEM, haiMinh, year);
        assertThat(summary.evaluated()).isEqualTo(5);
        assertThat(summary.met()).isEqualTo(5);
        assertThat(summary.inserted()).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            assertThat(proposed(areas.get(i), year)).isEqualTo("MET");
        }
        assertThat(proposed(haiMinh, year)).isEqualTo("MET");
        assertThat(fact(haiMinh, year, "households.total")).isEqualTo(12);
        assertThat(fact(haiMinh, year, "children.total")).isEqualTo(4);
        assertThat(fact(haiMinh, year, "children.recognised")).isEqualTo(4);
        assertThat(fact(haiMinh, year, "children.residentialAreas.recognised")).isEqualTo(4);
        // Nam Mỹ is not under Hải Minh: not evaluated by this run
        assertThat(proposed(namMy, year)).isNull();
        String status = jdbc.sql("SELECT status FROM evaluation WHERE unit_id = :u AND year = :y")
                .param("u", areas.get(0))
                .param("y", year)
                .query(String.class)
                .single();
        assertThat(status).isEqualTo("NOT_REGISTERED");

        // one household more, not registered: its area and the commune fail; a changed record, a changed verdict
        households(areas.get(2), 1, 0, year);
        RunSummary again = runs.run(Caller.SYSTEM, haiMinh, year);
        assertThat(proposed(areas.get(2), year)).isEqualTo("NOT_MET");
        assertThat(proposed(haiMinh, year)).isEqualTo("NOT_MET");
        assertThat(fact(haiMinh, year, "children.recognised")).isEqualTo(3);
        assertThat(again.updated()).isEqualTo(2);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.notMet()).isEqualTo(2);

        // the stored explanation: every comparison of the area's criteria
        StoredEvaluation one =
                storedVerdicts.one(Scope.WHOLE_COUNTRY, areas.get(2), year).orElseThrow();
        assertThat(one.proposed()).isEqualTo("NOT_MET");
        assertThat(one.outcomes().get(0).get("criterion").asString()).isEqualTo("HOUSEHOLDS_REGISTERED");
        assertThat(one.outcomes().get(0).get("result").asString()).isEqualTo("NOT_MET");
        assertThat(one.outcomes().get(0).get("compared").get(0).get("value").decimalValue())
                .isEqualByComparingTo("75");
        assertThat(one.facts().get("counts").get("households.total").asLong()).isEqualTo(4);

        ResultsPage page = storedVerdicts.results(Scope.WHOLE_COUNTRY, haiMinh, year, "NOT_MET", 10, 0);
        assertThat(page.counts()).containsEntry("MET", 3L).containsEntry("NOT_MET", 2L);
        assertThat(page.verdicts()).extracting(StoredVerdict::unitId).containsExactlyInAnyOrder(haiMinh, areas.get(2));
    }

    @Test
    void aReRunWithNothingChangedChangesNoRow() {
        int year = 2020;
        households(areas.get(4), 2, 2, year);
        households(areas.get(5), 2, 1, year);
        runs.run(Caller.SYSTEM, namMy, year);
        List<String> before = versions(year);
        assertThat(before).hasSize(3);
        RunSummary again = runs.run(Caller.SYSTEM, namMy, year);
        assertThat(versions(year)).isEqualTo(before);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.inserted() + again.updated()).isZero();
    }

    @Test
    void aLockedVerdictIsNotChangedByAReRunAfterARuleChange() {
        int year = 2021;
        households(areas.get(4), 4, 3, year);
        households(areas.get(5), 4, 3, year);
        runs.run(Caller.SYSTEM, namMy, year);
        assertThat(proposed(areas.get(4), year)).isEqualTo("NOT_MET");
        jdbc.sql("""
                UPDATE evaluation SET status = 'REJECTED', locked = true, decision_number = '12/QĐ-UBND',
                       decision_date = DATE '2021-11-20', decision_signer = 'Chủ tịch' WHERE unit_id = :u AND year = :y""").param("u", areas.get(4)).param("y", year).update();
        String lockedRow = versions(year).stream()
                .filter(v -> v.startsWith(areas.get(4) + ":"))
                .findFirst()
                .orElseThrow();
        // the province lowers its threshold to 70% in a new version of its rulebook
        long v2 = jdbc.sql("""
                INSERT INTO rulebook (code, version, province_id, based_on, regulation, name_vi, name_en, effective_from,
                                      created_by)
                VALUES ('TEST_ND', 2, :province, :v1, 'test', 'Bộ tiêu chí thử 2', 'Test rulebook 2', DATE '2021-01-01', 'test')
                RETURNING id""")
                .param("province", province)
                .param("v1", rulebook)
                .query(Long.class)
                .single();
        criterion(v2, "RESIDENTIAL_AREA", 1, "HOUSEHOLDS_REGISTERED", "{\"minPercent\": \"70\"}");
        criterion(v2, "COMMUNE", 1, "HOUSEHOLDS_REGISTERED", "{\"minPercent\": \"70\"}");
        try {
            RunSummary again = runs.run(Caller.SYSTEM, namMy, year);
            assertThat(again.kept()).isEqualTo(1);
            assertThat(proposed(areas.get(5), year)).isEqualTo("MET");
            assertThat(proposed(areas.get(4), year)).isEqualTo("NOT_MET");
            assertThat(versions(year)).contains(lockedRow);
            assertThat(jdbc.sql("SELECT rulebook_id FROM evaluation WHERE unit_id = :u AND year = :y")
                            .param("u", areas.get(4))
                            .param("y", year)
                            .query(Long.class)
                            .single())
                    .isEqualTo(rulebook);
            // the commune counts the decided child as it was decided: not recognised
            assertThat(fact(namMy, year, "children.recognised")).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM rulebook_criterion WHERE rulebook_id = :id")
                    .param("id", v2)
                    .update();
            jdbc.sql("UPDATE evaluation SET rulebook_id = :v1 WHERE rulebook_id = :id")
                    .param("v1", rulebook)
                    .param("id", v2)
                    .update();
            jdbc.sql("DELETE FROM rulebook WHERE id = :id").param("id", v2).update();
        }
    }

    @Test
    void anIncidentOnTheLastDayOfTheWindowCountsAndOneTheDayAfterDoesNot() {
        // TT 124, 2023: residential areas 01/11/2022 – 31/10/2023, communes 16/11/2022 – 15/11/2023
        int year = 2023;
        long area = areas.get(1);
        households(area, 1, 1, year);
        incident(area, "CRIME_ROBBERY", "LESS_SERIOUS", null, OffsetDateTime.of(2023, 10, 31, 23, 59, 0, 0, VN));
        incident(area, "CRIME_ROBBERY", "LESS_SERIOUS", null, OffsetDateTime.of(2023, 11, 1, 0, 0, 0, 0, VN));
        incident(area, "FIRE", "SERIOUS", true, OffsetDateTime.of(2023, 11, 15, 23, 0, 0, 0, VN));
        incident(area, "FIRE", "SERIOUS", true, OffsetDateTime.of(2023, 11, 16, 0, 30, 0, 0, VN));
        incident(area, "FIRE", "SERIOUS", false, OffsetDateTime.of(2023, 5, 1, 0, 30, 0, 0, VN));
        runs.run(Caller.SYSTEM, haiMinh, year);
        assertThat(fact(area, year, "incidents.kind.CRIME")).isEqualTo(1);
        assertThat(fact(area, year, "previous.incidents.kind.CRIME")).isEqualTo(-1);
        // the fire of 15/11 is after the area's window, inside the commune's; the one of 16/11 in neither
        assertThat(fact(area, year, "incidents.seriousSubjective")).isZero();
        assertThat(fact(area, year, "incidents.kind.FIRE")).isEqualTo(1);
        assertThat(fact(haiMinh, year, "incidents.seriousSubjective")).isEqualTo(1);
        assertThat(fact(haiMinh, year, "incidents.kind.FIRE")).isEqualTo(2);
        // a category counts in its group too
        assertThat(fact(haiMinh, year, "incidents.category.FIRE_EXPLOSION")).isEqualTo(2);
        assertThat(fact(haiMinh, year, "incidents.kind.CRIME")).isEqualTo(2);

        // TT 23, 2017: residential areas 31/10/2016 – 31/10/2017
        incident(area, "CRIME_ROBBERY", "LESS_SERIOUS", null, OffsetDateTime.of(2017, 10, 31, 23, 59, 0, 0, VN));
        incident(area, "CRIME_ROBBERY", "LESS_SERIOUS", null, OffsetDateTime.of(2017, 11, 1, 0, 0, 0, 0, VN));
        runs.run(Caller.SYSTEM, haiMinh, 2017);
        assertThat(fact(area, 2017, "incidents.kind.CRIME")).isEqualTo(1);
        runs.run(Caller.SYSTEM, haiMinh, 2018);
        assertThat(fact(area, 2018, "incidents.kind.CRIME")).isEqualTo(1);
        assertThat(fact(area, 2018, "previous.incidents.kind.CRIME")).isEqualTo(1);
    }

    @Test
    void aDrugHotspotNotStableAtThePeriodsEndCounts() {
        int year = 2022;
        long area = areas.get(3);
        long hotspot = jdbc.sql("""
                INSERT INTO hotspot (name, kind, designated_on, designated_by, designation_number, created_by)
                VALUES ('Điểm thử', 'DRUGS', DATE '2021-03-01', 'UBND', '1/QĐ', 'test') RETURNING id""").query(Long.class).single();
        jdbc.sql("INSERT INTO hotspot_unit (hotspot_id, unit_id) VALUES (:h, :u)")
                .param("h", hotspot)
                .param("u", area)
                .update();
        jdbc.sql("""
                INSERT INTO hotspot_status (hotspot_id, status, valid_from, valid_to, reason, recorded_by)
                VALUES (:h, 'COMPLEX', DATE '2021-03-01', DATE '2022-10-31', 'thử', 'test'),
                       (:h, 'STABLE', DATE '2022-10-31', NULL, 'thử', 'test')""").param("h", hotspot).update();
        runs.run(Caller.SYSTEM, haiMinh, year);
        // stable from 31/10/2022, the areas' last day: none; the year before (31/10/2021) complex: one
        assertThat(fact(area, year, "hotspots.drugs")).isZero();
        assertThat(fact(area, year, "previous.hotspots.drugs")).isEqualTo(1);
        assertThat(fact(haiMinh, year, "previous.hotspots.drugs")).isEqualTo(1);
    }

    @Test
    void whatIfListsTheUnitsWhoseVerdictWouldChangeAndStoresNothing() {
        int year = 2024;
        households(areas.get(4), 10, 8, year);
        households(areas.get(5), 10, 6, year);
        runs.run(Caller.SYSTEM, namMy, year);
        List<String> before = versions(year);
        WhatIfPreview preview =
                runs.preview(Scope.WHOLE_COUNTRY, namMy, year, "HOUSEHOLDS_REGISTERED", Map.of("minPercent", "80"));
        assertThat(preview.evaluated()).isEqualTo(3);
        assertThat(preview.changes()).extracting(VerdictChange::unitId).containsExactly(areas.get(4));
        assertThat(preview.changes().get(0).from()).isEqualTo(Result.NOT_MET);
        assertThat(preview.changes().get(0).to()).isEqualTo(Result.MET);
        assertThat(versions(year)).isEqualTo(before);
        assertThat(runs.preview(Scope.WHOLE_COUNTRY, namMy, year, "HOUSEHOLDS_REGISTERED", Map.of("minPercent", "70"))
                        .changes())
                .extracting(VerdictChange::unitId)
                .containsExactlyInAnyOrder(areas.get(4), namMy);
        assertThatThrownBy(() -> runs.preview(Scope.WHOLE_COUNTRY, namMy, year, "NO_SUCH", Map.of("x", "1")))
                .isInstanceOf(EvaluationRefusedException.class);
        assertThatThrownBy(() -> runs.preview(
                        Scope.WHOLE_COUNTRY, namMy, year, "HOUSEHOLDS_REGISTERED", Map.of("minPercent", "abc")))
                .isInstanceOf(EvaluationRefusedException.class);
    }

    @Test
    void theWholeCountryRunsProvinceByProvinceWithTheHouseholdsReadInOnePass() {
        int year = 2018;
        households(areas.get(0), 3, 3, year);
        households(areas.get(4), 3, 2, year);
        RunSummary country = runs.runCountry(Caller.SYSTEM, year);
        long communes = jdbc.sql("""
                SELECT count(*) FROM unit_version WHERE kind = 'COMMUNE' AND valid_from <= DATE '2018-10-31'
                   AND (valid_to IS NULL OR valid_to > DATE '2018-10-31')""").query(Long.class).single();
        assertThat(country.evaluated()).isEqualTo(communes + 6);
        assertThat(proposed(areas.get(0), year)).isEqualTo("MET");
        assertThat(proposed(areas.get(4), year)).isEqualTo("NOT_MET");
        assertThat(fact(areas.get(4), year, "households.registered")).isEqualTo(2);
        assertThat(fact(namMy, year, "households.total")).isEqualTo(3);
        // the same facts as a run of the commune alone: nothing to write
        List<String> before = versions(year);
        RunSummary commune = runs.run(Caller.SYSTEM, namMy, year);
        assertThat(commune.unchanged()).isEqualTo(3);
        assertThat(versions(year)).isEqualTo(before);
        Caller provincial = new Caller(
                9, "tinh", Set.of(Permission.EVALUATION_WRITE), Scope.of(Set.of(province)), Scope.of(Set.of(province)));
        assertThatThrownBy(() -> runs.runCountry(provincial, year)).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void outsideTheCallersScopeNothingRunsAndNothingIsRead() {
        Caller commune = new Caller(
                7,
                "xa",
                Set.of(Permission.EVALUATION_READ, Permission.EVALUATION_WRITE),
                Scope.of(Set.of(haiMinh)),
                Scope.of(Set.of(haiMinh)));
        assertThatThrownBy(() -> runs.run(commune, namMy, 2019)).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> storedVerdicts.results(Scope.of(Set.of(haiMinh)), namMy, 2019, null, 10, 0))
                .isInstanceOf(AccessRefusedException.class);
        Caller reader = new Caller(
                8, "doc", Set.of(Permission.EVALUATION_READ), Scope.of(Set.of(haiMinh)), Scope.of(Set.of(haiMinh)));
        assertThatThrownBy(() -> runs.run(reader, haiMinh, 2019)).isInstanceOf(AccessRefusedException.class);
    }
}
