package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The bulk run with the national rulebooks of V22: under TT 23 (2017) and TT 124 (2023) a commune
 * whose three residential areas all pass passes (the entered criteria entered yes, the units
 * registered, as the process would), and fails when one area fails — 2 of 3 recognised is under
 * 70% — with every other criterion of the commune met.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-runs-rulebooks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRunsRulebooksTests {

    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);

    @Autowired
    EvaluationRuns runs;

    @Autowired
    JdbcClient jdbc;

    long tt23Commune;
    long tt124Commune;
    final List<Long> tt23Areas = new ArrayList<>();
    final List<Long> tt124Areas = new ArrayList<>();

    @BeforeAll
    void units(@Autowired OfficialLists lists, @Autowired Units units, @Autowired LocalUnits localUnits) {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        tt23Commune = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        tt124Commune = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        for (int i = 0; i < 6; i++) {
            long commune = i < 3 ? tt23Commune : tt124Commune;
            long area = localUnits
                    .createAll(
                            Caller.SYSTEM,
                            List.of(Map.entry(
                                    commune,
                                    new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "N" + i, "Xóm " + i, null))),
                            LIST_DATE)
                    .get(0);
            (i < 3 ? tt23Areas : tt124Areas).add(area);
        }
    }

    void households(long area, int count, int registered, int year) {
        for (int i = 0; i < count; i++) {
            long id = jdbc.sql("INSERT INTO household (head_name, members) VALUES ('Hộ', 3) RETURNING id")
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                    INSERT INTO household_residence (household_id, area_id, code, valid_from)
                    VALUES (:id, :area, :code, DATE '2015-01-01')""")
                    .param("id", id)
                    .param("area", area)
                    .param("code", "H" + id)
                    .update();
            if (i < registered) {
                jdbc.sql("""
                        INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage,
                                                self_prevent, self_protect, recorded_by)
                        VALUES (:id, :year, make_date(:year, 3, 1), true, true, true, true, 'test')""").param("id", id).param("year", year).update();
            }
        }
    }

    void effectiveModel(long unit, int year) {
        long model = jdbc.sql("""
                INSERT INTO movement_model (unit_id, type_code, name, started_on)
                VALUES (:unit, 'PEOPLES_SECURITY_TEAM', 'Tổ an ninh', DATE '2015-01-01') RETURNING id""").param("unit", unit).query(Long.class).single();
        jdbc.sql("INSERT INTO model_assessment (model_id, year, effective, reason) VALUES (:m, :y, true, 'tốt')")
                .param("m", model)
                .param("y", year)
                .update();
    }

    /**
     * What the process would do after the first run: every unit registered, and every criterion of
     * its rulebook entered yes with evidence (a computed criterion ignores an entry).
     */
    void registeredAndEntered(int year, List<Long> unitIds) {
        jdbc.sql("""
                UPDATE evaluation SET status = 'REGISTERED', registered_on = make_date(:y, 1, 15)
                 WHERE year = :y AND unit_id IN (:units)""").param("y", year).param("units", unitIds).update();
        jdbc.sql("""
                INSERT INTO evaluation_entry (evaluation_id, criterion, value, evidence, entered_by)
                SELECT e.id, c.criterion, true, 'Nghị quyết số 01/NQ-CB', 'test'
                  FROM evaluation e JOIN rulebook_criterion c ON c.rulebook_id = e.rulebook_id AND c.unit_kind = e.unit_kind
                 WHERE e.year = :y AND e.unit_id IN (:units)
                ON CONFLICT DO NOTHING""").param("y", year).param("units", unitIds).update();
    }

    String proposed(long unitId, int year) {
        return jdbc.sql("SELECT proposed FROM evaluation WHERE unit_id = :u AND year = :y")
                .param("u", unitId)
                .param("y", year)
                .query(String.class)
                .single();
    }

    /** The criteria of the unit's stored verdict that are not met (or need input), as "CODE=RESULT". */
    List<String> notMet(long unitId, int year) {
        return jdbc.sql("""
                SELECT o ->> 'criterion' || '=' || (o ->> 'result') FROM evaluation e, jsonb_array_elements(e.outcomes) o
                 WHERE e.unit_id = :u AND e.year = :y AND o ->> 'result' <> 'MET'""")
                .param("u", unitId)
                .param("y", year)
                .query(String.class)
                .list();
    }

    String rulebook(long unitId, int year) {
        return jdbc.sql(
                        "SELECT r.code FROM evaluation e JOIN rulebook r ON r.id = e.rulebook_id WHERE e.unit_id = :u AND e.year = :y")
                .param("u", unitId)
                .param("y", year)
                .query(String.class)
                .single();
    }

    void passesThenFailsBecauseOneChildFails(long commune, List<Long> areas, int year, String code) {
        for (long area : areas) {
            households(area, 3, 3, year);
            effectiveModel(area, year);
        }
        runs.run(Caller.SYSTEM, commune, year);
        List<Long> all = new ArrayList<>(areas);
        all.add(commune);
        registeredAndEntered(year, all);
        RunSummary summary = runs.run(Caller.SYSTEM, commune, year);
        for (long unit : all) {
            assertThat(rulebook(unit, year)).isEqualTo(code);
            assertThat(notMet(unit, year))
                    .as("criteria not met of unit " + unit)
                    .isEmpty();
            assertThat(proposed(unit, year)).isEqualTo("MET");
        }
        assertThat(summary.met()).isEqualTo(4);

        // one area with a household that did not register: 2 of 3 areas recognised, 66.7% < 70%
        households(areas.get(1), 1, 0, year);
        runs.run(Caller.SYSTEM, commune, year);
        assertThat(proposed(areas.get(0), year)).isEqualTo("MET");
        assertThat(notMet(areas.get(1), year)).containsExactly("HOUSEHOLDS_REGISTERED=NOT_MET");
        assertThat(notMet(commune, year)).containsExactly("CHILDREN_REGISTERED_AND_RECOGNISED=NOT_MET");
        assertThat(proposed(commune, year)).isEqualTo("NOT_MET");
    }

    @Test
    void underTt23In2017() {
        passesThenFailsBecauseOneChildFails(tt23Commune, tt23Areas, 2017, "TT23_2012");
    }

    @Test
    void underTt124In2023() {
        passesThenFailsBecauseOneChildFails(tt124Commune, tt124Areas, 2023, "TT124_2021");
    }
}
