package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.RawKeys;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.Incidents;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * The movement classification and the explanation of a verdict over real HTTP and the real database:
 * scores from the stored evaluation's facts and the entered points, stored and audited; refusals
 * naming the field; the explanation's criteria, values, thresholds, sources and links; 403 outside
 * the caller's scope with nothing changed.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=" + ClassificationFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassificationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int YEAR = ClassificationFixture.YEAR;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void data(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts,
            @Autowired Incidents incidents) {
        ClassificationFixture.ensure(lists, units, localUnits, accounts, incidents, jdbc);
    }

    WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, ClassificationFixture.PASSWORD);
        return session;
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(WebSession session, String path, String body) {
        return session.sendJson("POST", path, body);
    }

    HttpResponse<String> enter(WebSession session, long unit, String item, String points, String evidence) {
        return post(
                session,
                "/api/v1/evaluation/units/" + unit + "/classification/entries",
                "{\"year\": " + YEAR + ", \"item\": \"" + item + "\", \"points\": " + points + ", \"evidence\": "
                        + (evidence == null ? "null" : "\"" + evidence + "\"") + "}");
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static JsonNode item(JsonNode items, String code) {
        for (JsonNode i : items) {
            if (i.get("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }

    @Test
    void xom1IsScoredFromItsFactsThenStoredWithEnteredPointsUpToExcellentAtItsThreshold() {
        long xom1 = ClassificationFixture.xom1;
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        // nothing stored: the preview from the facts; 3 (99.5% ≥ 90%) + 3 (a model) + 3 + 0 (one crime) + 3 + 3 + 3 =
        // 18
        JsonNode preview = json(officer.get("/api/v1/evaluation/units/" + xom1 + "/classification?year=" + YEAR));
        assertThat(preview.get("stored").asBoolean()).isFalse();
        JsonNode c = preview.get("classification");
        assertThat(c.get("points").decimalValue()).isEqualByComparingTo("18");
        assertThat(c.get("level").asString()).isEqualTo("AVERAGE");
        assertThat(c.get("maxPoints").decimalValue()).isEqualByComparingTo("30");
        assertThat(item(c.get("items"), "NO_CRIME").get("points").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(item(c.get("items"), "HOUSEHOLDS_REGISTERED").get("value").decimalValue())
                .isEqualByComparingTo("99.5");
        assertThat(item(c.get("items"), "POLICY").get("missing").asBoolean()).isTrue();
        assertThat(item(c.get("items"), "NO_DRUG_SPOT").get("missing").asBoolean())
                .isFalse();

        long audited = count("SELECT count(*) FROM audit_event WHERE module = 'evaluation'");
        assertThat(enter(officer, xom1, "RESOLUTION_REGISTRATION", "3", "Nghị quyết chi bộ số 02-NQ/CB ngày 10/01/2023")
                        .statusCode())
                .isEqualTo(200);
        assertThat(enter(officer, xom1, "POLICY", "3", "Biên bản kiểm tra 05/10/2023")
                        .statusCode())
                .isEqualTo(200);
        JsonNode stored = json(post(officer, "/api/v1/evaluation/units/" + xom1 + "/classification?year=" + YEAR, ""));
        assertThat(stored.get("points").decimalValue()).isEqualByComparingTo("24");
        assertThat(stored.get("level").asString()).isEqualTo("GOOD");
        assertThat(stored.get("computedBy").asString()).isEqualTo(ClassificationFixture.OFFICER);
        assertThat(jdbc.sql("SELECT level FROM classification WHERE unit_id = :u AND year = :y")
                        .param("u", xom1)
                        .param("y", YEAR)
                        .query(String.class)
                        .single())
                .isEqualTo("GOOD");

        // 27 is exactly the minimum of EXCELLENT
        enter(officer, xom1, "MEDIATION_REEDUCATION", "3", "Sổ hòa giải 2023");
        json(post(officer, "/api/v1/evaluation/units/" + xom1 + "/classification?year=" + YEAR, ""));
        JsonNode answer = json(officer.get("/api/v1/evaluation/units/" + xom1 + "/classification?year=" + YEAR));
        assertThat(answer.get("stored").asBoolean()).isTrue();
        assertThat(answer.get("classification").get("points").decimalValue()).isEqualByComparingTo("27");
        assertThat(answer.get("classification").get("level").asString()).isEqualTo("EXCELLENT");
        JsonNode policy = item(answer.get("classification").get("items"), "POLICY");
        assertThat(policy.get("evidence").asString()).isEqualTo("Biên bản kiểm tra 05/10/2023");
        assertThat(policy.get("enteredBy").asString()).isEqualTo(ClassificationFixture.OFFICER);
        // three entries and two computations, each audited
        assertThat(count("SELECT count(*) FROM audit_event WHERE module = 'evaluation'"))
                .isEqualTo(audited + 5);

        // the subtree list of Hải Minh holds Xóm 1
        JsonNode list = json(officer.get(
                "/api/v1/evaluation/units/" + ClassificationFixture.haiMinh + "/classifications?year=" + YEAR));
        assertThat(list.findValuesAsString("level")).contains("EXCELLENT");
        assertThat(list.findValues("unitId").stream().map(JsonNode::asLong).toList())
                .contains(xom1);
    }

    @Test
    void whatTheBulkRunStoredIsExplainedAndScored(
            @Autowired EvaluationRuns runs, @Autowired SubmittingSelfAssessments selfAssessments) {
        long thonNam = ClassificationFixture.thonNam;
        runs.run(vn.tuquan.shared.Caller.SYSTEM, ClassificationFixture.namMy, 2024);
        WebSession admin = signedIn(ClassificationFixture.ADMIN);
        JsonNode e = json(admin.get("/api/v1/evaluation/units/" + thonNam + "/years/2024/explanation"));
        assertThat(e.get("explanation").get("rulebook").get("code").asString()).isEqualTo("TT124_2021");
        long criteria = jdbc.sql("""
                SELECT count(*) FROM rulebook_criterion c JOIN rulebook r ON r.id = c.rulebook_id
                 WHERE r.code = 'TT124_2021' AND r.version = 2 AND c.unit_kind = 'RESIDENTIAL_AREA'""").query(Long.class).single();
        assertThat(e.get("criteria").size()).isEqualTo((int) criteria).isGreaterThan(1);
        for (JsonNode c : e.get("criteria")) {
            assertThat(c.get("name").asString()).isNotBlank();
            assertThat(c.get("result").isNull())
                    .as(c.get("criterion").asString())
                    .isFalse();
        }
        // every compared value is named in words on the page: no fact key, message key or criterion code shows
        String page = Jsoup.parse(admin.get("/evaluation/units/" + thonNam + "/years/2024")
                        .body())
                .select("main")
                .text();
        assertThat(page)
                .contains("Tổng số (các dòng dưới đây)", "Giá trị do người nhập")
                .doesNotContain(
                        "incidents.", "crimes.severity.", "order.incident.", "evaluation.", "PARTY_RESOLUTION_Q1");
        // … nor on the commune's (shares of its children, of mediations reconciled) nor on the process pages,
        // where the unit enters its self-assessment: the registers' values, each criterion's comparisons, what
        // is still to enter — in both languages
        selfAssessments.register(vn.tuquan.shared.Caller.SYSTEM, thonNam, 2024, java.time.LocalDate.of(2024, 2, 10));
        for (String lang : List.of("vi", "en")) {
            for (String path : List.of(
                    "/evaluation/units/" + thonNam + "/years/2024",
                    "/evaluation/units/" + ClassificationFixture.namMy + "/years/2024",
                    "/evaluation/units/" + thonNam + "/years/2024/process",
                    "/evaluation/units/" + ClassificationFixture.namMy + "/years/2024/process")) {
                HttpResponse<String> shown = admin.get(path + "?lang=" + lang);
                assertThat(shown.statusCode()).as(path).isEqualTo(200);
                RawKeys.assertNone(
                        path + " (" + lang + ")",
                        Jsoup.parse(shown.body()).body().text());
            }
        }
        Document process = Jsoup.parse(admin.get("/evaluation/units/" + thonNam + "/years/2024/process?lang=vi")
                .body());
        assertThat(process.select(".evaluation-facts th").eachText())
                .contains("Số hộ gia đình", "Số người nghiện ma túy mới phát hiện", "Số điểm, tụ điểm về ma túy");
        assertThat(process.select(".evaluation-compared").eachText())
                .anyMatch(t -> t.startsWith("Giá trị do người nhập:"));
        assertThat(process.select(".evaluation-pending").text())
                .startsWith("Còn phải nhập: ")
                .contains("Thực hiện tốt chủ trương, chính sách");
        // the theft of Xóm 1 is in Hải Minh: Thôn Nam has no crime in 2024, counted from the registers
        JsonNode c = json(admin.get("/api/v1/evaluation/units/" + thonNam + "/classification?year=2024"))
                .get("classification");
        assertThat(item(c.get("items"), "NO_CRIME").get("points").decimalValue())
                .isEqualByComparingTo("3");
        assertThat(item(c.get("items"), "NO_CRIME").get("missing").asBoolean()).isFalse();
        assertThat(item(c.get("items"), "POLICY").get("missing").asBoolean()).isTrue();
        JsonNode stored = json(post(admin, "/api/v1/evaluation/units/" + thonNam + "/classification?year=2024", ""));
        assertThat(stored.get("points").decimalValue())
                .isEqualByComparingTo(c.get("points").decimalValue());
    }

    @Test
    void refusedPointsNameTheFieldAndChangeNothing() {
        long xom2 = ClassificationFixture.xom2;
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        long entries = count("SELECT count(*) FROM classification_entry");
        HttpResponse<String> tooMany = enter(officer, xom2, "POLICY", "3.5", "Biên bản");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(tooMany.body()).get("detail").asString()).isEqualTo("Điểm: phải từ 0 đến 3.");
        HttpResponse<String> computed = enter(officer, xom2, "NO_CRIME", "3", "Biên bản");
        assertThat(JSON.readTree(computed.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("item");
        HttpResponse<String> noEvidence = enter(officer, xom2, "POLICY", "2", " ");
        assertThat(JSON.readTree(noEvidence.body()).get("detail").asString()).isEqualTo("Căn cứ: chưa nhập căn cứ.");
        assertThat(count("SELECT count(*) FROM classification_entry")).isEqualTo(entries);
        // nothing stored for 2019: nothing to compute from
        HttpResponse<String> notEvaluated =
                post(officer, "/api/v1/evaluation/units/" + xom2 + "/classification?year=2019", "");
        assertThat(notEvaluated.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notEvaluated.body()).get("detail").asString()).contains("năm 2019");
    }

    @Test
    void outsideTheScopeEverythingIsRefusedAndNothingChanges() {
        long thonNam = ClassificationFixture.thonNam;
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        long before = count("SELECT count(*) FROM classification") + count("SELECT count(*) FROM classification_entry");
        assertThat(officer.get("/api/v1/evaluation/units/" + thonNam + "/classification?year=" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.get("/api/v1/evaluation/units/" + thonNam + "/classifications?year=" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.get("/api/v1/evaluation/units/" + thonNam + "/years/" + YEAR + "/explanation")
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.getPage("/evaluation/units/" + thonNam + "/years/" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(officer, "/api/v1/evaluation/units/" + thonNam + "/classification?year=" + YEAR, "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(enter(officer, thonNam, "POLICY", "3", "Biên bản").statusCode())
                .isEqualTo(403);
        assertThat(count("SELECT count(*) FROM classification") + count("SELECT count(*) FROM classification_entry"))
                .isEqualTo(before);
        // the administrator sees it
        assertThat(signedIn(ClassificationFixture.ADMIN)
                        .get("/api/v1/evaluation/units/" + thonNam + "/years/" + YEAR + "/explanation")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theExplanationListsEachCriterionWithItsValueThresholdSourceAndRecords() {
        long xom1 = ClassificationFixture.xom1;
        JsonNode e = json(signedIn(ClassificationFixture.OFFICER)
                .get("/api/v1/evaluation/units/" + xom1 + "/years/" + YEAR + "/explanation"));
        assertThat(e.get("explanation").get("verdict").get("proposed").asString())
                .isEqualTo("NOT_MET");
        assertThat(e.get("explanation").get("rulebook").get("regulation").asString())
                .isEqualTo("TT 124/2021/TT-BCA");
        JsonNode criteria = e.get("criteria");
        assertThat(criteria.findValuesAsString("criterion"))
                .containsExactly("HOUSEHOLDS_REGISTERED", "NO_CRIME", "NO_NEW_DRUG_USERS");
        JsonNode crime = criteria.get(1);
        assertThat(crime.get("name").asString()).isEqualTo("Không có tội phạm");
        assertThat(crime.get("article").asString()).isEqualTo("Điều 4.4");
        assertThat(crime.get("result").asString()).isEqualTo("NOT_MET");
        JsonNode value = crime.get("values").get(0);
        assertThat(value.get("shownValue").asString()).isEqualTo("1");
        assertThat(value.get("operator").asString()).isEqualTo("≤");
        assertThat(value.get("shownThreshold").asString()).isEqualTo("0");
        assertThat(value.get("sourceLabel").asString()).isEqualTo("Tính từ sổ");
        assertThat(value.get("records").asString())
                .isEqualTo("/order/incidents?unit=" + xom1 + "&year=" + YEAR + "&periodOf=residential-area&kind=CRIME");
        assertThat(criteria.get(0).get("values").get(0).get("shownValue").asString())
                .isEqualTo("99,5%");
        assertThat(criteria.get(0).get("values").get(0).get("records").asString())
                .isEqualTo("/households/areas/" + xom1 + "/commitments?year=" + YEAR);
        // drug users: the persons' list only for a caller with SENSITIVE_READ
        assertThat(criteria.get(2).get("values").get(0).get("records").isNull()).isTrue();
        assertThat(criteria.get(2).get("entry").get("evidence").asString())
                .isEqualTo("Biên bản họp khu dân cư 20/10/2023");
        JsonNode admin = json(signedIn(ClassificationFixture.ADMIN)
                .get("/api/v1/evaluation/units/" + xom1 + "/years/" + YEAR + "/explanation"));
        assertThat(admin.get("criteria")
                        .get(2)
                        .get("values")
                        .get(0)
                        .get("records")
                        .asString())
                .isEqualTo("/order/units/" + xom1 + "/drug-users?year=" + YEAR
                        + "&periodOf=residential-area&newOnly=true");
    }

    @Test
    void theCommunePageShowsTheDecisionTheChildrenAndTheBreadcrumb() {
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        Document page =
                Jsoup.parse(officer.getPage("/evaluation/units/" + ClassificationFixture.haiMinh + "/years/" + YEAR)
                        .body());
        assertThat(page.select("#verdict-status").text()).isEqualTo("Đã công nhận");
        assertThat(page.select("#verdict-decision").text())
                .isEqualTo("Số 125/QĐ-UBND ngày 28/11/2023, người ký: Nguyễn Văn Hòa");
        assertThat(page.select("#explain-period").text()).contains("16/11/2022").contains("15/11/2023");
        assertThat(page.select(".children .child-link").eachText()).contains("Xóm 1", "Xóm 2");
        assertThat(page.select(".children .child-link").first().attr("href"))
                .startsWith("/evaluation/units/")
                .endsWith("/years/" + YEAR);
        Element failed = page.selectFirst("li.criterion[data-result=NOT_MET]");
        assertThat(failed.select(".comparison-source").text()).contains("Từ kết quả đơn vị trực thuộc");
        assertThat(failed.selectFirst(".records-link").attr("href")).endsWith("#children");
        // the breadcrumb names the district and province above; only units in scope are links
        assertThat(page.select(".explain-breadcrumb li").eachText()).contains("Tỉnh Nam Định");
        assertThat(page.select(".explain-breadcrumb a").eachText()).doesNotContain("Tỉnh Nam Định");
        assertThat(page.select("#classification-level").text()).contains("Tạm tính");
    }

    @Test
    void pointsEnteredOnThePageAreShownWithTheirEvidenceAndARefusalNamesTheField() {
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        long xom2 = ClassificationFixture.xom2;
        String page = "/evaluation/units/" + xom2 + "/years/" + YEAR;
        String csrf = officer.csrfToken(page);
        HttpResponse<String> refused = officer.postForm(
                page + "/classification/entries",
                java.util.Map.of("_csrf", csrf, "item", "SECURITY_DAY", "points", "2", "evidence", "Biên bản"));
        assertThat(refused.statusCode()).isEqualTo(302);
        Document shown = Jsoup.parse(officer.getPage(page).body());
        assertThat(shown.select(".alert-danger").text())
                .isEqualTo("Nội dung chấm: không có nội dung chấm mã SECURITY_DAY.");
        assertThat(shown.select("#entry-item option").eachAttr("value"))
                .containsExactly("RESOLUTION_REGISTRATION", "POLICY", "MEDIATION_REEDUCATION");

        officer.postForm(
                page + "/classification/entries",
                java.util.Map.of(
                        "_csrf",
                        officer.csrfToken(page),
                        "item",
                        "RESOLUTION_REGISTRATION",
                        "points",
                        "2,5",
                        "evidence",
                        "Nghị quyết chi bộ Xóm 2 ngày 12/01/2023"));
        shown = Jsoup.parse(officer.getPage(page).body());
        assertThat(shown.select("#entered")).hasSize(1);
        Element row = shown.selectFirst(".classification-item[data-item=RESOLUTION_REGISTRATION]");
        assertThat(row.select(".item-points").text()).isEqualTo("2,5/3");
        assertThat(row.select(".item-evidence").text())
                .isEqualTo("Căn cứ: Nghị quyết chi bộ Xóm 2 ngày 12/01/2023 (người nhập: "
                        + ClassificationFixture.OFFICER + ")");
        assertThat(jdbc.sql(
                                "SELECT points FROM classification_entry WHERE unit_id = :u AND item = 'RESOLUTION_REGISTRATION'")
                        .param("u", xom2)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void theEnglishPageSaysTheSameInEnglish() {
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        Document page = Jsoup.parse(
                officer.getPage("/evaluation/units/" + ClassificationFixture.xom1 + "/years/" + YEAR + "?lang=en")
                        .body());
        assertThat(page.select("#verdict-proposed").text()).isEqualTo("Not met");
        Element crime = page.selectFirst("li.criterion[data-criterion=NO_CRIME]");
        assertThat(crime.select(".criterion-name").text()).isEqualTo("No crime");
        assertThat(crime.select(".comparison-item").text()).isEqualTo("Incidents: Crime");
        assertThat(page.selectFirst("li.criterion[data-criterion=HOUSEHOLDS_REGISTERED] .comparison-value")
                        .text())
                .isEqualTo("99.5%");
    }

    @Test
    void aYearWithNothingStoredSaysSoAndOffersTheRun() {
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        long xom2 = ClassificationFixture.xom2;
        Document page = Jsoup.parse(
                officer.getPage("/evaluation/units/" + xom2 + "/years/2021").body());
        assertThat(page.select("#nothing-stored").text())
                .contains("Chưa có kết quả đánh giá nào được lưu")
                .contains("năm 2021");
        assertThat(page.select("#run-link").attr("href")).isEqualTo("/evaluation/units/" + xom2 + "/runs");
        assertThat(page.select("#criteria")).isEmpty();
        JsonNode api = json(officer.get("/api/v1/evaluation/units/" + xom2 + "/years/2021/explanation"));
        assertThat(api.get("explanation").get("verdict").isNull()).isTrue();
        assertThat(api.get("runs").asString()).isEqualTo("/evaluation/units/" + xom2 + "/runs");
    }

    @Test
    void theIndexListsTheCallersUnitsWithTheirPagesForTheYearChosen() {
        WebSession officer = signedIn(ClassificationFixture.OFFICER);
        Document page = Jsoup.parse(officer.getPage("/evaluation?year=2022").body());
        assertThat(page.select(".explain-link").eachText())
                .contains("Xã Hải Minh", "Xóm 1")
                .doesNotContain("Thôn Nam");
        assertThat(page.select(".evaluation-units a").eachAttr("href"))
                .contains(
                        "/evaluation/units/" + ClassificationFixture.haiMinh + "/years/2022",
                        "/evaluation/units/" + ClassificationFixture.haiMinh + "/years/2022/process",
                        "/evaluation/units/" + ClassificationFixture.haiMinh + "/runs?year=2022");
        assertThat(page.select("#index-periods").text())
                .isEqualTo(
                        "Năm 2022: kỳ của khu dân cư từ 01/11/2021 đến "
                                + "31/10/2022; kỳ của xã, cơ quan, doanh nghiệp, trường học năm 2022 từ 16/11/2021 đến 15/11/2022.");
        assertThat(page.select("#rulebooks-link").attr("href")).isEqualTo("/evaluation/rulebooks");
        assertThat(page.select("#navigation .me-auto .nav-link.active").text()).isEqualTo("Đánh giá");
    }
}
