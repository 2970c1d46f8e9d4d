package vn.tuquan.evaluation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * A provincial officer reads the criteria of the rulebook in force, opens the province's form,
 * raises an editable threshold and adopts the version; the page then shows it. Shares the web tests'
 * database (and application).
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-rulebooks-web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulebooksBrowserTests {

    @LocalServerPort
    int port;

    Chromium chromium;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units, @Autowired UserAccounts accounts) {
        RulebooksFixture.ensure(lists, units, accounts);
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aProvincialOfficerRaisesAThresholdAndAdoptsTheProvincesVersion() {
        try (Chromium.Tab tab = chromium.open(port, 1280, 900)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(RulebooksFixture.PROVINCIAL);
            page.getByLabel("Mật khẩu").fill(RulebooksFixture.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();

            page.navigate(tab.url("/evaluation/rulebooks"));
            assertThat(page.locator("h1")).hasText("Bộ tiêu chí \"An toàn về an ninh, trật tự\"");
            assertThat(page.locator("table[data-kind=COMMUNE] tr[data-criterion=CHILDREN_REGISTERED_AND_RECOGNISED]"))
                    .containsText("Tỷ lệ tối thiểu (%): 70");
            tab.screenshot("evaluation-rulebooks");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Ban hành phiên bản bộ tiêu chí của Tỉnh Nam Định"))
                    .click();
            page.getByLabel("Hiệu lực từ ngày").fill("2028-01-01");
            page.locator("[id='p.COMMUNE.DISPUTES_MEDIATED.minPercent']").fill("80");
            tab.screenshot("evaluation-rulebooks-adopt");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ban hành phiên bản"))
                    .click();

            assertThat(page.locator(".rulebook-adopted")).containsText("TT48_2025-36");
            assertThat(page.locator("table.rulebook-versions tr.table-active")).containsText("01/01/2028");
            assertThat(page.locator("table[data-kind=COMMUNE] tr[data-criterion=DISPUTES_MEDIATED]"))
                    .containsText("Tỷ lệ tối thiểu (%): 80");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }
}
