package vn.tuquan.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.Chromium;
import vn.tuquan.TuquanTest;

/**
 * What a newcomer sees after {@code ./tuquan demo}, in a real Chromium (Debian's package, driven by
 * Playwright). Without Chromium these tests fail: they never skip.
 */
@TuquanTest
@ActiveProfiles("demo")
class DemoBrowserTests {

    static Chromium chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    Chromium.Tab tab;
    List<String> consoleErrors = new ArrayList<>();

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
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aCommuneOfficerSignsInWithADemoLoginAndSeesTheVietnameseHomePage() {
        openPage(1280, 800);
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        signIn("canbo.xa");

        assertThat(page.locator("h1")).hasText("Xin chào, Lê Văn Bình!");
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.locator("#today")).hasText(Pattern.compile("Hôm nay là \\d{2}/\\d{2}/\\d{4}\\."));
        assertThat(page.locator("nav a.nav-link").first()).hasText("Đơn vị");
        assertThat(page.locator(".area-card")).hasCount(7);
        assertThat(page.evaluate("typeof htmx")).as("htmx is loaded").isEqualTo("object");
        assertThat(page.evaluate("typeof bootstrap"))
                .as("Bootstrap's script is loaded")
                .isEqualTo("object");
        screenshot("home-desktop-vi");

        page.locator("nav")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName("Thống kê, báo cáo")
                                .setExact(true))
                .click();
        // the statistics open on the officer's own commune and the year in force
        assertThat(page.locator("h1")).hasText("Thống kê, báo cáo");
        assertThat(page.locator("#statistics-subject")).containsText("năm");
        assertThat(consoleErrors)
                .as("no script, style or security-policy errors")
                .isEmpty();
    }

    @Test
    void englishIsRememberedAcrossPages() {
        openPage(1280, 800);
        page.navigate(url("/login"));
        signIn("truongthon");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("h1")).hasText("Hello, Phạm Thị Lan!");
        page.locator("nav")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Units").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Units");
        Page another = context.newPage();
        another.navigate(url("/"));
        assertThat(another.locator("h1")).hasText("Hello, Phạm Thị Lan!");
        screenshot("home-desktop-en");
    }

    @Test
    void onAPhoneTheMenuFoldsAndOpensWithItsButton() {
        openPage(390, 844);
        page.navigate(url("/login"));
        screenshot("login-phone");
        signIn("truongthon");
        var unitsLink = page.locator("nav a.nav-link", new Page.LocatorOptions().setHasText("Đơn vị"));
        assertThat(unitsLink).isHidden();
        tab.openMenu("Mở hoặc đóng trình đơn");
        assertThat(unitsLink).isVisible();
        assertThat(page.locator("nav a.nav-link", new Page.LocatorOptions().setHasText("Người dân")))
                .isVisible();
        assertThat(page.locator("#navigation.show")).isVisible();
        screenshot("home-phone-menu");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing overflows the phone screen sideways")
                .isTrue();
    }

    @Test
    void theKeyboardReachesTheContentFirstAndTheTextIsReadable() {
        openPage(1280, 800);
        page.navigate(url("/login"));
        signIn("canbo.tinh");
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Bỏ qua, đến nội dung chính");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");

        assertThat(contrast("nav a.nav-link", "nav.navbar"))
                .as("navigation links")
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast("main p.lead", "body")).as("body text").isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(".area-card a", ".area-card")).as("links on cards").isGreaterThanOrEqualTo(4.5);
        assertThat(contrast("nav .current-user", "nav.navbar"))
                .as("the signed-in name")
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast("footer a", "footer"))
                .as("the footer's link to the API documentation")
                .isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void aCommuneOfficerSeesTheirCommuneAndIsRefusedAnotherOne(@Autowired vn.tuquan.units.Units units) {
        var scope = vn.tuquan.shared.Scope.WHOLE_COUNTRY;
        long haiMinh = units.findByCode(scope, "14233", NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        long otherWard = units.findByCode(scope, "13636", NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        openPage(1280, 800);
        page.navigate(url("/login"));
        signIn("canbo.xa");
        page.locator("nav")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Đơn vị").setExact(true))
                .click();
        assertThat(page.locator(".unit-tree a", new Page.LocatorOptions().setHasText("Xã Hải Minh"))
                        .first())
                .isVisible();

        page.navigate(url("/units/" + haiMinh));
        assertThat(page.locator("h1")).hasText("Xã Hải Minh");

        var refused = page.navigate(url("/units/" + otherWard));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Không có quyền");
        assertThat(page.locator("body")).not().containsText("Trần Tế Xương");
        screenshot("refused-outside-scope");
    }

    @Test
    void theApiDocumentationOpensInSwaggerUi() {
        openPage(1280, 800);
        page.navigate(url("/login"));
        signIn("quantri");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tài liệu API"))
                .click();
        // springdoc builds the API description on its first request: 6 s on a loaded two-core machine
        assertThat(page.locator(".swagger-ui .info .title"))
                .containsText("Tuquan API", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator(".swagger-ui .opblock-summary-path").first()).isVisible();
        assertThat(consoleErrors)
                .as("Swagger UI runs under the content security policy")
                .isEmpty();
        screenshot("swagger-ui");
    }

    private void openPage(int width, int height) {
        tab = chromium.open(port, width, height);
        context = tab.context();
        page = tab.page();
        consoleErrors = tab.errors();
    }

    private void signIn(String username) {
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(DemoData.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page).hasURL(url("/"));
        page.waitForLoadState(); // the scripts at the end of the body have run (a loaded machine paints first)
    }

    private String url(String path) {
        return tab.url(path);
    }

    private void screenshot(String name) {
        tab.screenshot(name);
    }

    /** WCAG contrast ratio between the text colour of one element and the background of another. */
    private double contrast(String textSelector, String backgroundSelector) {
        String color = (String) page.locator(textSelector).first().evaluate("e => getComputedStyle(e).color");
        String background =
                (String) page.locator(backgroundSelector).first().evaluate("e => getComputedStyle(e).backgroundColor");
        if (background.equals("rgba(0, 0, 0, 0)")) {
            background = "rgb(255, 255, 255)";
        }
        double a = luminance(color);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String rgb) {
        Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
        assertThat(m.find()).as(rgb).isTrue();
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(m.group(i + 1)) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
