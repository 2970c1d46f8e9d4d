package vn.tuquan.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.internal.Totp;
import vn.tuquan.shared.Dates;

/**
 * In a real Chromium: enrol the second factor from the QR page, sign in with a TOTP code computed
 * from the enrolled secret, and get locked out after five wrong passwords.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=sign-in")
class SignInBrowserTests {

    static final String PASSWORD = "mot-mat-khau-trinh-duyet";
    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    Chromium.Tab tab;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void closeTab() {
        if (tab != null) {
            tab.close();
        }
    }

    @Test
    void enrolTheSecondFactorThenSignInWithACode() {
        accounts.createIfAbsent("trinh.duyet", "Đỗ Thị Duyệt", PASSWORD);
        tab = chromium.open(port, 1280, 800);
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        signIn(page, "trinh.duyet", PASSWORD);
        assertThat(page).hasURL(tab.url("/"));

        page.locator("nav a.account-link").click();
        assertThat(page).hasURL(tab.url("/account"));
        assertThat(page.locator("#account-totp")).containsText("Chưa bật");
        page.locator("#account-totp a").click();
        assertThat(page).hasURL(tab.url("/account/totp"));
        assertThat((Boolean) page.evaluate("document.querySelector('img.totp-qr').naturalWidth > 20"))
                .as("the QR code is drawn")
                .isTrue();
        tab.screenshot("totp-enrolment");
        String secret = page.locator("#totp-secret").textContent().replace(" ", "");
        page.getByLabel("Mã 6 chữ số").fill(Totp.code(secret, Totp.step(Dates.now())));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bật xác thực hai lớp"))
                .click();
        assertThat(page).hasURL(tab.url("/account"));
        assertThat(page.locator("#account-totp")).containsText("Đang bật");

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng xuất").setExact(true))
                .click();
        assertThat(page).hasURL(tab.url("/login?logout"));
        signIn(page, "trinh.duyet", PASSWORD);
        assertThat(page).hasURL(tab.url("/login/code"));
        assertThat(page.locator("h1")).hasText("Mã xác thực");
        long used = jdbc.sql("SELECT totp_last_step FROM users WHERE username = 'trinh.duyet'")
                .query(Long.class)
                .single();
        long next = Math.max(used + 1, Totp.step(Dates.now()));
        page.getByLabel("Mã 6 chữ số").fill(Totp.code(secret, next));
        tab.screenshot("totp-code");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận"))
                .click();
        assertThat(page).hasURL(tab.url("/"));
        assertThat(page.locator("h1")).hasText("Xin chào, Đỗ Thị Duyệt!");
        assertThat(tab.errors())
                .as("no script, style or security-policy errors")
                .isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndThePageSaysUntilWhen() {
        accounts.createIfAbsent("bi.khoa", "Vũ Văn Khóa", PASSWORD);
        tab = chromium.open(port, 390, 844);
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        for (int i = 1; i <= 4; i++) {
            signIn(page, "bi.khoa", "sai-mat-khau-lan-" + i);
            assertThat(page.locator(".alert-danger")).hasText("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        signIn(page, "bi.khoa", "sai-mat-khau-lan-5");
        assertThat(page.locator("#locked"))
                .containsText(Pattern.compile(
                        "Tài khoản tạm bị khóa đến \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(giờ Việt Nam\\)"));
        assertThat(page.locator("#locked")).containsText("./tuquan user unlock");
        signIn(page, "bi.khoa", PASSWORD);
        assertThat(page.locator("#locked")).isVisible();
        tab.screenshot("locked-out-phone");
        assertThat(tab.errors()).isEmpty();
    }

    private static void signIn(Page page, String username, String password) {
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true))
                .click();
    }
}
