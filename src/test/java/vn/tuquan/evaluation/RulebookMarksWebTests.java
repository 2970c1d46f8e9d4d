package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The rulebooks as people read them (issue 14): the rulebook page shows every criterion of every
 * version as the rulebook data holds it (position, article, both names, thresholds, "to confirm");
 * the criteria whose text was not found in the regulation are marked "to confirm" on the rulebook
 * page, the explanation, the process page and in the API, until a provincial administrator confirms
 * one for their province (audited; refusals change nothing); the classification marks its items and
 * level thresholds still to confirm (QĐ 510); and a residential area's 2022 period, which began before
 * TT 124 came into force, says which regulation judged it.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-rulebook-marks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulebookMarksWebTests {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    SubmittingSelfAssessments selfAssessments;

    RulebooksFixture nd;
    long area;

    @BeforeAll
    void setUp(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired UserAccounts accounts,
            @Autowired LocalUnits localUnits) {
        nd = RulebooksFixture.ensure(lists, units, accounts);
        area = localUnits
                .create(
                        Caller.SYSTEM,
                        nd.commune(),
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "TO", "RM1", "Tổ dân phố Dấu", null),
                        RulebooksFixture.LIST_DATE)
                .id();
        // registered, so the process page shows the self-assessment's criteria
        selfAssessments.register(Caller.SYSTEM, area, 2022, java.time.LocalDate.of(2022, 3, 1));
        selfAssessments.register(Caller.SYSTEM, area, 2023, java.time.LocalDate.of(2023, 2, 10));
        runs.run(Caller.SYSTEM, area, 2022);
        runs.run(Caller.SYSTEM, area, 2023);
    }

    WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, RulebooksFixture.PASSWORD);
        return session;
    }

    long id(String code, int version) {
        return jdbc.sql("SELECT id FROM rulebook WHERE code = :c AND version = :v AND province_id IS NULL")
                .param("c", code)
                .param("v", version)
                .query(Long.class)
                .single();
    }

    /** The criteria of a version and kind the rulebook marks to confirm, in order. */
    List<String> markedToConfirm(long rulebookId, String kind) {
        return jdbc.sql(
                        "SELECT criterion FROM rulebook_criterion WHERE rulebook_id = :id AND unit_kind = :kind AND to_confirm"
                                + " ORDER BY position")
                .param("id", rulebookId)
                .param("kind", kind)
                .query(String.class)
                .list();
    }

    long confirmations() {
        return jdbc.sql("SELECT count(*) FROM rulebook_confirmation")
                .query(Long.class)
                .single();
    }

    long auditEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'rulebook-confirmation'")
                .query(Long.class)
                .single();
    }

    @Test
    void theRulebookPageShowsEveryCriterionOfEveryVersionAsTheRulebookDataHoldsIt() {
        WebSession viewer = signedIn(RulebooksFixture.VIEWER);
        List<Map<String, Object>> versions = jdbc.sql(
                        "SELECT id, regulation, effective_from FROM rulebook WHERE province_id IS NULL ORDER BY id")
                .query()
                .listOfRows();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(6);
        int rows = 0;
        int marked = 0;
        for (Map<String, Object> v : versions) {
            long id = ((Number) v.get("id")).longValue();
            Document page =
                    Jsoup.parse(viewer.getPage("/evaluation/rulebooks?id=" + id).body());
            assertThat(page.select("p.text-body-secondary").text())
                    .contains(
                            (String) v.get("regulation"),
                            DAY.format(((java.sql.Date) v.get("effective_from")).toLocalDate()));
            List<Map<String, Object>> criteria = jdbc.sql("""
                    SELECT unit_kind, position, criterion, article, name_vi, name_en,
                           to_confirm AND NOT EXISTS (SELECT FROM rulebook_confirmation f WHERE f.province_id = :province
                                                         AND f.rulebook_id = c.rulebook_id AND f.unit_kind = c.unit_kind
                                                         AND f.criterion = c.criterion) AS to_confirm,
                           (SELECT count(*) FROM jsonb_object_keys(params)) AS params
                      FROM rulebook_criterion c WHERE rulebook_id = :id ORDER BY unit_kind, position""")
                    .param("id", id)
                    .param("province", nd.province())
                    .query()
                    .listOfRows();
            assertThat(page.select("table.rulebook-criteria tbody tr"))
                    .as("rulebook %s", id)
                    .hasSize(criteria.size());
            for (Map<String, Object> c : criteria) {
                Element row = page.selectFirst(
                        "table[data-kind=" + c.get("unit_kind") + "] tr[data-criterion=" + c.get("criterion") + "]");
                assertThat(row)
                        .as("%s %s in rulebook %s", c.get("unit_kind"), c.get("criterion"), id)
                        .isNotNull();
                var cells = row.select("td");
                assertThat(cells.get(0).text()).isEqualTo(c.get("position").toString());
                assertThat(cells.get(1).text()).isEqualTo(c.get("article") == null ? "" : (String) c.get("article"));
                assertThat(cells.get(2).text()).isEqualTo(c.get("name_vi"));
                assertThat(cells.get(3).text()).isEqualTo(c.get("name_en"));
                assertThat(cells.get(4).select("span")).hasSize(((Number) c.get("params")).intValue());
                boolean toConfirm = (Boolean) c.get("to_confirm");
                assertThat(row.select(".to-confirm"))
                        .as("%s %s", c.get("unit_kind"), c.get("criterion"))
                        .hasSize(toConfirm ? 1 : 0);
                assertThat(row.attr("data-to-confirm")).isEqualTo(Boolean.toString(toConfirm));
                rows++;
                marked += toConfirm ? 1 : 0;
            }
            assertThat(page.select(".confirm-criterion"))
                    .as("a viewer may not confirm")
                    .isEmpty();
        }
        assertThat(rows).isGreaterThan(100);
        assertThat(marked).as("the corrected versions mark criteria to confirm").isPositive();
    }

    @Test
    void aProvincialAdministratorConfirmsACriterionForTheirProvinceAndTheMarkGoesEverywhereForItOnly() {
        long tt124 = id("TT124_2021", 2);
        List<String> marked = markedToConfirm(tt124, "RESIDENTIAL_AREA");
        assertThat(marked).as("TT 124 Điều 4 clauses 4–5 are Tuquan's model").isNotEmpty();
        String criterion = marked.get(0);
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);

        // marked on the explanation, the process page and in the API before
        Document explanation = Jsoup.parse(
                officer.getPage("/evaluation/units/" + area + "/years/2023").body());
        assertThat(explanation.select("li.criterion:has(.criterion-to-confirm)").eachAttr("data-criterion"))
                .containsExactlyElementsOf(marked);
        assertThat(explanation.select("#criteria-to-confirm").text()).startsWith(marked.size() + " tiêu chí");
        Document process = Jsoup.parse(officer.getPage("/evaluation/units/" + area + "/years/2023/process")
                .body());
        assertThat(process.select(".evaluation-criterion:has(.criterion-to-confirm)")
                        .eachAttr("data-criterion"))
                .containsExactlyElementsOf(marked);
        assertThat(officer.get("/api/v1/evaluation/units/" + area + "/years/2023/explanation")
                        .body())
                .contains("\"criterion\":\"" + criterion + "\"", "\"toConfirm\":true");

        // the rulebook page offers the officer the form, in the criterion's row
        String pagePath = "/evaluation/rulebooks?id=" + tt124;
        Document page = Jsoup.parse(officer.getPage(pagePath).body());
        Element row = page.selectFirst("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=" + criterion + "]");
        assertThat(row.select(".to-confirm")).hasSize(1);
        Element form = row.selectFirst(".confirm-criterion form");
        assertThat(form.attr("action"))
                .isEqualTo("/evaluation/units/" + nd.province() + "/rulebooks/" + tt124 + "/confirmations");
        assertThat(page.select(".rulebook-to-confirm-note").text()).contains("Tỉnh Nam Định");

        // no note: refused, the field marked with its message, nothing written
        long before = confirmations();
        long audited = auditEntries();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.put("note", "  ");
        HttpResponse<String> refused = officer.postForm(form.attr("action"), fields);
        assertThat(refused.statusCode()).isEqualTo(302);
        Document again = Jsoup.parse(officer.getPage(
                        refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body());
        Element refusedRow =
                again.selectFirst("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=" + criterion + "]");
        assertThat(refusedRow.select("textarea.is-invalid")).hasSize(1);
        assertThat(refusedRow.select(".invalid-feedback").text()).isNotBlank();
        assertThat(confirmations()).isEqualTo(before);
        assertThat(auditEntries()).isEqualTo(audited);

        // with a note: confirmed, audited, the mark gone for the province
        fields.put("note", "Đối chiếu Thông tư 124/2021/TT-BCA bản đăng Công báo, Điều 4 khoản 4");
        HttpResponse<String> done = officer.postForm(form.attr("action"), fields);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(confirmations()).isEqualTo(before + 1);
        assertThat(auditEntries()).isEqualTo(audited + 1);
        Document after = Jsoup.parse(officer.getPage(pagePath).body());
        Element confirmedRow =
                after.selectFirst("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=" + criterion + "]");
        assertThat(confirmedRow.select(".to-confirm")).isEmpty();
        assertThat(confirmedRow.select(".confirm-criterion")).isEmpty();
        assertThat(confirmedRow.select(".confirmed").text())
                .contains("Tỉnh Nam Định", RulebooksFixture.PROVINCIAL, "Công báo, Điều 4 khoản 4");
        Document explained = Jsoup.parse(
                officer.getPage("/evaluation/units/" + area + "/years/2023").body());
        assertThat(explained.select("li.criterion:has(.criterion-to-confirm)").eachAttr("data-criterion"))
                .containsExactlyElementsOf(marked.subList(1, marked.size()));
        Document processAfter = Jsoup.parse(officer.getPage("/evaluation/units/" + area + "/years/2023/process")
                .body());
        assertThat(processAfter
                        .select(".evaluation-criterion:has(.criterion-to-confirm)")
                        .eachAttr("data-criterion"))
                .doesNotContain(criterion);
        // confirming twice changes nothing
        officer.postForm(form.attr("action"), fields);
        assertThat(confirmations()).isEqualTo(before + 1);
        assertThat(auditEntries()).isEqualTo(audited + 1);

        // for any other province (none known: every marked criterion) it is still to confirm
        assertThat(rulebooks.stillToConfirm(tt124, "RESIDENTIAL_AREA", null)).contains(criterion);
        assertThat(rulebooks.stillToConfirm(tt124, "RESIDENTIAL_AREA", nd.province()))
                .doesNotContain(criterion)
                .containsAll(marked.subList(1, marked.size()));
    }

    @Test
    void theApiConfirmsOnlyACriterionMarkedToConfirmWithinTheCallersProvince() {
        long tt124 = id("TT124_2021", 2);
        List<String> marked = markedToConfirm(tt124, "COMMUNE");
        assertThat(marked).isNotEmpty();
        String path = "/api/v1/evaluation/units/" + nd.province() + "/rulebooks/" + tt124 + "/confirmations";
        long before = confirmations();
        long audited = auditEntries();

        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        HttpResponse<String> notMarked = officer.sendJson(
                "POST", path, "{\"unitKind\":\"COMMUNE\",\"criterion\":\"POLICE_ADVISED\",\"note\":\"Điều 5.3\"}");
        assertThat(notMarked.statusCode()).isEqualTo(400);
        assertThat(notMarked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(notMarked.body()).contains("criterion");
        HttpResponse<String> noNote =
                officer.sendJson("POST", path, "{\"unitKind\":\"COMMUNE\",\"criterion\":\"" + marked.get(0) + "\"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        HttpResponse<String> unknownKind =
                officer.sendJson("POST", path, "{\"unitKind\":\"VILLAGE\",\"criterion\":\"X\",\"note\":\"n\"}");
        assertThat(unknownKind.statusCode()).isEqualTo(400);

        HttpResponse<String> communeOfficer = signedIn(RulebooksFixture.COMMUNE_OFFICER)
                .sendJson(
                        "POST",
                        path,
                        "{\"unitKind\":\"COMMUNE\",\"criterion\":\"" + marked.get(0) + "\",\"note\":\"n\"}");
        assertThat(communeOfficer.statusCode())
                .as("the province is outside their capture scope")
                .isEqualTo(403);
        HttpResponse<String> viewer = signedIn(RulebooksFixture.VIEWER)
                .sendJson(
                        "POST",
                        path,
                        "{\"unitKind\":\"COMMUNE\",\"criterion\":\"" + marked.get(0) + "\",\"note\":\"n\"}");
        assertThat(viewer.statusCode()).as("no EVALUATION_APPROVE").isEqualTo(403);
        assertThat(confirmations()).isEqualTo(before);
        assertThat(auditEntries()).isEqualTo(audited);

        HttpResponse<String> created = officer.sendJson(
                "POST",
                path,
                "{\"unitKind\":\"COMMUNE\",\"criterion\":\"" + marked.get(0)
                        + "\",\"note\":\"Công văn hướng dẫn của Bộ Công an\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(confirmations()).isEqualTo(before + 1);
        assertThat(officer.get(path).body())
                .contains(
                        "\"criterion\":\"" + marked.get(0) + "\"",
                        "\"confirmedBy\":\"" + RulebooksFixture.PROVINCIAL + "\"");
    }

    @Test
    void theResidentialAreas2022PeriodSaysItWasJudgedUnderTT124WhichCameIntoForceDuringIt() {
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        Document y2022 = Jsoup.parse(
                officer.getPage("/evaluation/units/" + area + "/years/2022").body());
        assertThat(y2022.select("#verdict-rulebook").text()).contains("124/2021");
        assertThat(y2022.select("#began-before-rulebook").text()).contains("01/11/2021", "10/02/2022", "124/2021");
        Document process2022 = Jsoup.parse(officer.getPage("/evaluation/units/" + area + "/years/2022/process")
                .body());
        assertThat(process2022.select("#began-before-rulebook").text())
                .contains("01/11/2021", "10/02/2022", "TT124_2021");

        Document y2023 = Jsoup.parse(
                officer.getPage("/evaluation/units/" + area + "/years/2023").body());
        assertThat(y2023.select("#began-before-rulebook")).isEmpty();
        Document process2023 = Jsoup.parse(officer.getPage("/evaluation/units/" + area + "/years/2023/process")
                .body());
        assertThat(process2023.select("#began-before-rulebook")).isEmpty();
        assertThat(officer.get("/api/v1/evaluation/units/" + area + "/years/2022/process")
                        .body())
                .contains("\"beganUnderEarlierRegulation\":true");
    }

    @Test
    void theClassificationMarksTheItemsAndLevelThresholdsStillToConfirm() {
        Set<String> items = Set.copyOf(
                jdbc.sql("SELECT code FROM classification_item WHERE unit_kind = 'RESIDENTIAL_AREA' AND to_confirm")
                        .query(String.class)
                        .list());
        long all = jdbc.sql("SELECT count(*) FROM classification_item WHERE unit_kind = 'RESIDENTIAL_AREA'")
                .query(Long.class)
                .single();
        assertThat(items).hasSize((int) all);
        Document page = Jsoup.parse(signedIn(RulebooksFixture.PROVINCIAL)
                .getPage("/evaluation/units/" + area + "/years/2023")
                .body());
        List<String> shown = new ArrayList<>(
                page.select("tr.classification-item:has(.item-to-confirm)").eachAttr("data-item"));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(items);
        assertThat(page.select(".levels-to-confirm")).hasSize(1);

        // the agency items QĐ 510 names are not marked
        assertThat(jdbc.sql(
                                "SELECT string_agg(code, ',' ORDER BY code) FROM classification_item WHERE unit_kind = 'AGENCY' AND NOT to_confirm")
                        .query(String.class)
                        .single())
                .isEqualTo("PARTICIPATION,RESOLUTION_REPORTING");
        HttpResponse<String> api = signedIn(RulebooksFixture.PROVINCIAL)
                .get("/api/v1/evaluation/units/" + area + "/classification?year=2023");
        assertThat(api.body()).contains("\"toConfirm\":{\"items\":[", "\"levels\":true");
    }

    @Test
    void theExplanationSaysNothingIsToConfirmForARulebookThatMarksNothing() {
        // TT 23's first version marks nothing: the 2017-style periods (before 2022) read without marks
        long tt23v1 = id("TT23_2012", 1);
        assertThat(markedToConfirm(tt23v1, "RESIDENTIAL_AREA")).isEmpty();
        Document page = Jsoup.parse(signedIn(RulebooksFixture.VIEWER)
                .getPage("/evaluation/rulebooks?id=" + tt23v1)
                .body());
        assertThat(page.select(".to-confirm")).isEmpty();
        assertThat(page.select("table.rulebook-criteria tbody tr")).isNotEmpty();
    }
}
