package vn.tuquan.evaluation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.Incidents;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * A commune officer on a phone (390×844) opens the evaluation area, then Xóm 1's explanation for
 * 2023: sees the failed "no crime" criterion with the value found (1), the operator and the threshold
 * (0), and follows the link to the incidents behind it.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=" + ClassificationFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationBrowserTests {

    @LocalServerPort
    int port;

    Chromium chromium;

    @BeforeAll
    void data(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts,
            @Autowired Incidents incidents,
            @Autowired JdbcClient jdbc) {
        ClassificationFixture.ensure(lists, units, localUnits, accounts, incidents, jdbc);
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anOfficerSeesTheFailedCriterionAndFollowsTheLinkToTheIncidentsBehindIt() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(ClassificationFixture.OFFICER);
            page.getByLabel("Mật khẩu").fill(ClassificationFixture.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            assertThat(page).hasURL(tab.url("/"));

            page.navigate(tab.url("/evaluation"));
            page.getByLabel("Năm đánh giá").fill("2023");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem"))
                    .click();
            assertThat(page).hasURL(tab.url("/evaluation?year=2023"));
            tab.screenshot("evaluation-index-phone");
            assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))
                    .isEqualTo(false);
            page.locator(".explain-link", new Page.LocatorOptions().setHasText("Xóm 1"))
                    .click();
            assertThat(page.locator("#explain-heading")).hasText("Xóm 1 — năm 2023");
            assertThat(page.locator("#verdict-proposed")).hasText("Không đạt");

            Locator crime = page.locator("li.criterion[data-criterion=NO_CRIME]");
            assertThat(crime.locator(".criterion-name")).hasText("Không có tội phạm");
            assertThat(crime.locator(".criterion-result")).hasText("Không đạt");
            assertThat(crime.locator(".comparison-value")).hasText("1");
            assertThat(crime.locator(".comparison-operator")).hasText("≤");
            assertThat(crime.locator(".comparison-threshold")).hasText("0");
            assertThat(page.locator("li.criterion[data-criterion=HOUSEHOLDS_REGISTERED] .comparison-value")
                            .first())
                    .hasText("99,5%");
            assertThat(page.locator(".classification-items")).isVisible();
            tab.screenshot("evaluation-explanation-phone");
            assertThat(tab.errors()).isEmpty();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);

            crime.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Xem hồ sơ"))
                    .click();
            assertThat(page)
                    .hasURL(java.util.regex.Pattern.compile("/order/incidents\\?unit=" + ClassificationFixture.xom1
                            + "&year=2023&periodOf=residential-area&kind=CRIME$"));
            assertThat(page.locator("#incidents")).containsText(ClassificationFixture.THEFT);
            tab.screenshot("evaluation-explanation-records-phone");
        }
    }
}
