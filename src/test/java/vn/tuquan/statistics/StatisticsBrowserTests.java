package vn.tuquan.statistics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.Chromium;
import vn.tuquan.NodeTools;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Households;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.Mediations;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.Units;

/**
 * The statistics page in a real Chromium, on a phone (390×844) and on a desktop: from the province
 * down to a district, a commune and a residential area by the children's table, then the records
 * behind one number, as many rows as the number; the children's table sorts.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=statistics-web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsBrowserTests {

    @LocalServerPort
    int port;

    Chromium chromium;
    long district;

    @BeforeAll
    void setUp(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts,
            @Autowired Incidents incidents,
            @Autowired DrugUsers drugUsers,
            @Autowired Mediations mediations,
            @Autowired Households households,
            @Autowired Commitments commitments,
            @Autowired UnitBoundaries boundaries) {
        StatisticsFixture.ensure(
                lists,
                units,
                localUnits,
                accounts,
                incidents,
                drugUsers,
                mediations,
                households,
                commitments,
                boundaries);
        district = units.find(Scope.WHOLE_COUNTRY, StatisticsFixture.haiMinh, StatisticsFixture.LIST_DATE)
                .orElseThrow()
                .parentId();
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void onAPhoneTheProvinceDrillsDownToAnAreaAndANumberOpensItsRecords() {
        drillDown(390, 844, "statistics-phone");
    }

    @Test
    void onADesktopTheProvinceDrillsDownToAnAreaAndANumberOpensItsRecords() {
        drillDown(1280, 900, "statistics-desktop");
    }

    private void drillDown(int width, int height, String screenshot) {
        try (Chromium.Tab tab = chromium.open(port, width, height)) {
            Page page = signedIn(tab);
            page.navigate(
                    tab.url("/statistics?unit=" + StatisticsFixture.province + "&year=" + StatisticsFixture.YEAR));
            assertThat(page.locator("h1")).hasText("Thống kê, báo cáo");
            assertThat(page.locator("#statistics-subject")).containsText("Nam Định");
            assertThat(page.locator("#card-communes-no-crime")).isVisible();
            tab.screenshot(screenshot + "-province");

            // the children sort by a number, largest first, at a press of the column's heading
            Locator table = page.locator("#statistics-children");
            table.getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions()
                                    .setName("Vụ phạm tội")
                                    .setExact(true))
                    .click();
            assertThat(table.locator("tbody tr")
                            .first()
                            .locator("td[data-sort]")
                            .nth(6))
                    .hasAttribute("data-sort", Pattern.compile("[1-9]\\d*"));

            page.locator("#statistics-children a.statistics-drill[href*='unit=" + district + "&']")
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*unit=" + district + "&year=2019$"));
            page.locator("#statistics-children a.statistics-drill[href*='unit=" + StatisticsFixture.haiMinh + "&']")
                    .click();
            assertThat(page.locator("#statistics-subject")).containsText("Hải Minh");
            assertThat(page.locator("#card-areas-no-crime")).isVisible();
            tab.screenshot(screenshot + "-commune");

            // the records behind a number: as many as it says
            Locator noCrime =
                    page.locator("#card-areas-no-crime a.statistics-number").first();
            String count = noCrime.textContent().strip();
            noCrime.click();
            assertThat(page.locator("#counted-units tbody tr")).hasCount(Integer.parseInt(count));
            page.goBack();

            Locator crimes = page.locator("#card-crimes a.statistics-number[data-indicator=crimes]");
            String crimeCount = crimes.textContent().strip();
            crimes.click();
            assertThat(page.locator("#incidents > li")).hasCount(Integer.parseInt(crimeCount));
            page.goBack();

            page.locator("#statistics-children a.statistics-drill").first().click();
            assertThat(page.locator("#statistics-subject")).containsText("Xóm Thống Kê 1");
            assertThat(page.locator("#card-crimes a.statistics-number[data-indicator=crimes]"))
                    .hasText("2");
            tab.screenshot(screenshot + "-area");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }

    /**
     * The country's page on a phone: the cards, both charts drawn, nothing wider than the screen, and a
     * province's row opening its page.
     */
    @Test
    void onAPhoneTheCountrysPageDrawsItsChartsAndOpensAProvince() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = signedIn(tab);
            page.navigate(tab.url("/statistics?unit=all&year=" + StatisticsFixture.YEAR));
            assertThat(page.locator("#statistics-subject")).hasText("Toàn quốc, năm 2019");
            assertThat(page.locator("#card-communes-no-crime")).isVisible();
            assertThat(page.locator("#statistics-trend-chart svg")).hasCount(1);
            assertThat(page.locator("#statistics-ranked-chart svg")).hasCount(1);
            org.assertj.core.api.Assertions.assertThat(
                            page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the screen")
                    .isEqualTo(true);
            tab.screenshot("statistics-country-phone");
            page.locator("#statistics-children a.statistics-drill[href*='unit=" + StatisticsFixture.province + "&']")
                    .click();
            assertThat(page.locator("#statistics-subject")).containsText("Nam Định");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }

    @Test
    void onAPhoneTheChartsTheMapAndThePickerWork() {
        chartsMapAndPicker(390, 844, "statistics-charts-phone");
    }

    @Test
    void onADesktopTheChartsTheMapAndThePickerWork() {
        chartsMapAndPicker(1280, 900, "statistics-charts-desktop");
    }

    /**
     * The province's page: the trend and the ranked children drawn by ECharts from the page's data,
     * which equals the table's; the districts on the map, one polygon each, in the legend's colour of
     * their value, a district's tooltip naming it with its value and its popup linking to its figures;
     * then the picker suggesting Hải Hậu as one types "hai hau", whose communes have no boundary and
     * are compared in a bar chart instead.
     */
    private void chartsMapAndPicker(int width, int height, String screenshot) {
        try (Chromium.Tab tab = chromium.open(port, width, height)) {
            Page page = signedIn(tab);
            page.navigate(tab.url("/statistics?unit=" + StatisticsFixture.province + "&year=" + StatisticsFixture.YEAR
                    + "&chart=crimes"));
            assertThat(page.locator("#statistics-trend-chart svg")).hasCount(1);
            assertThat(page.locator("#statistics-trend-chart")).isVisible();
            assertThat(page.locator("#statistics-trend-chart"))
                    .hasAttribute("aria-label", Pattern.compile("Vụ phạm tội.*Nam Định"));
            assertThat(page.locator("#statistics-ranked-chart svg")).hasCount(1);
            assertThat(page.locator(
                            "#statistics-ranked-chart svg text", new Page.LocatorOptions().setHasText("Hải Hậu")))
                    .not()
                    .hasCount(0);
            // the lists of bars stay, for screen readers, with the values written
            assertThat(page.locator("#statistics-ranked li")).hasCount(10);
            assertThat(page.locator("#statistics-ranked li").first()).containsText("2");
            Object sameAsTable = page.evaluate("""
                    () => {
                      const data = JSON.parse(document.getElementById('statistics-data').textContent);
                      const rows = document.querySelectorAll('#statistics-children tbody tr:not(.statistics-own)');
                      const table = data.children.every(c => {
                        const link = document.querySelector('#statistics-children a.statistics-drill[href*="unit=' + c.id + '&"]');
                        const cell = link.closest('tr').querySelector('.statistics-number[data-indicator=crimes]');
                        return Number(cell.dataset.value) === c.value;
                      });
                      const years = Array.from(document.querySelectorAll('#statistics-trend tbody tr'));
                      const trend = years.length === data.trend.length && data.trend.every((t, i) =>
                        years[i].querySelector('th').textContent.trim() === String(t.year)
                        && Number(years[i].querySelector('.statistics-number[data-indicator=crimes]').dataset.value) === t.value);
                      return rows.length === data.children.length && table && trend;
                    }""");
            org.assertj.core.api.Assertions.assertThat(sameAsTable).isEqualTo(true);

            Locator polygons = page.locator("#statistics-map path[data-unit]");
            assertThat(polygons).hasCount(10);
            @SuppressWarnings("unchecked")
            List<String> colours = (List<String>) page.evaluate("""
                    () => Array.from(document.querySelectorAll('#statistics-map path[data-unit]')).map(path => {
                      const link = document.querySelector('#statistics-children a.statistics-drill[href*="unit=' + path.dataset.unit + '&"]');
                      const value = Number(link.closest('tr').querySelector('.statistics-number[data-indicator=crimes]').dataset.value);
                      const classes = Array.from(document.querySelectorAll('#statistics-map-legend li'))
                        .filter(c => Number(c.dataset.min) <= value && value <= Number(c.dataset.max));
                      return classes.length === 1 && classes[0].dataset.colour === path.getAttribute('fill')
                        ? path.getAttribute('fill') : 'wrong: ' + path.dataset.unit + ' ' + value + ' ' + path.getAttribute('fill');
                    })""");
            org.assertj.core.api.Assertions.assertThat(colours).hasSize(10).noneMatch(c -> c.startsWith("wrong"));
            org.assertj.core.api.Assertions.assertThat(new HashSet<>(colours))
                    .as("the districts with crimes and without differ")
                    .hasSizeGreaterThan(1);
            tab.screenshot(screenshot + "-map");
            Locator haiHau = page.locator("#statistics-map path[data-unit='" + district + "']");
            // the events at the middle of the district's box, where Leaflet opens its tooltip and popup
            var box = haiHau.boundingBox();
            Map<String, Object> at = Map.of("clientX", box.x + box.width / 2, "clientY", box.y + box.height / 2);
            haiHau.dispatchEvent("mouseover", at);
            assertThat(page.locator(".leaflet-tooltip")).containsText("Hải Hậu: 2");
            haiHau.dispatchEvent("click", at);
            assertThat(page.locator(".leaflet-popup-content a"))
                    .hasAttribute(
                            "href",
                            "/statistics?unit=" + district + "&year=" + StatisticsFixture.YEAR + "&chart=crimes");
            org.assertj.core.api.Assertions.assertThat(
                            page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the screen")
                    .isEqualTo(true);
            tab.screenshot(screenshot + "-popup");

            // the picker suggests as one types, without leaving the page
            page.locator("#statistics-q").pressSequentially("hai hau");
            Locator suggestion =
                    page.locator("#statistics-hits a", new Page.LocatorOptions().setHasText("Huyện Hải Hậu"));
            assertThat(suggestion).hasCount(1);
            assertThat(page).hasURL(Pattern.compile(".*unit=" + StatisticsFixture.province + "&.*"));
            tab.screenshot(screenshot + "-picker");
            suggestion.click();
            assertThat(page.locator("#statistics-subject")).containsText("Hải Hậu");
            assertThat(page.locator("#statistics-no-map")).isVisible();
            assertThat(page.locator("#statistics-map")).hasCount(0);
            assertThat(page.locator("#statistics-ranked-chart svg")).hasCount(1);
            assertThat(page.locator(
                            "#statistics-ranked-chart svg text", new Page.LocatorOptions().setHasText("Hải Minh")))
                    .not()
                    .hasCount(0);
            tab.screenshot(screenshot + "-ranked");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }

    /**
     * axe-core (as AccessibilityBrowserTests runs it) on the page's content — the map, the charts and the
     * picker's suggestions — in both languages (the layout's header is AccessibilityBrowserTests' part).
     */
    @Test
    void axeFindsNoViolationOnTheMapTheChartsAndTheSuggestions() {
        String axe = NodeTools.axe();
        JsonMapper json = JsonMapper.builder().build();
        List<String> violations = new ArrayList<>();
        try (Chromium.Tab tab = chromium.open(port, 1280, 900)) {
            Page page = signedIn(tab);
            for (String lang : List.of("vi", "en")) {
                page.navigate(tab.url("/statistics?unit=" + StatisticsFixture.province + "&year="
                        + StatisticsFixture.YEAR + "&chart=crimes&lang=" + lang));
                assertThat(page.locator("#statistics-map path[data-unit]")).hasCount(10);
                assertThat(page.locator("#statistics-ranked-chart svg")).hasCount(1);
                page.locator("#statistics-q").pressSequentially("hai hau");
                assertThat(page.locator("#statistics-hits a")).not().hasCount(0);
                page.evaluate("() => { " + axe + "\n}");
                String result = (String) page.evaluate("""
                        async () => JSON.stringify((await axe.run('#main', {resultTypes: ['violations']})).violations)""");
                for (JsonNode violation : json.readTree(result)) {
                    violations.add(lang + ": " + violation.get("id").asString() + " "
                            + violation.get("nodes").toString());
                }
            }
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }

    Page signedIn(Chromium.Tab tab) {
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        page.getByLabel("Tên đăng nhập").fill(StatisticsFixture.ADMIN);
        page.getByLabel("Mật khẩu").fill(StatisticsFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        return page;
    }
}
