package vn.tuquan.order;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * On a phone: a provincial officer records a drug user (first forgetting the name, which the form
 * says), changes the status, and finds the figures of the ward; a steering-committee member sees
 * the figures and is refused the list.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=order-persons")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonBrowserTests {

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

    Chromium chromium;

    @BeforeAll
    void data() {
        PersonsFixture.ensure(lists, localUnits, units, accounts);
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    void signIn(Chromium.Tab tab, String username) {
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(PersonsFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page).hasURL(tab.url("/"));
    }

    @Test
    void anOfficerRecordsADrugUserOnAPhone_andAViewerSeesOnlyTheFigures() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            signIn(tab, PersonsFixture.ADMIN);
            page.navigate(tab.url("/order/units/" + PersonsFixture.area3 + "/drug-users"));
            page.getByLabel("Ngày phát hiện").fill("2017-09-20");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Lưu").setExact(true))
                    .click();
            assertThat(page.locator(".person-error")).hasText("Họ và tên: chưa nhập.");
            assertThat(page.locator("#fullName")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
            tab.screenshot("order-drug-user-phone-refused");
            page.getByLabel("Họ và tên").fill("Lương Văn Điện Thoại");
            page.getByLabel("Năm sinh hoặc ngày sinh").fill("1993");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Lưu").setExact(true))
                    .click();
            assertThat(page.locator(".person-name")).hasText("Lương Văn Điện Thoại");
            assertThat(page.locator(".alert-success")).hasText("Đã lưu.");
            page.getByLabel("Tình trạng").selectOption("IN_TREATMENT");
            page.getByLabel("Từ ngày").fill("2017-10-05");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Lưu").setExact(true))
                    .click();
            assertThat(page.locator(".drug-user-status")).hasText("Đang cai nghiện, điều trị từ 05/10/2017");
            tab.screenshot("order-drug-user-phone-saved");
            page.navigate(tab.url("/order/units/" + PersonsFixture.haLong + "/persons?year=2017"));
            assertThat(page.locator("h1")).containsText("Phường Hạ Long");
            tab.screenshot("order-person-counts-phone");
            assertThat(tab.errors()).isEmpty();
            assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))
                    .as("no sideways scrolling on a phone")
                    .isEqualTo(false);
        }
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            signIn(tab, PersonsFixture.VIEWER);
            page.navigate(tab.url("/order/units/" + PersonsFixture.haLong + "/persons?year=2017"));
            assertThat(page.locator(".person-links")).not().containsText("Người nghiện ma túy");
            assertThat(page.locator(".new-drug-users")).not().hasText("0");
            var refused = page.navigate(tab.url("/order/units/" + PersonsFixture.haLong + "/drug-users"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.content()).doesNotContain("Lương Văn Điện Thoại");
        }
    }
}
