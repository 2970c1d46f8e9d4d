package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.Chromium;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The bulk run over HTTP: the page that starts a run and shows the counts and the list, the API's
 * run, results, one unit's verdict with facts and outcomes, "what if", refusals by field (400),
 * units outside the officer's scope (403, nothing written).
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-runs-web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRunsWebTests {

    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);
    static final String OFFICER = "canbo.danhgia";
    static final String PASSWORD = "mat-khau-danh-gia-2026";
    static final int YEAR = 2019;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long haLong;
    long other;
    List<Long> areas = new ArrayList<>();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void setUp(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts) {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        long province = units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE)
                .orElseThrow()
                .id();
        haLong = units.findByCode(Scope.WHOLE_COUNTRY, "13633", LIST_DATE)
                .orElseThrow()
                .id();
        other = units.findByCode(Scope.WHOLE_COUNTRY, "13636", LIST_DATE)
                .orElseThrow()
                .id();
        for (int i = 0; i < 3; i++) {
            areas.add(localUnits
                    .createAll(
                            Caller.SYSTEM,
                            List.of(Map.entry(
                                    i < 2 ? haLong : other,
                                    new LocalUnitForm(
                                            UnitKind.RESIDENTIAL_AREA,
                                            "TO_DAN_PHO",
                                            "W" + i,
                                            "Tổ dân phố " + i,
                                            null))),
                            LIST_DATE)
                    .get(0));
        }
        TestUsers.withRoles(
                accounts,
                OFFICER,
                "Cán Bộ Đánh Giá",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haLong)),
                Scope.of(Set.of(haLong)));
        // the test's own provincial rulebook only (the national seeds are tested in EvaluationRunsRulebooksTests)
        jdbc.sql("DELETE FROM rulebook WHERE province_id IS NULL").update();
        long book = jdbc.sql("""
                INSERT INTO rulebook (code, version, province_id, regulation, name_vi, name_en, effective_from, created_by)
                VALUES ('TEST_WEB', 1, :province, 'test', 'Bộ thử', 'Test', DATE '2010-01-01', 'test') RETURNING id""").param("province", province).query(Long.class).single();
        for (String kind : List.of("RESIDENTIAL_AREA", "COMMUNE")) {
            jdbc.sql("""
                    INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, name_vi, name_en)
                    VALUES (:book, :kind, 1, 'HOUSEHOLDS_REGISTERED', CAST('{"minPercent": "100"}' AS jsonb), true, 'Hộ', 'Households')""").param("book", book).param("kind", kind).update();
        }
        // area 0: 2 of 2 registered; area 1: 1 of 2
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < 2; i++) {
                long id = jdbc.sql("INSERT INTO household (head_name, members) VALUES ('Hộ', 2) RETURNING id")
                        .query(Long.class)
                        .single();
                jdbc.sql("""
                        INSERT INTO household_residence (household_id, area_id, code, valid_from)
                        VALUES (:id, :area, :code, DATE '2015-01-01')""")
                        .param("id", id)
                        .param("area", areas.get(a))
                        .param("code", "H" + id)
                        .update();
                if (a == 0 || i == 0) {
                    jdbc.sql("""
                            INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage,
                                                    self_prevent, self_protect, recorded_by)
                            VALUES (:id, :year, make_date(:year, 2, 1), true, true, true, true, 'test')""").param("id", id).param("year", YEAR).update();
                }
            }
        }
    }

    Chromium chromium;

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void onAPhoneAnOfficerRunsTheEvaluationAndSeesTheCounts() {
        chromium = Chromium.launch();
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(OFFICER);
            page.getByLabel("Mật khẩu").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            page.navigate(tab.url("/evaluation/units/" + haLong + "/runs?year=" + YEAR));
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName("Chạy đánh giá năm " + YEAR + " cho toàn bộ đơn vị trực thuộc"))
                    .click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".run-summary"))
                    .containsText("Đã đánh giá 3 đơn vị");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".count-MET"))
                    .hasText("1");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".count-NOT_MET"))
                    .hasText("2");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.locator("table.run-verdicts tbody tr"))
                    .hasCount(3);
            tab.screenshot("evaluation-runs-phone");
            page.getByLabel("Kết quả đề xuất").selectOption("MET");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem"))
                    .click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.locator("table.run-verdicts tbody tr"))
                    .hasCount(1);
            assertThat(tab.errors()).isEmpty();
        }
    }

    WebSession signedIn() {
        WebSession session = new WebSession(port);
        session.signIn(OFFICER, PASSWORD);
        return session;
    }

    String csrf(WebSession session) {
        return Jsoup.parse(session.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    HttpResponse<String> postJson(WebSession session, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "vi")
                .header("X-CSRF-TOKEN", csrf(session))
                .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM evaluation").query(Long.class).single();
    }

    @Test
    void thePageStartsARunAndShowsTheCountsAndTheList() {
        WebSession session = signedIn();
        Document empty = Jsoup.parse(session.getPage("/evaluation/units/" + haLong + "/runs?year=" + YEAR)
                .body());
        assertThat(empty.selectFirst("form.run-start")).isNotNull();
        HttpResponse<String> started = session.postForm(
                "/evaluation/units/" + haLong + "/runs",
                Map.of("year", Integer.toString(YEAR), "_csrf", csrf(session)));
        assertThat(started.statusCode()).isEqualTo(302);
        String location = URI.create(started.headers().firstValue("Location").orElseThrow())
                        .getRawPath() + "?"
                + URI.create(started.headers().firstValue("Location").orElseThrow())
                        .getRawQuery();
        assertThat(location).isEqualTo("/evaluation/units/" + haLong + "/runs?year=" + YEAR);
        Document page = Jsoup.parse(session.getPage(location).body());
        assertThat(page.selectFirst(".run-summary").text()).contains("3");
        assertThat(page.selectFirst(".count-MET").text()).isEqualTo("1");
        assertThat(page.selectFirst(".count-NOT_MET").text()).isEqualTo("2");
        assertThat(page.select("table.run-verdicts tbody tr")).hasSize(3);
        assertThat(page.selectFirst("tr[data-unit=" + areas.get(1) + "] .verdict")
                        .text())
                .isEqualTo("Không đạt");
        Document notMet =
                Jsoup.parse(session.getPage("/evaluation/units/" + haLong + "/runs?year=" + YEAR + "&proposed=NOT_MET")
                        .body());
        assertThat(notMet.select("table.run-verdicts tbody tr")).hasSize(2);
    }

    @Test
    void theWhatIfPageListsTheUnitsWhoseVerdictWouldChangeAndStoresNothing() throws Exception {
        WebSession session = signedIn();
        assertThat(postJson(session, "/api/v1/evaluation/units/" + haLong + "/runs?year=" + YEAR, "{}")
                        .statusCode())
                .isEqualTo(200);
        String stored = jdbc.sql(
                        "SELECT string_agg(unit_id || ':' || proposed || ':' || computed_at, ',' ORDER BY unit_id)"
                                + " FROM evaluation WHERE year = :year")
                .param("year", YEAR)
                .query(String.class)
                .single();

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(session.get("/evaluation/units/" + haLong
                        + "/what-if?year=" + YEAR + "&criterion=HOUSEHOLDS_REGISTERED&param=minPercent&value=50")
                .body());
        assertThat(page.select("#criterion option").eachAttr("value")).contains("HOUSEHOLDS_REGISTERED");
        assertThat(page.selectFirst("#criterion option[selected]").attr("value"))
                .isEqualTo("HOUSEHOLDS_REGISTERED");
        assertThat(page.selectFirst("#param").attr("value")).isEqualTo("minPercent");
        assertThat(page.select("table.what-if-changes tbody tr")).hasSize(2);
        assertThat(page.select("table.what-if-changes td.to").eachText()).containsOnly("Đạt");
        assertThat(page.selectFirst(".what-if-summary").text())
                .isEqualTo("Đã tính lại 3 đơn vị; 2 đơn vị sẽ đổi kết quả.");

        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(session.get(
                        "/evaluation/units/" + haLong + "/what-if?year=" + YEAR + "&criterion=KHONG_CO&param=x&value=1")
                .body());
        assertThat(refused.selectFirst(".what-if-error").text()).startsWith("Tiêu chí:");
        assertThat(jdbc.sql("SELECT string_agg(unit_id || ':' || proposed || ':' || computed_at, ',' ORDER BY unit_id)"
                                + " FROM evaluation WHERE year = :year")
                        .param("year", YEAR)
                        .query(String.class)
                        .single())
                .isEqualTo(stored);
    }

    @Test
    void theApiRunsReadsExplainsAndPreviews() throws Exception {
        WebSession session = signedIn();
        HttpResponse<String> run = postJson(session, "/api/v1/evaluation/units/" + haLong + "/runs?year=" + YEAR, "{}");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(json.readTree(run.body()).get("evaluated").asInt()).isEqualTo(3);

        JsonNode results = json.readTree(session.get("/api/v1/evaluation/units/" + haLong + "/runs?year=" + YEAR)
                .body());
        assertThat(results.get("counts").get("MET").asLong()).isEqualTo(1);
        assertThat(results.get("verdicts")).hasSize(3);

        HttpResponse<String> one = session.get("/api/v1/evaluation/units/" + areas.get(1) + "/years/" + YEAR);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode verdict = json.readTree(one.body());
        assertThat(verdict.get("proposed").asString()).isEqualTo("NOT_MET");
        assertThat(verdict.get("facts")
                        .get("counts")
                        .get("households.registered")
                        .asLong())
                .isEqualTo(1);
        assertThat(verdict.get("outcomes")
                        .get(0)
                        .get("compared")
                        .get(0)
                        .get("threshold")
                        .asInt())
                .isEqualTo(100);

        HttpResponse<String> whatIf = postJson(
                session,
                "/api/v1/evaluation/units/" + haLong + "/what-if?year=" + YEAR,
                "{\"criterion\": \"HOUSEHOLDS_REGISTERED\", \"params\": {\"minPercent\": \"50\"}}");
        assertThat(whatIf.statusCode()).isEqualTo(200);
        JsonNode changes = json.readTree(whatIf.body()).get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("to").asString()).isEqualTo("MET");

        HttpResponse<String> bad = postJson(
                session,
                "/api/v1/evaluation/units/" + haLong + "/what-if?year=" + YEAR,
                "{\"criterion\": \"KHONG_CO\", \"params\": {\"x\": \"1\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(json.readTree(bad.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("criterion");
        assertThat(json.readTree(bad.body()).get("detail").asString()).startsWith("Tiêu chí:");

        HttpResponse<String> badYear =
                postJson(session, "/api/v1/evaluation/units/" + haLong + "/runs?year=1990", "{}");
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badYear.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("year");

        assertThat(session.get("/api/v1/evaluation/units/" + areas.get(0) + "/years/2030")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void outsideTheOfficersScopeEverythingIsRefusedAndNothingWritten() throws Exception {
        WebSession session = signedIn();
        long before = rows();
        assertThat(postJson(session, "/api/v1/evaluation/units/" + other + "/runs?year=" + YEAR, "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.postForm(
                                "/evaluation/units/" + other + "/runs",
                                Map.of("year", Integer.toString(YEAR), "_csrf", csrf(session)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.get("/api/v1/evaluation/units/" + other + "/runs?year=" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.get("/api/v1/evaluation/units/" + areas.get(2) + "/years/" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(postJson(session, "/api/v1/evaluation/units/" + other + "/what-if?year=" + YEAR, "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.getPage("/evaluation/units/" + other + "/runs").statusCode())
                .isEqualTo(403);
        assertThat(rows()).isEqualTo(before);
    }
}
