package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The hotspots of the demo give F18 from the records: of 48 areas on 31/10/2017, 22 stable, 22 contained, 4 complex. */
@TuquanTest
@ActiveProfiles("demo")
class DemoHotspotsTests {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    Units units;

    @Autowired
    Hotspots hotspots;

    @Autowired
    Campaigns campaigns;

    @Autowired
    DemoHotspots demo;

    UnitView province() {
        return units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF).orElseThrow();
    }

    @Test
    void onTheThirtyFirstOfOctober2017TheFortyEightAreasAre22Stable22Contained4Complex() {
        Hotspot.Counts counts = hotspots.counts(Scope.WHOLE_COUNTRY, province().id(), DemoHotspots.F18_DAY);
        assertThat(counts.total()).isEqualTo(48);
        assertThat(counts.stable()).isEqualTo(22);
        assertThat(counts.contained()).isEqualTo(22);
        assertThat(counts.complex()).isEqualTo(4);
        // a year before, more were complex: the areas moved towards stable
        Hotspot.Counts before = hotspots.counts(Scope.WHOLE_COUNTRY, province().id(), LocalDate.of(2016, 10, 31));
        assertThat(before.complex()).isGreaterThan(counts.complex());
        assertThat(before.stable()).isLessThan(counts.stable());
    }

    @Test
    void eachAreaWasDesignatedIn2014To2016AndStartedComplex() {
        List<Hotspot> all =
                hotspots.under(Scope.WHOLE_COUNTRY, province().id(), DemoHotspots.F18_DAY, Hotspot.Filter.ALL);
        assertThat(all).hasSize(51);
        assertThat(all.stream().filter(h -> h.removedOn() != null))
                .hasSize(3)
                .allMatch(h -> h.removedOn().isBefore(DemoHotspots.F18_DAY));
        for (Hotspot h : all) {
            assertThat(h.designatedOn().getYear()).isBetween(2014, 2016);
            var history = hotspots.history(Scope.WHOLE_COUNTRY, province().id(), h.id());
            assertThat(history.get(0).status()).isEqualTo(Hotspot.Status.COMPLEX);
            assertThat(history.get(0).from()).isEqualTo(h.designatedOn());
            assertThat(history).allMatch(p -> !p.reason().isBlank() && !p.from().isAfter(DemoHotspots.F18_DAY));
        }
    }

    @Test
    void aDozenCampaignsOf2016And2017TargetedTheAreas() {
        List<Campaign> list = campaigns.under(
                Scope.WHOLE_COUNTRY, province().id(), LocalDate.of(2016, 1, 1), LocalDate.of(2017, 12, 31));
        assertThat(list).hasSize(12);
        assertThat(list).allMatch(c -> !c.hotspotIds().isEmpty() && c.results().arrests() > 0);
        assertThat(list.stream().map(Campaign::kind).distinct())
                .contains(Campaign.Kind.CRACKDOWN, Campaign.Kind.PATROL);
        Campaign.Totals totals = campaigns.totals(
                Scope.WHOLE_COUNTRY, province().id(), LocalDate.of(2016, 1, 1), LocalDate.of(2017, 12, 31));
        assertThat(totals.arrests())
                .isEqualTo(list.stream().mapToLong(c -> c.results().arrests()).sum());
    }

    @Test
    void loadingAgainAddsNothing() {
        demo.loadIfAbsent();
        assertThat(hotspots.under(Scope.WHOLE_COUNTRY, province().id(), DemoHotspots.F18_DAY, Hotspot.Filter.ALL))
                .hasSize(51);
    }

    @Test
    void theProvincialOfficerSeesF18OnTheListAndTheMap() {
        try (vn.tuquan.Chromium chromium = vn.tuquan.Chromium.launch();
                vn.tuquan.Chromium.Tab tab = chromium.open(port, 1280, 900)) {
            com.microsoft.playwright.Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill("canbo.tinh");
            page.getByLabel("Mật khẩu").fill(DemoLogins.PASSWORD);
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new com.microsoft.playwright.Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            page.navigate(tab.url("/order/hotspots?on=2017-10-31"));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".count-total"))
                    .hasText("48");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".count-STABLE"))
                    .hasText("22");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".count-CONTAINED"))
                    .hasText("22");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".count-COMPLEX"))
                    .hasText("4");
            tab.screenshot("demo-hotspots");
            page.navigate(tab.url("/order/hotspots/map?on=2017-10-31"));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.locator("#hotspot-map path.leaflet-interactive")
                                    .first())
                    .isVisible();
            assertThat(page.locator("#hotspot-map path.leaflet-interactive").count())
                    .isGreaterThan(40);
            tab.screenshot("demo-hotspot-map");
            page.navigate(tab.url("/order/campaigns?from=2016-01-01&to=2017-12-31"));
            assertThat(page.locator(".order-campaign").count()).isEqualTo(12);
            tab.screenshot("demo-campaigns");
            assertThat(tab.errors()).isEmpty();
        }
    }
}
