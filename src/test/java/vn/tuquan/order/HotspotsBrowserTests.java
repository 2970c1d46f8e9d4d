package vn.tuquan.order;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/** A commune officer on a phone changes a hotspot's status and sees the counts move; the map draws the hotspots. */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=" + HotspotsFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Hotspots hotspots;

    @Autowired
    LocalUnits localUnits;

    Chromium chromium;
    long village;
    Hotspot complex;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units, @Autowired UserAccounts accounts) {
        HotspotsFixture.ensure(lists, units, accounts);
        village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        complex = HotspotsFixture.designate(
                hotspots, village, "Tụ điểm ma túy khu tập thể dệt", LocalDate.of(2016, 5, 2));
        Hotspot contained =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm lô đề chợ Hạ Long", LocalDate.of(2016, 6, 1));
        hotspots.changeStatus(
                Caller.SYSTEM,
                village,
                contained.id(),
                new Hotspot.StatusForm(Hotspot.Status.CONTAINED, LocalDate.of(2017, 2, 1), "Đã bắt đối tượng cầm đầu"));
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void onAPhoneAStatusChangeMovesTheCounts() {
        try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(HotspotsFixture.HA_LONG_OFFICER);
            page.getByLabel("Mật khẩu").fill(HotspotsFixture.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();

            page.navigate(tab.url("/order/hotspots?unit=" + village));
            assertThat(page.locator("h1")).hasText("Địa bàn trọng điểm, phức tạp về ANTT");
            assertThat(page.locator(".count-COMPLEX")).hasText("1");
            assertThat(page.locator(".count-CONTAINED")).hasText("1");
            assertThat(page.locator(".count-STABLE")).hasText("0");
            tab.screenshot("order-hotspots-phone");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tụ điểm ma túy khu tập thể dệt"))
                    .click();
            assertThat(page.locator(".hotspot-status-now")).hasText("Phức tạp");
            var form = page.locator("form.order-status-form");
            form.getByLabel("Tình trạng mới").selectOption("STABLE");
            form.getByLabel("Từ ngày").fill("2016-04-01");
            form.getByLabel("Lý do").fill("Không phát sinh vụ việc");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu tình trạng"))
                    .click();
            assertThat(page.locator(".order-form-error")).containsText("Từ ngày");
            assertThat(page.locator(".order-form-error")).containsText("02/05/2016");

            form = page.locator("form.order-status-form");
            form.getByLabel("Từ ngày").fill(Dates.today().minusDays(1).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu tình trạng"))
                    .click();
            assertThat(page.locator(".order-saved")).hasText("Đã ghi nhận tình trạng mới.");
            assertThat(page.locator(".hotspot-status-now")).hasText("Ổn định");
            assertThat(page.locator(".hotspot-timeline li").first()).containsText("Không phát sinh vụ việc");
            assertThat(page.locator(".count-COMPLEX")).hasText("0");
            assertThat(page.locator(".count-STABLE")).hasText("1");
            tab.screenshot("order-hotspot-phone");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Địa bàn trọng điểm, phức tạp về ANTT"))
                    .click();
            assertThat(page.locator(".count-COMPLEX")).hasText("0");
            assertThat(page.locator(".count-STABLE")).hasText("1");

            page.navigate(tab.url("/order/hotspots/map?unit=" + village));
            assertThat(page.locator("#hotspot-map path.leaflet-interactive")).hasCount(2);
            tab.screenshot("order-hotspot-map-phone");
            org.assertj.core.api.Assertions.assertThat(tab.errors()).isEmpty();
        }
    }
}
