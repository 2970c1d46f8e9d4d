package vn.tuquan.units.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.Units;

/**
 * The units pages in a real Chromium (Debian's, driven by Playwright as in {@code DemoBrowserTests}):
 * search without diacritics, a district's timeline, what a commune became in 2025, the tree by
 * keyboard, the map, and a phone screen. Without Chromium these tests fail: they never skip.
 */
@TuquanTest
@TestPropertySource(properties = UnitPagesData.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPagesBrowserTests {

    Chromium chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    Chromium.Tab tab;
    List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void loadAndLaunchChromium(
            @Autowired OfficialLists lists,
            @Autowired UnitBoundaries boundaries,
            @Autowired LocalUnits localUnits,
            @Autowired Units units,
            @Autowired UserAccounts accounts) {
        UnitPagesData.load(lists, boundaries, localUnits, units, accounts);
        chromium = Chromium.launch();
    }

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        consoleErrors.clear();
    }

    @Test
    void searchingHaiHauWithoutDiacriticsOpensTheDistrictAndItsTimeline() {
        openPage(1280, 900);
        signIn();
        page.navigate(url("/units"));
        page.getByLabel("Vào ngày").fill("2024-01-01");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Xem").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile("/units\\?asOf=2024-01-01"));

        page.getByLabel("Tìm đơn vị theo tên")
                .pressSequentially("hai hau", new Locator.PressSequentiallyOptions().setDelay(40));
        Locator hit =
                page.locator(".search-hits a", new Page.LocatorOptions().setHasText("Huyện Hải Hậu, Tỉnh Nam Định"));
        assertThat(hit).isVisible();
        assertThat(hit.locator("xpath=..").locator(".badge")).hasText("huyện");
        screenshot("units-search-hai-hau");
        hit.focus();
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile("/units/\\d+\\?asOf=2024-01-01$"));
        assertThat(page.locator("h1")).hasText("Huyện Hải Hậu");
        assertThat(page.locator(".unit-kind")).hasText("huyện");
        Locator events = page.locator(".timeline-event");
        assertThat(events.first()).containsText("Từ 06/10/2019:");
        assertThat(events.last()).hasText("Từ 01/07/2025: Huyện Hải Hậu không còn là đơn vị riêng");
        assertThat(page.locator("#unit-map path.leaflet-interactive, #unit-map path")
                        .first())
                .isVisible();
        assertThat(page.locator("#unit-map")).hasAttribute("data-features", "1");
        assertThat(page.locator(".leaflet-tile")).hasCount(0);
        screenshot("units-district-hai-hau");

        page.locator(".unit-children a", new Page.LocatorOptions().setHasText(Pattern.compile("^Xã Hải Trung$")))
                .click();
        assertThat(page.locator("h1")).hasText("Xã Hải Trung");
        assertThat(page.locator(".timeline-event", new Page.LocatorOptions().setHasText("nhập toàn bộ vào")))
                .hasText("Từ 01/07/2025: nhập toàn bộ vào Xã Hải Hậu (Tỉnh Ninh Bình)");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm khu dân cư / tổ chức")))
                .isVisible();

        page.getByLabel("Vào ngày").fill("2026-01-01");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Xem").setExact(true))
                .click();
        assertThat(page.locator(".unit-not-on-date")).containsText("Đơn vị này không còn vào ngày 01/01/2026");
        Locator continuation = page.locator(".continuations a");
        assertThat(continuation).hasText("Xã Hải Hậu, Tỉnh Ninh Bình");
        screenshot("units-commune-hai-trung-2026");
        continuation.click();
        assertThat(page.locator("h1")).hasText("Xã Hải Hậu");
        assertThat(page.locator(".breadcrumb")).containsText("Tỉnh Ninh Bình");
        assertThat(page.locator("#unit-map")).hasAttribute("data-features", "1");
        screenshot("units-ward-hai-hau-2026");
        assertThat(consoleErrors)
                .as("no script, style or security-policy errors")
                .isEmpty();
    }

    @Test
    void theTreeOpensWithTheKeyboardAndTheProvinceMapLinksToItsWards() {
        openPage(1280, 900);
        signIn();
        page.navigate(url("/units?asOf=2019-10-06"));
        Locator toggle = page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mở hoặc đóng các đơn vị thuộc Tỉnh Nam Định"));
        toggle.focus();
        page.keyboard().press("Enter");
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        Locator haiHau = page.locator(".unit-tree a", new Page.LocatorOptions().setHasText("Huyện Hải Hậu"));
        assertThat(haiHau).isVisible();
        assertThat(page.locator(".unit-tree li li.unit-node")).hasCount(10);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Mở hoặc đóng các đơn vị thuộc Huyện Hải Hậu"))
                .click();
        assertThat(page.locator(".unit-tree a", new Page.LocatorOptions().setHasText("Xã Hải Minh")))
                .isVisible();
        screenshot("units-tree-2019");
        page.keyboard().press("Enter");
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        toggle.focus();
        page.keyboard().press("Enter");
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(haiHau).isHidden();

        page.navigate(url("/units?asOf=2026-01-01&q=ninh%20binh"));
        page.locator(".search-hits a", new Page.LocatorOptions().setHasText(Pattern.compile("^Tỉnh Ninh Bình$")))
                .click();
        assertThat(page.locator("h1")).hasText("Tỉnh Ninh Bình");
        assertThat(page.locator("#unit-map")).hasAttribute("data-features", "130");
        assertThat(page.locator("#unit-map path.leaflet-interactive")).hasCount(129);
        screenshot("units-province-ninh-binh-map");
        page.locator("#unit-map path.leaflet-interactive").nth(60).dispatchEvent("click");
        assertThat(page).hasURL(Pattern.compile("/units/\\d+\\?asOf=2026-01-01$"));
        assertThat(page.locator(".breadcrumb")).containsText("Tỉnh Ninh Bình");
        assertThat(consoleErrors)
                .as("no script, style or security-policy errors")
                .isEmpty();
    }

    @Test
    void onAPhoneTheTreeSearchAndUnitPageFitTheScreen() {
        openPage(390, 844);
        signIn();
        page.navigate(url("/units?asOf=2024-01-01"));
        page.getByLabel("Tìm đơn vị theo tên").pressSequentially("hai minh");
        assertThat(page.locator(".search-hits a").first()).hasText("Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định");
        assertThat(fitsSideways()).as("the tree and search fit a phone").isTrue();
        screenshot("units-search-phone");
        page.locator(".search-hits a").first().click();
        assertThat(page.locator("h1")).hasText("Xã Hải Minh");
        assertThat(fitsSideways()).as("the unit page fits a phone").isTrue();
        screenshot("units-commune-phone");
        assertThat(consoleErrors).isEmpty();
    }

    private boolean fitsSideways() {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }

    private void openPage(int width, int height) {
        tab = chromium.open(port, width, height);
        context = tab.context();
        page = tab.page();
        consoleErrors = tab.errors();
    }

    private void signIn() {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(UnitPagesData.USERNAME);
        page.getByLabel("Mật khẩu").fill(UnitPagesData.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page).hasURL(url("/"));
    }

    private String url(String path) {
        return tab.url(path);
    }

    private void screenshot(String name) {
        tab.screenshot(name);
    }
}
