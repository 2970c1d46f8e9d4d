package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/** The movement pages, the Excel export, the camera map data and the API, over real HTTP. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Models models;

    WebSession session;
    WebSession wardHead;

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        TestUsers.administrator(accounts, MovementFixture.USERNAME, "Cán Bộ Phong Trào", MovementFixture.PASSWORD);
        TestUsers.withRoles(accounts, "canbo.halong", "Cán Bộ Phường Hạ Long", MovementFixture.PASSWORD,
                Set.of("COMMUNE_OFFICER"), Scope.of(Set.of(MovementFixture.haLong)), Scope.of(Set.of(MovementFixture.haLong)));
        session = new WebSession(port);
        session.signIn(MovementFixture.USERNAME, MovementFixture.PASSWORD);
        wardHead = new WebSession(port);
        wardHead.signIn("canbo.halong", MovementFixture.PASSWORD);
    }

    @Test
    void theLandingPageListsTheCatalogue() {
        HttpResponse<String> page = session.getPage("/movement");
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("table.movement-types td").eachText()).contains("Tổ an ninh nhân dân", "Chùa tinh tiến");
        assertThat(doc.select(".movement-titles").text()).contains("Xứ họ đạo tiên tiến");
    }

    @Test
    void aModelFormRefusesWithAClearMessageThenSaves() {
        String path = "/movement/units/" + MovementFixture.village;
        String csrf = Jsoup.parse(wardHead.getPage(path).body()).selectFirst("meta[name=_csrf]").attr("content");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("typeCode", "PEOPLES_SECURITY_TEAM");
        form.put("name", "Tổ an ninh nhân dân số 1");
        form.put("startedOn", "");
        form.put("members", "12");
        HttpResponse<String> refused = wardHead.postForm(path + "/models", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".form-error").text())
                .contains("Ngày bắt đầu").contains("Vui lòng nhập thông tin này");
        form.put("startedOn", "2016-03-01");
        HttpResponse<String> saved = wardHead.postForm(path + "/models", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(wardHead.getPage(path).body());
        assertThat(page.select("table.movement-models td").eachText()).contains("Tổ an ninh nhân dân số 1");
    }

    @Test
    void theReviewAndAwardFormsRefuseThenSave() {
        String path = "/movement/units/" + MovementFixture.parish;
        String csrf = Jsoup.parse(wardHead.getPage(path).body()).selectFirst("meta[name=_csrf]").attr("content");
        Map<String, String> award = new LinkedHashMap<>();
        award.put("_csrf", csrf);
        award.put("titleCode", "ADVANCED_PARISH");
        award.put("year", "2015");
        award.put("decidingBody", "UBND thành phố Nam Định");
        award.put("decisionNumber", "");
        HttpResponse<String> refused = wardHead.postForm(path + "/awards", award);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#award .form-error").text()).contains("Khen thưởng phải có số quyết định");
        assertThat(page.select("#decidingBody").attr("value")).isEqualTo("UBND thành phố Nam Định");
        award.put("decisionNumber", "99/QĐ-UBND");
        assertThat(wardHead.postForm(path + "/awards", award).statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(wardHead.getPage(path).body()).select("table.movement-awards").text()).contains("99/QĐ-UBND");

        Map<String, String> review = new LinkedHashMap<>();
        review.put("_csrf", csrf);
        review.put("kind", "FINAL");
        review.put("topic", "Tổng kết 10 năm giáo xứ tự quản");
        review.put("heldOn", "2017-01-05");
        review.put("periodFrom", "2007-01-01");
        review.put("periodTo", "2017-06-30");
        HttpResponse<String> early = wardHead.postForm(path + "/conferences", review);
        assertThat(Jsoup.parse(early.body()).select("#conference .form-error").text()).contains("Ngày tổ chức");
        review.put("heldOn", "2017-08-05");
        assertThat(wardHead.postForm(path + "/conferences", review).statusCode()).isEqualTo(302);
        Document after = Jsoup.parse(wardHead.getPage(path).body());
        assertThat(after.select("table.movement-conferences").text()).contains("Tổng kết 10 năm giáo xứ tự quản");
        assertThat(after.select("form[enctype=multipart/form-data]")).isNotEmpty();
    }

    @Test
    void onlyAProvincialAdministratorEditsModelTypesOnThePage() {
        Document wardPage = Jsoup.parse(wardHead.getPage("/movement/model-types").body());
        assertThat(wardPage.select("table.movement-types td").eachText()).contains("Tổ an ninh nhân dân");
        assertThat(wardPage.select("#type-form")).isEmpty();
        String wardCsrf = wardPage.selectFirst("meta[name=_csrf]").attr("content");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", wardCsrf);
        form.put("code", "STREET_WATCH");
        form.put("nameVi", "Tổ tự quản đường phố");
        form.put("nameEn", "Street watch");
        form.put("unitKinds", "RESIDENTIAL_AREA");
        form.put("selfManage", "true");
        form.put("active", "true");
        assertThat(wardHead.postForm("/movement/model-types", form).statusCode()).isEqualTo(403);

        HttpResponse<String> adminResponse = session.getPage("/movement/model-types");
        Document adminPage = Jsoup.parse(adminResponse.body());
        assertThat(adminResponse.statusCode()).as(adminResponse.body()).isEqualTo(200);
        assertThat(adminPage.select("#type-form")).as(adminPage.select("main").text()).isNotEmpty();
        form.put("_csrf", adminPage.selectFirst("meta[name=_csrf]").attr("content"));
        form.put("nameEn", "");
        HttpResponse<String> refused = session.postForm("/movement/model-types", form);
        assertThat(Jsoup.parse(refused.body()).select(".form-error").text()).contains("Vui lòng nhập thông tin này");
        form.put("nameEn", "Street watch");
        assertThat(session.postForm("/movement/model-types", form).statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(session.getPage("/movement/model-types").body()).select("table.movement-types").text())
                .contains("STREET_WATCH");
    }

    @Test
    void aUnitOutsideTheScopeIsRefused() {
        assertThat(wardHead.getPage("/movement/units/" + MovementFixture.villageElsewhere).statusCode()).isEqualTo(403);
        assertThat(wardHead.get("/api/v1/movement/units/" + MovementFixture.tranTeXuong + "/models").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theModelsExportToExcel() throws Exception {
        models.create(Caller.SYSTEM, MovementFixture.school, new MovementModel.Form("SAFE_SCHOOL_GATE",
                "Cổng trường an toàn Hạ Long", LocalDate.of(2016, 9, 5), null, "Thầy Hùng", 8, List.of()));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/movement/units/" + MovementFixture.haLong + "/models.xlsx"))
                .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Tên mô hình");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                found |= sheet.getRow(r).getCell(2).getStringCellValue().equals("Cổng trường an toàn Hạ Long");
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void everyListExportsToExcel() throws Exception {
        for (String list : List.of("conferences", "awards", "cameras")) {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/movement/units/" + MovementFixture.haLong + "/" + list + ".xlsx"))
                    .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(list).isEqualTo(200);
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
            }
        }
    }

    @Test
    void camerasComeAsGeoJsonForTheMap() {
        models.register(Caller.SYSTEM, MovementFixture.village, new Camera.Form(null, 20.43, 106.17, "Nhà văn hóa tổ 1",
                null, null));
        HttpResponse<String> json = session.get("/movement/units/" + MovementFixture.haLong + "/cameras.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("FeatureCollection").contains("106.17").contains("Nhà văn hóa tổ 1");
        assertThat(session.get("/api/v1/movement/model-types").body()).contains("SAFE_SCHOOL");
        assertThat(session.get("/api/v1/movement/units/" + MovementFixture.district + "/final-reviews?from=2007-01-01&to=2017-06-30")
                .statusCode()).isEqualTo(200);
    }
}
