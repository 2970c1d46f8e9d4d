package vn.tuquan.statistics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
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
