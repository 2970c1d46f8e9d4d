package vn.tuquan.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.Chromium;
import vn.tuquan.RawKeys;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Every page and API of a period takes the year, says which period it shows (the one in force today
 * for the unit's kind when none is asked), keeps the year when the language is switched in the top bar,
 * and prints it 2017 — never 2.017 — in both languages: households and commitments of an area, the
 * movement summary of a unit, the final reviews, the incidents list, the evaluation's pages. Over HTTP,
 * then a village head's phone in Chromium. Reads today (the default year), hence the clock runs.
 */
@TuquanTest
@ActiveProfiles("demo")
@Tag("clock")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoYearsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    Chromium chromium;
    long province;
    long haiMinh;
    long xom1;

    @BeforeAll
    void units() {
        province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        UnitView commune = units.findByCode(Scope.WHOLE_COUNTRY, DemoEvaluation.HAI_MINH, NamDinh2017.AS_OF)
                .orElseThrow();
        haiMinh = commune.id();
        xom1 = units.children(Scope.WHOLE_COUNTRY, haiMinh, NamDinh2017.AS_OF).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .findFirst()
                .orElseThrow()
                .id();
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    WebSession admin() {
        WebSession session = new WebSession(port);
        session.signIn("quantri", DemoLogins.PASSWORD);
        return session;
    }

    /** The page, checked for raw keys and grouped years; its "English" link keeps the query and adds lang=en. */
    static Document page(WebSession session, String path) {
        HttpResponse<String> response = session.getPage(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        RawKeys.assertNone(path, page.body().text());
        String query =
                path.contains("?") ? path.substring(path.indexOf('?') + 1).replaceAll("&?lang=\\w+", "") : "";
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        assertThat(page.select("a[hreflang=en]").attr("href"))
                .as("the English link of %s", path)
                .isEqualTo(bare + "?" + (query.isEmpty() ? "" : query + "&") + "lang=en");
        assertThat(page.select("a[hreflang=vi]").attr("href"))
                .isEqualTo(bare + "?" + (query.isEmpty() ? "" : query + "&") + "lang=vi");
        return page;
    }

    static int today(UnitKind kind) {
        return kind.periodOn(Dates.today()).year();
    }

    @Test
    void theHouseholdsOfAnAreaAreThoseOfTheYearAskedAndItsPeriodIsSaid() {
        WebSession admin = admin();
        Document list = page(admin, "/households/areas/" + xom1 + "?year=2017");
        assertThat(list.select("#period").text()).isEqualTo("Kỳ đánh giá 2017: 31/10/2016 – 31/10/2017.");
        assertThat(list.select("#as-of").text()).isEqualTo("Các hộ sống tại đây ngày 31/10/2017.");
        assertThat(list.select("#rate").text()).isEqualTo("Đã đăng ký: 90% (29/32 hộ)");
        assertThat(list.select("#year").val()).isEqualTo("2017");
        assertThat(list.select("a.btn-primary").attr("href"))
                .isEqualTo("/households/areas/" + xom1 + "/commitments?year=2017");
        Document english = page(admin, "/households/areas/" + xom1 + "?year=2017&lang=en");
        assertThat(english.select("#period").text()).isEqualTo("Evaluation period 2017: 31/10/2016 – 31/10/2017.");
        Document commitments = page(admin, "/households/areas/" + xom1 + "/commitments?year=2017&lang=en");
        assertThat(commitments.select("h1").text()).isEqualTo("Xóm 1: registrations for 2017");
        Document vi = page(admin, "/households/areas/" + xom1 + "/commitments?year=2017&lang=vi");
        assertThat(vi.select("h1").text()).isEqualTo("Xóm 1: đăng ký năm 2017");
        // no year: the residential areas' period in force today, said
        int now = today(UnitKind.RESIDENTIAL_AREA);
        assertThat(page(admin, "/households/areas/" + xom1).select("#period").text())
                .startsWith("Kỳ đánh giá " + now + ": ");
    }

    @Test
    void theMovementSummaryAndTheFinalReviewsAreThoseOfTheYear() throws Exception {
        WebSession admin = admin();
        Document commune = page(admin, "/movement/units/" + haiMinh + "?year=2017");
        assertThat(commune.select("#summary").text()).isEqualTo("Tóm tắt năm 2017");
        assertThat(commune.select(".movement-period").text())
                .isEqualTo("Kỳ 2017 của đơn vị: từ 30/11/2016 đến 30/11/2017 (TT 23/2012/TT-BCA).");
        assertThat(commune.select("a.effective-models").text()).isEqualTo("17");
        Document provinceYear = page(admin, "/movement/units/" + province + "?year=2017&lang=en");
        assertThat(provinceYear.select("#summary").text()).isEqualTo("Summary of 2017");
        assertThat(provinceYear.select(".final-reviews").text()).contains("13").contains("11");
        assertThat(page(admin, "/movement/units/" + haiMinh + "?lang=vi")
                        .select("#summary")
                        .text())
                .isEqualTo("Tóm tắt năm " + today(UnitKind.COMMUNE));

        // the final reviews answer for a year (the period in force by default, said), or a span covered
        JsonNode held = JSON.readTree(admin.get("/api/v1/movement/units/" + province + "/final-reviews?year=2017")
                .body());
        assertThat(held.get("match").asString()).isEqualTo("HELD_IN");
        assertThat(held.get("from").asString()).isEqualTo("2016-11-30");
        assertThat(held.get("groups").get("COMMUNE").size()).isEqualTo(13);
        assertThat(held.get("groups").get("DISTRICT").size()).isEqualTo(2);
        assertThat(held.get("groups").get("ORGANISATION").size()).isEqualTo(11);
        JsonNode byDefault = JSON.readTree(admin.get("/api/v1/movement/units/" + province + "/final-reviews")
                .body());
        assertThat(byDefault.get("year").asInt()).isEqualTo(today(UnitKind.PROVINCE));
        assertThat(byDefault.get("to").asString())
                .isEqualTo(UnitKind.PROVINCE.periodOn(Dates.today()).to().toString());
        JsonNode covering = JSON.readTree(
                admin.get("/api/v1/movement/units/" + province + "/final-reviews?from=2007-07-01&to=2017-06-30")
                        .body());
        assertThat(covering.get("match").asString()).isEqualTo("COVERING");
        assertThat(covering.get("groups").get("COMMUNE").size()).isEqualTo(13);
    }

    @Test
    void theIncidentsListSaysItsPeriodAndKeepsItsFiltersAcrossTheLanguages() {
        WebSession admin = admin();
        String path = "/order/incidents?unit=" + haiMinh + "&year=2017&periodOf=organisation&kind=CRIME";
        Document list = page(admin, path);
        assertThat(list.select("#period").text())
                .isEqualTo("Kỳ 2017 của xã, cơ quan, doanh nghiệp, trường học: vụ việc "
                        + "xảy ra từ 00:00 ngày 01/12/2016 đến hết ngày 30/11/2017 (TT 23/2012/TT-BCA).");
        assertThat(list.select("#found").text()).isEqualTo("Tìm thấy 4 vụ việc");
        assertThat(list.select("#year option[selected]").text()).isEqualTo("2017");
        Document english = page(admin, path + "&lang=en");
        assertThat(english.select("#period").text())
                .startsWith("Period 2017 of communes, agencies, enterprises and schools");
        page(admin, path + "&lang=vi");
    }

    @Test
    void theEvaluationPagesSayTheirYearAndPeriods() throws Exception {
        WebSession admin = admin();
        Document index = page(admin, "/evaluation?year=2017");
        assertThat(index.select("#index-periods").text())
                .isEqualTo(
                        "Năm 2017: kỳ của khu dân cư từ 31/10/2016 đến "
                                + "31/10/2017; kỳ của xã, cơ quan, doanh nghiệp, trường học năm 2017 từ 30/11/2016 đến 30/11/2017.");
        Document today = page(admin, "/evaluation");
        assertThat(today.select("#index-periods").text())
                .startsWith(
                        "Kỳ đánh giá đang diễn ra hôm nay: khu dân cư năm " + today(UnitKind.RESIDENTIAL_AREA) + " (");
        assertThat(today.select(".explain-link").eachAttr("href"))
                .contains("/evaluation/units/" + province + "/years/" + today(UnitKind.PROVINCE));
        // "Xem năm khác" stays on the unit
        HttpResponse<String> other = admin.getPage("/evaluation/units/" + haiMinh + "?year=2016");
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location").orElseThrow())
                .endsWith("/evaluation/units/" + haiMinh + "/years/2016");
        Document explanation = page(admin, "/evaluation/units/" + haiMinh + "/years/2017?lang=en");
        assertThat(explanation.select("#explain-heading").text()).isEqualTo("Xã Hải Minh — 2017");
        page(admin, "/evaluation/units/" + haiMinh + "/years/2017?lang=vi");
        page(admin, "/evaluation/units/" + haiMinh + "/years/2017/process");
        page(admin, "/evaluation/units/" + haiMinh + "/runs?year=2017");
        // a refusal naming a year writes it 2009, not 2.009
        HttpResponse<String> none = admin.get("/api/v1/evaluation/units/" + haiMinh + "/years/2009");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).get("detail").asString())
                .isEqualTo("Đơn vị chưa có kết quả đánh giá năm 2009.");
    }

    @Test
    void onAPhoneTheVillageHeadPicksAYearAndKeepsItWhenSwitchingToEnglish() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill("truongthon");
            page.getByLabel("Mật khẩu").fill(DemoLogins.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            assertThat(page).hasURL(tab.url("/"));

            page.navigate(tab.url("/households/areas/" + xom1));
            page.locator("#year").fill("2017");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem năm khác"))
                    .click();
            assertThat(page.locator("#period")).hasText("Kỳ đánh giá 2017: 31/10/2016 – 31/10/2017.");
            tab.openMenu("Mở hoặc đóng trình đơn");
            var english = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"));
            String href = english.getAttribute("href");
            english.click();
            // a navigation may take longer than the assertion's 5 s on a loaded two-core machine; when it never
            // comes, say where the page is, what the link pointed to and keep a picture (it failed so once)
            try {
                page.waitForURL(Pattern.compile("year=2017&lang=en$"), new Page.WaitForURLOptions().setTimeout(30_000));
            } catch (TimeoutError e) {
                tab.screenshot("years-households-phone-english-not-reached");
                throw new AssertionError(
                        "the English link (" + href + ") did not lead there within 30 s; the page is at " + page.url(),
                        e);
            }
            assertThat(page).hasURL(Pattern.compile("year=2017&lang=en$"));
            assertThat(page.locator("#period")).hasText("Evaluation period 2017: 31/10/2016 – 31/10/2017.");
            assertThat(page.locator("#rate")).hasText("Registered: 90% (29/32 households)");
            tab.screenshot("years-households-phone-en");

            page.navigate(tab.url("/movement/units/" + xom1 + "?year=2017"));
            assertThat(page.locator("#summary")).hasText("Summary of 2017");
            tab.openMenu("Open or close the menu");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếng Việt"))
                    .click();
            // a navigation may take longer than the assertion's 5 s on a loaded two-core machine
            page.waitForURL(Pattern.compile("year=2017&lang=vi$"), new Page.WaitForURLOptions().setTimeout(30_000));
            assertThat(page).hasURL(Pattern.compile("year=2017&lang=vi$"));
            assertThat(page.locator("#summary")).hasText("Tóm tắt năm 2017");

            page.navigate(tab.url("/evaluation/units/" + xom1 + "/years/" + today(UnitKind.RESIDENTIAL_AREA)));
            page.locator("#year").fill("2017");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem năm khác"))
                    .click();
            assertThat(page).hasURL(tab.url("/evaluation/units/" + xom1 + "/years/2017"));
            assertThat(page.locator("#explain-heading")).hasText("Xóm 1 — năm 2017");
            tab.screenshot("years-explanation-phone");
            assertThat(tab.errors()).isEmpty();
        }
    }
}
