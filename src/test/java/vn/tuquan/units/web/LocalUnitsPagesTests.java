package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The pages that add, edit, move and close residential areas and organisations, as a browser posts them. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=local-units")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalUnitsPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    UnitView namMy;
    UnitView dienXa;
    UnitsHttp http;

    @BeforeAll
    void setUp() {
        NamDinh.ensureImported(lists, units);
        TestUsers.administrator(accounts, NamDinh.USERNAME, "Cán Bộ Đơn Vị", NamDinh.PASSWORD);
        namMy = NamDinh.commune(units, NamDinh.NAM_MY);
        dienXa = NamDinh.commune(units, NamDinh.DIEN_XA);
        http = new UnitsHttp(port).signIn(NamDinh.USERNAME, NamDinh.PASSWORD);
    }

    long versions() {
        return jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single();
    }

    static String csrfOf(Document page) {
        return page.selectFirst("main form input[name=_csrf]").attr("value");
    }

    @Test
    void theNewFormIsVietnameseWithLabelledFields() {
        HttpResponse<String> response = http.get("/units/" + namMy.id() + "/local/new");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Thêm khu dân cư hoặc tổ chức");
        assertThat(page.selectFirst(".lead").text()).isEqualTo("Thuộc: Xã Nam Mỹ, Huyện Nam Trực, Tỉnh Nam Định");
        for (String field : new String[] {
            "kind", "subkind", "name", "code", "sector", "hasPartyOrganisation", "staffCount", "exclusion", "validFrom"
        }) {
            assertThat(page.selectFirst("label[for=" + field + "]")).as(field).isNotNull();
            assertThat(page.selectFirst("#" + field)).as(field).isNotNull();
        }
        assertThat(page.select("#subkind option").eachText())
                .containsExactly("— không —", "thôn", "xóm", "ấp", "bản", "tổ dân phố", "khu phố");
        assertThat(page.select("#kind option").eachText())
                .contains(
                        "khu dân cư",
                        "cơ quan",
                        "doanh nghiệp",
                        "khu công nghiệp",
                        "trường học",
                        "bệnh viện",
                        "giáo xứ",
                        "giáo họ",
                        "chùa");
        assertThat(page.select("#exclusion option").eachText())
                .containsExactly(
                        "không loại trừ",
                        "đơn vị lực lượng vũ trang",
                        "doanh nghiệp nhỏ hoặc siêu nhỏ",
                        "trường tiểu học",
                        "trường mầm non");
        assertThat(page.selectFirst("#validFrom").attr("value"))
                .isEqualTo(LocalUnitChoices.today().toString());
    }

    @Test
    void submittingTheCreateFormRedirectsToTheUnitWithAMessage() {
        Document form =
                Jsoup.parse(http.get("/units/" + namMy.id() + "/local/new").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrfOf(form));
        fields.put("kind", "ENTERPRISE");
        fields.put("subkind", "");
        fields.put("code", "DN-7");
        fields.put("name", "Công ty TNHH May Nam Mỹ");
        fields.put("sector", "may mặc");
        fields.put("hasPartyOrganisation", "false");
        fields.put("staffCount", "1.250");
        fields.put("exclusion", "");
        fields.put("validFrom", "2024-03-01");
        HttpResponse<String> posted = http.postForm("/units/" + namMy.id() + "/local/new", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/units/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        UnitView created =
                units.find(Scope.WHOLE_COUNTRY, id, LocalDate.of(2024, 3, 1)).orElseThrow();
        assertThat(created.kind()).isEqualTo(UnitKind.ENTERPRISE);
        assertThat(created.parentId()).isEqualTo(namMy.id());
        assertThat(created.organisation()).isEqualTo(new OrganisationDetails("may mặc", false, 1250, null));
        assertThat(units.find(Scope.WHOLE_COUNTRY, id, LocalDate.of(2024, 2, 29)))
                .isEmpty();

        HttpResponse<String> next = http.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(Jsoup.parse(next.body()).select("[role=status]").eachText())
                .contains("Đã thêm doanh nghiệp \"Công ty TNHH May Nam Mỹ\".");
    }

    @Test
    void aBadFormShowsEachProblemBesideItsFieldAndWritesNothing() {
        long before = versions();
        HttpResponse<String> posted = http.postForm(
                "/units/" + namMy.id() + "/local/new",
                Map.of(
                        "kind",
                        "RESIDENTIAL_AREA",
                        "subkind",
                        "",
                        "name",
                        "  ",
                        "staffCount",
                        "mười",
                        "validFrom",
                        "2024-13-40"));
        assertThat(posted.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(posted.body());
        assertThat(page.selectFirst("#name").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#name").attr("aria-describedby")).isEqualTo("name-error");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("cần nhập tên");
        assertThat(page.selectFirst("#subkind-error").text())
                .isEqualTo("khu dân cư cần chọn: thôn, xóm, ấp, bản, tổ dân phố hoặc khu phố");
        assertThat(page.selectFirst("#staffCount-error").text())
                .isEqualTo("số cán bộ, nhân viên phải là số nguyên không âm");
        assertThat(page.selectFirst("#validFrom-error").text()).isEqualTo("ngày không hợp lệ");
        assertThat(page.selectFirst("#kind option[selected]").attr("value")).isEqualTo("RESIDENTIAL_AREA");
        assertThat(page.selectFirst("[role=alert] h2").text()).isEqualTo("Chưa lưu được: 4 lỗi cần sửa");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void editMoveAndCloseThroughThePages() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "RESIDENTIAL_AREA");
        fields.put("subkind", "XOM");
        fields.put("name", "Xóm Trại");
        fields.put("validFrom", "2020-01-01");
        String location = http.postForm("/units/" + namMy.id() + "/local/new", fields)
                .headers()
                .firstValue("Location")
                .orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Document edit = Jsoup.parse(http.get("/units/" + id + "/edit").body());
        assertThat(edit.selectFirst("#name").attr("value")).isEqualTo("Xóm Trại");
        assertThat(edit.select("#parentId option").eachText()).contains("Xã Nam Mỹ (xã)");

        HttpResponse<String> edited = http.postForm(
                "/units/" + id + "/edit", Map.of("subkind", "THON", "name", "Thôn Trại", "validFrom", "2021-01-01"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
        assertThat(edited.headers().firstValue("Location").orElseThrow()).endsWith("/units/" + id);

        HttpResponse<String> refusedMove = http.postForm(
                "/units/" + id + "/move", Map.of("parentId", String.valueOf(id), "moveFrom", "2022-01-01"));
        assertThat(refusedMove.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refusedMove.body())
                        .selectFirst("#parentId-error")
                        .text())
                .isEqualTo("khu dân cư không thể thuộc khu dân cư");

        HttpResponse<String> moved = http.postForm(
                "/units/" + id + "/move", Map.of("parentId", String.valueOf(dienXa.id()), "moveFrom", "2022-01-01"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);

        HttpResponse<String> closed = http.postForm("/units/" + id + "/close", Map.of("closeOn", "2023-01-01"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);

        assertThat(units.history(Scope.WHOLE_COUNTRY, id))
                .extracting(
                        v -> v.change() + " " + v.name() + " " + v.subkind() + " " + v.validFrom() + " " + v.validTo())
                .containsExactly(
                        "CREATED Xóm Trại XOM 2020-01-01 2021-01-01",
                        "RENAMED Thôn Trại THON 2021-01-01 2022-01-01",
                        "MOVED Thôn Trại THON 2022-01-01 2023-01-01");
        assertThat(units.children(Scope.WHOLE_COUNTRY, namMy.id(), LocalDate.of(2020, 6, 1)))
                .extracting(UnitView::name)
                .contains("Xóm Trại");
        assertThat(http.get("/units/" + id + "/edit").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRejected() {
        UnitsHttp withoutToken = new UnitsHttp(port).signIn(NamDinh.USERNAME, NamDinh.PASSWORD);
        long before = versions();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", "not-the-token");
        fields.put("kind", "PAGODA");
        fields.put("name", "Chùa Giả");
        assertThat(withoutToken
                        .postForm("/units/" + namMy.id() + "/local/new", fields)
                        .statusCode())
                .isEqualTo(403);
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void anUnknownParentIsA404Page() {
        assertThat(http.get("/units/987654321/local/new").statusCode()).isEqualTo(404);
        assertThat(http.get("/units/987654321/local/import").statusCode()).isEqualTo(404);
    }

    /** Names and codes with numbers are listed as people read them: Xóm 2 before Xóm 10, Đ after D. */
    @Test
    void residentialAreasAreListedInNaturalOrder(@Autowired vn.tuquan.units.LocalUnits localUnits) {
        UnitView commune = NamDinh.commune(units, "13933");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            names.add("Xóm " + i);
        }
        names.add("Xóm Đông");
        names.add("Xóm Dưới");
        java.util.List<String> shuffled = new java.util.ArrayList<>(names);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        java.util.List<Map.Entry<Long, vn.tuquan.units.LocalUnitForm>> forms = new java.util.ArrayList<>();
        for (String name : shuffled) {
            String code = name.startsWith("Xóm 1") || name.matches("Xóm \\d+") ? "X" + name.substring(4) : null;
            forms.add(Map.entry(
                    commune.id(),
                    new vn.tuquan.units.LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", code, name, null)));
        }
        localUnits.createAll(vn.tuquan.shared.Caller.SYSTEM, forms, NamDinh.LIST_DATE);
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add("Xóm " + i);
        }
        expected.add("Xóm Dưới");
        expected.add("Xóm Đông");

        assertThat(units.children(Scope.WHOLE_COUNTRY, commune.id(), vn.tuquan.shared.Dates.today()))
                .extracting(UnitView::name)
                .containsExactlyElementsOf(expected);
        Document page = Jsoup.parse(http.get("/units/" + commune.id()).body());
        assertThat(page.select(".unit-children li a").eachText()).containsExactlyElementsOf(expected);
        // the same order in Java, as the database's natural_vi collation gives
        java.util.List<String> sorted = new java.util.ArrayList<>(shuffled);
        sorted.sort(vn.tuquan.shared.VietnameseText.NATURAL);
        assertThat(sorted).containsExactlyElementsOf(expected);
        assertThat(jdbc.sql("SELECT n FROM unnest(CAST(:names AS text[])) AS n ORDER BY n COLLATE natural_vi")
                        .param("names", shuffled.toArray(String[]::new))
                        .query(String.class)
                        .list())
                .containsExactlyElementsOf(expected);
    }
}
