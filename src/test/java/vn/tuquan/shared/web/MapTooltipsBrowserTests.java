package vn.tuquan.shared.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Models;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * What people type is shown as text on every map: a unit's name, a camera's owner and description
 * and a hotspot's name, each holding markup (a meta refresh that once redirected an officer on
 * hover, an image whose error handler runs script), appear in the tooltip exactly as typed, and
 * nothing of it becomes an element of the page.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=map-tooltips")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapTooltipsBrowserTests {

    static final LocalDate AS_OF = LocalDate.of(2020, 1, 1);
    static final String USERNAME = "ban.do";
    static final String PASSWORD = "mat-khau-ban-do-2026";
    static final String DISTRICT = "Huyện <img id=\"injected-unit\" src=\"x\" onerror=\"window.injected='unit'\">Đậm";
    static final String OWNER = "<meta http-equiv=\"refresh\" content=\"0;url=/logout\">Nhà văn hóa";
    static final String DESCRIPTION =
            "<img id=\"injected-camera\" src=\"x\" onerror=\"window.injected='camera'\">cổng chợ";
    static final String HOTSPOT =
            "<img id=\"injected-hotspot\" src=\"x\" onerror=\"window.injected='hotspot'\">Tụ điểm";

    @LocalServerPort
    int port;

    Chromium chromium;
    long province;
    long village;
    long commune;

    @BeforeAll
    void setUp(
            @TempDir Path dir,
            @Autowired OfficialLists lists,
            @Autowired UnitBoundaries boundaries,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired Models models,
            @Autowired Hotspots hotspots,
            @Autowired UserAccounts accounts)
            throws Exception {
        Path list = Files.writeString(
                dir.resolve("ban-do.csv"),
                "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n" + "Tỉnh Bản Đồ,96,\""
                        + DISTRICT.replace("\"", "\"\"") + "\",996,Xã Một,99601,Xã,\n");
        lists.importFiles(Caller.SYSTEM, List.of(list), AS_OF, Optional.empty());
        province =
                units.findByCode(Scope.WHOLE_COUNTRY, "96", AS_OF).orElseThrow().id();
        commune = units.findByCode(Scope.WHOLE_COUNTRY, "99601", AS_OF)
                .orElseThrow()
                .id();
        Path shapes = Files.writeString(dir.resolve("ban-do.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "96"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[105.0, 20.0], [106.0, 20.0], [106.0, 21.0], [105.0, 21.0], [105.0, 20.0]]]}},
                  {"type": "Feature", "properties": {"code": "996"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[105.2, 20.2], [105.8, 20.2], [105.8, 20.8], [105.2, 20.8], [105.2, 20.2]]]}},
                  {"type": "Feature", "properties": {"code": "99601"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[105.3, 20.3], [105.7, 20.3], [105.7, 20.7], [105.3, 20.7], [105.3, 20.3]]]}}]}
                """);
        boundaries.importFiles(Caller.SYSTEM, List.of(shapes), AS_OF, Optional.empty());
        village = localUnits
                .createAll(
                        Caller.SYSTEM,
                        List.of(Map.entry(
                                commune,
                                new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "BD1", "Xóm Bản Đồ", null))),
                        AS_OF)
                .get(0);
        models.register(Caller.SYSTEM, village, new Camera.Form(null, 20.5, 105.5, OWNER, DESCRIPTION, AS_OF));
        hotspots.designate(
                Caller.SYSTEM,
                village,
                new Hotspot.Form(
                        HOTSPOT,
                        Hotspot.Kind.DRUGS,
                        List.of(village),
                        AS_OF,
                        "Công an tỉnh",
                        "1/QĐ",
                        Hotspot.Status.COMPLEX,
                        "thử",
                        20.5,
                        105.5,
                        null));
        TestUsers.administrator(accounts, USERNAME, "Cán Bộ Bản Đồ", PASSWORD);
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        chromium.close();
    }

    @Test
    void aUnitsNameACamerasOwnerAndDescriptionAndAHotspotsNameShowAsText() {
        try (Chromium.Tab tab = chromium.open(port, 1280, 900)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(USERNAME);
            page.getByLabel("Mật khẩu").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();

            page.navigate(tab.url("/units/" + province));
            hoverAndRead(page, "#unit-map path.leaflet-interactive", DISTRICT, tab, "/units/" + province);

            page.navigate(tab.url("/movement/units/" + village));
            hoverAndRead(
                    page,
                    "#camera-map path.leaflet-interactive",
                    OWNER + " — " + DESCRIPTION,
                    tab,
                    "/movement/units/" + village);

            page.navigate(tab.url("/order/hotspots/map?unit=" + village));
            hoverAndRead(page, "#hotspot-map path.leaflet-interactive", HOTSPOT + " — ", tab, "/order/hotspots/map");

            org.assertj.core.api.Assertions.assertThat(
                            page.locator("#injected-unit, #injected-camera, #injected-hotspot")
                                    .count())
                    .isZero();
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.injected === undefined"))
                    .isEqualTo(true);
        }
    }

    /** Every page with a map loads Leaflet through fragments/leaflet.html, and so the guard with it. */
    @Test
    void noTemplateLoadsLeafletWithoutTheGuard() throws Exception {
        try (var templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> direct = templates
                    .filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !p.endsWith(Path.of("fragments", "leaflet.html")))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("leaflet/dist/leaflet.js");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            org.assertj.core.api.Assertions.assertThat(direct).isEmpty();
        }
        org.assertj.core.api.Assertions.assertThat(
                        Files.readString(Path.of("src/main/resources/templates/fragments/leaflet.html")))
                .contains("/js/leaflet-text.js");
    }

    /** Hovers the last shape drawn (the innermost), reads the tooltip as text; no element of the markup exists. */
    private void hoverAndRead(Page page, String shapes, String expectedStart, Chromium.Tab tab, String stillOn) {
        Locator shape = page.locator(shapes).last();
        assertThat(shape).isVisible();
        shape.hover(new Locator.HoverOptions().setForce(true));
        Locator tooltip = page.locator(".leaflet-tooltip").last();
        assertThat(tooltip).isVisible();
        org.assertj.core.api.Assertions.assertThat(tooltip.textContent()).startsWith(expectedStart);
        org.assertj.core.api.Assertions.assertThat(tooltip.locator("img, meta").count())
                .as("no element made of the text")
                .isZero();
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("meta[http-equiv=refresh]").count())
                .isZero();
        page.waitForTimeout(1200); // a meta refresh of 0 s would have left the page by now
        org.assertj.core.api.Assertions.assertThat(page.url()).contains(stillOn);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.injected === undefined"))
                .isEqualTo(true);
    }
}
