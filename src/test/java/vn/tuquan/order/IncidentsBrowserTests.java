package vn.tuquan.order;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/** A commune officer on a phone (390×844) records an incident in a village and finds it in the list. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=" + IncidentsFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    Chromium chromium;

    @BeforeAll
    void data() {
        IncidentsFixture.ensure(lists, units, localUnits, accounts);
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCommuneOfficerRecordsATheftOnAPhoneAndFindsItInTheList() {
        String summary = "Mất trộm xe máy trước cổng chợ Xóm 2";
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(IncidentsFixture.OFFICER);
            page.getByLabel("Mật khẩu").fill(IncidentsFixture.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            assertThat(page).hasURL(tab.url("/"));

            page.navigate(tab.url("/order"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận vụ việc"))
                    .click();
            assertThat(page.locator("h1")).hasText("Ghi nhận vụ việc");
            assertThat(page.locator("#occurredAt")).not().hasValue("");
            page.getByLabel("Đơn vị").selectOption(Long.toString(IncidentsFixture.area(1)));
            page.getByLabel("Loại vụ việc").selectOption(new SelectOption().setLabel("Cờ bạc"));
            assertThat(page.locator("#severity-field")).isHidden();
            page.getByLabel("Loại vụ việc").selectOption(new SelectOption().setLabel("Trộm cắp tài sản"));
            assertThat(page.locator("#severity-field")).isVisible();
            page.getByLabel("Mức độ").selectOption(new SelectOption().setLabel("Ít nghiêm trọng"));
            page.getByText("Nhân dân tố giác").click();
            page.getByLabel("Tóm tắt").fill(summary);
            tab.screenshot("order-incident-record-phone");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu vụ việc"))
                    .click();

            assertThat(page.locator(".alert-success")).containsText("Đã ghi nhận vụ việc số");
            assertThat(page.locator("#incident-unit")).hasText("Xóm 2");
            assertThat(page.locator("#incident-status")).hasText("Tiếp nhận");
            tab.screenshot("order-incident-recorded-phone");

            page.navigate(tab.url("/order/incidents"));
            assertThat(page.locator("#incidents")).containsText(summary);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trộm cắp tài sản"))
                    .first()
                    .click();
            assertThat(page.locator("#incident-title")).hasText("Trộm cắp tài sản");
            tab.screenshot("order-incidents-list-phone");
            assertThat(tab.errors()).isEmpty();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
        }
        assertThat(jdbc.sql("SELECT source FROM incident WHERE summary = :s")
                        .param("s", summary)
                        .query(String.class)
                        .single())
                .isEqualTo("TIP_OFF");
    }
}
