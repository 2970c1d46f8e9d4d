package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.Units;

/** The units pages over real HTTP, on the real lists of Nam Định from 2019 to the 2025 reform. */
@TuquanTest
@TestPropertySource(properties = UnitPagesData.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    WebSession session;

    @BeforeAll
    void load(
            @Autowired OfficialLists lists,
            @Autowired UnitBoundaries boundaries,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts) {
        UnitPagesData.load(lists, boundaries, localUnits, units, accounts);
    }

    @BeforeEach
    void signIn() {
        session = new WebSession(port);
        session.signIn(UnitPagesData.USERNAME, UnitPagesData.PASSWORD);
    }

    @Test
    void theTreeShowsTheProvincesOfTheChosenDateAndLoadsChildrenOnDemand() {
        Document page = page("/units?asOf=2019-10-06");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Đơn vị");
        assertThat(page.selectFirst("input#asOf[type=date]").attr("value")).isEqualTo("2019-10-06");
        assertThat(page.selectFirst("nav a[aria-current=page]").attr("href")).isEqualTo("/units");
        assertThat(page.select(".unit-tree > li > div > a").eachText()).containsExactly("Tỉnh Nam Định");
        var toggle = page.selectFirst(".unit-tree button.unit-toggle");
        long namDinh = units.findByCode(Scope.WHOLE_COUNTRY, "36", UnitPagesData.GSO_2019)
                .orElseThrow()
                .id();
        assertThat(toggle.attr("hx-get")).isEqualTo("/units/" + namDinh + "/children?asOf=2019-10-06");
        assertThat(toggle.attr("aria-expanded")).isEqualTo("false");
        assertThat(toggle.attr("aria-label")).isEqualTo("Mở hoặc đóng các đơn vị thuộc Tỉnh Nam Định");

        Document districts2019 = fragment("/units/" + namDinh + "/children?asOf=2019-10-06");
        assertThat(districts2019.select("li.unit-node")).hasSize(10);
        assertThat(districts2019.select("li.unit-node > div > a").eachText()).contains("Huyện Hải Hậu", "Huyện Mỹ Lộc");
        Document districts2025 = fragment("/units/" + namDinh + "/children?asOf=2025-03-01");
        assertThat(districts2025.select("li.unit-node")).hasSize(9);
        assertThat(districts2025.select("li.unit-node > div > a").eachText()).doesNotContain("Huyện Mỹ Lộc");
        assertThat(districts2025.select("li.unit-node > div > a").first().attr("href"))
                .endsWith("?asOf=2025-03-01");

        Document after = page("/units?asOf=2026-01-01");
        assertThat(after.select(".unit-tree > li > div > a").eachText())
                .hasSize(34)
                .doesNotContain("Tỉnh Nam Định")
                .contains("Tỉnh Ninh Bình");
    }

    @Test
    void searchIgnoresDiacriticsAndCaseAndShowsTheFullPath() {
        Document hits = fragment("/units/search?q=" + encode("hai hau") + "&asOf=2024-01-01");
        var hit = hits.select(".search-hits li").stream()
                .filter(li -> li.selectFirst("a").text().equals("Huyện Hải Hậu, Tỉnh Nam Định"))
                .findFirst()
                .orElseThrow();
        long haiHau = units.findByCode(Scope.WHOLE_COUNTRY, "366", LocalDate.of(2024, 1, 1))
                .orElseThrow()
                .id();
        assertThat(hit.selectFirst("a").attr("href")).isEqualTo("/units/" + haiHau + "?asOf=2024-01-01");
        assertThat(hit.selectFirst(".badge").text()).isEqualTo("huyện");

        Document upper = fragment("/units/search?q=" + encode("HẢI MINH") + "&asOf=2024-01-01");
        assertThat(upper.select(".search-hits a").eachText()).contains("Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định");
        Document none = fragment("/units/search?q=" + encode("khong co dau") + "&asOf=2024-01-01");
        assertThat(none.text()).contains("Không có đơn vị nào có tên như vậy vào ngày này.");

        HttpResponse<String> plain = session.getPage("/units/search?q=" + encode("hai hau") + "&asOf=2024-01-01");
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("/units?asOf=2024-01-01&q=hai%20hau");
        Document withoutScript = page("/units?asOf=2024-01-01&q=" + encode("hai hau"));
        assertThat(withoutScript.select("#search-results .search-hits a").eachText())
                .contains("Huyện Hải Hậu, Tỉnh Nam Định");
        assertThat(withoutScript.selectFirst("#q").attr("value")).isEqualTo("hai hau");
    }

    @Test
    void aDistrictPageShowsItsPlaceChildrenAndTimelineUntilItsAbolition() {
        long haiHau = units.findByCode(Scope.WHOLE_COUNTRY, "366", UnitPagesData.LIST_2022)
                .orElseThrow()
                .id();
        Document page = page("/units/" + haiHau + "?asOf=2022-10-01");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Huyện Hải Hậu");
        assertThat(page.selectFirst(".unit-kind").text()).isEqualTo("huyện");
        assertThat(page.selectFirst(".unit-code").text()).isEqualTo("366");
        assertThat(page.select(".breadcrumb a").eachText()).containsExactly("Đơn vị", "Tỉnh Nam Định");
        assertThat(page.select(".unit-children a").eachText()).contains("Xã Hải Minh", "Xã Hải Trung");
        assertThat(page.select(".unit-counts li").eachText())
                .anySatisfy(c -> assertThat(c).matches("\\d+ xã"));
        assertThat(page.select(".timeline-event").eachText()).first().asString().startsWith("Từ 06/10/2019:");
        assertThat(page.select(".timeline-event").eachText())
                .contains("Từ 01/07/2025: Huyện Hải Hậu không còn là đơn vị riêng");
        assertThat(page.select(".unit-not-on-date")).isEmpty();
        assertThat(page.select("a[href$=/local/new]"))
                .as("a district holds no residential areas directly")
                .isEmpty();
        assertThat(page.selectFirst("#unit-map").attr("data-map-url"))
                .isEqualTo("/units/" + haiHau + "/map.json?asOf=2022-10-01");

        Document after = page("/units/" + haiHau + "?asOf=2026-01-01");
        assertThat(after.selectFirst("h1").text()).isEqualTo("Huyện Hải Hậu");
        assertThat(after.selectFirst(".unit-not-on-date").text())
                .contains("Đơn vị này không còn vào ngày 01/01/2026 (đến trước 01/07/2025)");
        assertThat(after.select(".continuations a").eachText()).contains("Xã Hải Hậu, Tỉnh Ninh Bình");
        assertThat(after.select(".continuations a").first().attr("href")).endsWith("?asOf=2026-01-01");
        assertThat(after.select(".unit-children")).isEmpty();
    }

    @Test
    void aCommunePageSaysWhatItBecameIn2025AndLinksToTheLocalUnitForms() {
        long haiTrung = units.findByCode(Scope.WHOLE_COUNTRY, "14227", UnitPagesData.FINAL_PRE_REFORM)
                .orElseThrow()
                .id();
        Document before = page("/units/" + haiTrung + "?asOf=2024-01-01");
        assertThat(before.select(".breadcrumb a").eachText())
                .containsExactly("Đơn vị", "Tỉnh Nam Định", "Huyện Hải Hậu");
        assertThat(before.selectFirst("a[href=/units/" + haiTrung + "/local/new]")
                        .text())
                .isEqualTo("Thêm khu dân cư / tổ chức");
        assertThat(before.selectFirst("a[href=/units/" + haiTrung + "/local/import]")
                        .text())
                .isEqualTo("Nhập từ Excel");
        var merged = before.select(".timeline-event").stream()
                .filter(e -> e.text().startsWith("Từ 01/07/2025: nhập toàn bộ vào"))
                .findFirst()
                .orElseThrow();
        assertThat(merged.text()).isEqualTo("Từ 01/07/2025: nhập toàn bộ vào Xã Hải Hậu (Tỉnh Ninh Bình)");
        long newHaiHau = units.findByCode(Scope.WHOLE_COUNTRY, "14215", UnitPagesData.REFORM)
                .orElseThrow()
                .id();
        assertThat(merged.selectFirst("a").attr("href")).isEqualTo("/units/" + newHaiHau + "?asOf=2025-07-01");

        Document after = page("/units/" + haiTrung + "?asOf=2026-01-01");
        assertThat(after.select(".continuations a").eachText()).containsExactly("Xã Hải Hậu, Tỉnh Ninh Bình");
        assertThat(after.select("a[href$=/local/new]"))
                .as("no forms for a unit that no longer exists")
                .isEmpty();

        Document successor = page("/units/" + newHaiHau + "?asOf=2026-01-01");
        assertThat(successor.select(".breadcrumb a").eachText()).containsExactly("Đơn vị", "Tỉnh Ninh Bình");
        assertThat(successor.select(".timeline-event").eachText())
                .anySatisfy(e -> assertThat(e)
                        .startsWith("Từ 01/07/2025: nhận toàn bộ")
                        .contains("Xã Hải Trung (Tỉnh Nam Định)"));
        assertThat(successor.select(".unit-children a").eachText()).contains("Trường THCS Hải Trung");
    }

    @Test
    void anOrganisationPageShowsItsFactsAndLinksToItsEditForm() {
        long school = units.search(
                        Scope.WHOLE_COUNTRY,
                        "Trường THCS Hải Trung",
                        LocalDate.of(2026, 1, 1),
                        java.util.Set.of(),
                        java.util.Optional.empty(),
                        1)
                .get(0)
                .unit()
                .id();
        Document page = page("/units/" + school + "?asOf=2026-01-01");
        assertThat(page.selectFirst(".unit-kind").text()).isEqualTo("trường học");
        assertThat(page.select(".unit-facts").text())
                .contains("Mã THCS-HT", "Lĩnh vực giáo dục", "Có tổ chức Đảng Có", "Số cán bộ, nhân viên 42");
        assertThat(page.selectFirst("a[href=/units/" + school + "/edit]").text())
                .isEqualTo("Sửa");

        Document early = page("/units/" + school + "?asOf=2025-01-01");
        assertThat(early.selectFirst(".unit-not-on-date").text())
                .contains("Đơn vị này chưa có vào ngày 01/01/2025; nó có từ 01/09/2025.");
    }

    @Test
    void thePagesSpeakEnglishTooAndAnUnknownUnitIsNotFound() {
        long haiHau = units.findByCode(Scope.WHOLE_COUNTRY, "366", UnitPagesData.LIST_2022)
                .orElseThrow()
                .id();
        Document page = page("/units/" + haiHau + "?asOf=2022-10-01&lang=en");
        assertThat(page.selectFirst(".unit-kind").text()).isEqualTo("rural district");
        assertThat(page.select(".timeline-event").eachText())
                .contains("From 01/07/2025: Huyện Hải Hậu ceases to be a unit of its own");
        session.getPage("/?lang=vi");
        assertThat(session.getPage("/units/999999999").statusCode()).isEqualTo(404);
        assertThat(session.getPage("/units/" + haiHau + "?asOf=not-a-date").statusCode())
                .isEqualTo(400);
    }

    private Document page(String path) {
        HttpResponse<String> response = session.getPage(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private Document fragment(String path) {
        HttpResponse<String> response = session.get(path, "Accept", "text/html", "HX-Request", "true");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<html");
        return Jsoup.parseBodyFragment(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
