package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import vn.tuquan.Workbooks;
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

    @Autowired
    ModelTypes types;

    @Autowired
    Conferences conferences;

    @Autowired
    Titles titles;

    WebSession session;
    WebSession wardHead;

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        TestUsers.administrator(accounts, MovementFixture.USERNAME, "Cán Bộ Phong Trào", MovementFixture.PASSWORD);
        TestUsers.withRoles(
                accounts,
                "canbo.halong",
                "Cán Bộ Phường Hạ Long",
                MovementFixture.PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
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
        String csrf = Jsoup.parse(wardHead.getPage(path).body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("typeCode", "PEOPLES_SECURITY_TEAM");
        form.put("name", "Tổ an ninh nhân dân số 1");
        form.put("startedOn", "");
        form.put("members", "12");
        HttpResponse<String> refused = wardHead.postForm(path + "/models", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".form-error").text())
                .contains("Ngày bắt đầu")
                .contains("Vui lòng nhập thông tin này");
        Document refusedPage = Jsoup.parse(refused.body());
        assertThat(refusedPage.selectFirst("#startedOn").hasClass("is-invalid")).isTrue();
        assertThat(refusedPage.selectFirst("#startedOn").attr("aria-describedby"))
                .isEqualTo("startedOn-error");
        assertThat(refusedPage.select("#startedOn-error").text()).contains("Vui lòng nhập thông tin này");
        assertThat(refusedPage.selectFirst("#name").hasClass("is-invalid")).isFalse();
        assertThat(refusedPage.selectFirst("#name").attr("value")).isEqualTo("Tổ an ninh nhân dân số 1");
        assertThat(refusedPage.selectFirst("#name").attr("maxlength")).isEqualTo("300");
        form.put("startedOn", "2016-03-01");
        HttpResponse<String> saved = wardHead.postForm(path + "/models", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(wardHead.getPage(path).body());
        assertThat(page.select("table.movement-models td").eachText()).contains("Tổ an ninh nhân dân số 1");
    }

    @Test
    void aFormRefusedToHtmxComesBackAloneThenSavesToThePage() {
        String path = "/movement/units/" + MovementFixture.village;
        String csrf = Jsoup.parse(wardHead.getPage(path).body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("typeCode", "PEOPLES_SECURITY_TEAM");
        form.put("name", "Tổ an ninh nhân dân số 9");
        form.put("startedOn", "");
        // the page's form posts with htmx, to itself
        Document shown = Jsoup.parse(wardHead.getPage(path).body());
        assertThat(shown.selectFirst("form.movement-model-form").attr("hx-post"))
                .isEqualTo(path + "/models");
        assertThat(shown.selectFirst("form.movement-model-form").attr("hx-target"))
                .isEqualTo("this");

        HttpResponse<String> refused = htmxPost(path + "/models", form, "http://localhost:" + port + path);
        assertThat(refused.statusCode()).isEqualTo(200); // htmx swaps only a 2xx answer
        Document alone = Jsoup.parseBodyFragment(refused.body());
        // the model form alone, not the page: no other register, no layout
        assertThat(alone.select("form")).hasSize(1);
        assertThat(alone.selectFirst("form").hasClass("movement-model-form")).isTrue();
        assertThat(alone.select("h1, nav, table, #camera, #award, #conference")).isEmpty();
        assertThat(alone.select(".form-error").text()).contains("Ngày bắt đầu").contains("Vui lòng nhập thông tin này");
        assertThat(alone.selectFirst("#startedOn").hasClass("is-invalid")).isTrue();
        assertThat(alone.select("#startedOn-error").text()).contains("Vui lòng nhập thông tin này");
        assertThat(alone.selectFirst("#name").hasClass("is-invalid")).isFalse();
        assertThat(alone.selectFirst("#name").attr("value")).isEqualTo("Tổ an ninh nhân dân số 9");
        assertThat(alone.select("input[name=_csrf]")).hasSize(1);

        // saved: htmx is sent to the page (reloaded, as only its anchor differs), which shows the notice
        form.put("startedOn", "2016-03-01");
        HttpResponse<String> saved = htmxPost(path + "/models", form, "http://localhost:" + port + path);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("HX-Redirect")).hasValue(path + "#model");
        assertThat(saved.headers().firstValue("HX-Refresh")).hasValue("true");
        Document page = Jsoup.parse(wardHead.getPage(path).body());
        assertThat(page.select(".movement-saved").text()).contains("Tổ an ninh nhân dân số 9");
        assertThat(page.select("table.movement-models td").eachText()).contains("Tổ an ninh nhân dân số 9");
        assertThat(Jsoup.parse(wardHead.getPage(path).body()).select(".movement-saved"))
                .isEmpty();

        // the award form, refused alone, keeps the year typed
        Map<String, String> award = new LinkedHashMap<>();
        award.put("_csrf", csrf);
        award.put("titleCode", "CULTURAL_STANDARD_AREA");
        award.put("year", "2015");
        award.put("decidingBody", "UBND phường Hạ Long");
        award.put("decisionNumber", "");
        Document awardAlone =
                Jsoup.parseBodyFragment(htmxPost(path + "/awards", award, "http://localhost:" + port + path)
                        .body());
        assertThat(awardAlone.select("form")).hasSize(1);
        assertThat(awardAlone.select("form#award .form-error").text()).contains("Khen thưởng phải có số quyết định");
        assertThat(awardAlone.selectFirst("#decisionNumber").hasClass("is-invalid"))
                .isTrue();
        assertThat(awardAlone.selectFirst("#awardYear").attr("value")).isEqualTo("2015");
    }

    /** A form posted as htmx posts it from the page at {@code shownAt}, in this ward head's session. */
    HttpResponse<String> htmxPost(String path, Map<String, String> fields, String shownAt) {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                    .header("Cookie", "TUQUAN_SESSION=" + wardHead.cookie("TUQUAN_SESSION"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept", "*/*")
                                    .header("Accept-Language", "vi")
                                    .header("HX-Request", "true")
                                    .header("HX-Current-URL", shownAt)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReviewAndAwardFormsRefuseThenSave() {
        String path = "/movement/units/" + MovementFixture.parish;
        String csrf = Jsoup.parse(wardHead.getPage(path).body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
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
        assertThat(Jsoup.parse(wardHead.getPage(path).body())
                        .select("table.movement-awards")
                        .text())
                .contains("99/QĐ-UBND");

        Map<String, String> review = new LinkedHashMap<>();
        review.put("_csrf", csrf);
        review.put("kind", "FINAL");
        review.put("topic", "Tổng kết 10 năm giáo xứ tự quản");
        review.put("heldOn", "2017-01-05");
        review.put("periodFrom", "2007-01-01");
        review.put("periodTo", "2017-06-30");
        HttpResponse<String> early = wardHead.postForm(path + "/conferences", review);
        assertThat(Jsoup.parse(early.body()).select("#conference .form-error").text())
                .contains("Ngày tổ chức");
        review.put("heldOn", "2017-08-05");
        assertThat(wardHead.postForm(path + "/conferences", review).statusCode())
                .isEqualTo(302);
        Document after = Jsoup.parse(wardHead.getPage(path).body());
        assertThat(after.select("table.movement-conferences").text()).contains("Tổng kết 10 năm giáo xứ tự quản");
        assertThat(after.select("form[enctype=multipart/form-data]")).isNotEmpty();
    }

    @Test
    void onlyAProvincialAdministratorEditsModelTypesOnThePage() {
        Document wardPage =
                Jsoup.parse(wardHead.getPage("/movement/model-types").body());
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
        assertThat(wardHead.postForm("/movement/model-types", form).statusCode())
                .isEqualTo(403);

        HttpResponse<String> adminResponse = session.getPage("/movement/model-types");
        Document adminPage = Jsoup.parse(adminResponse.body());
        assertThat(adminResponse.statusCode()).as(adminResponse.body()).isEqualTo(200);
        assertThat(adminPage.select("#type-form"))
                .as(adminPage.select("main").text())
                .isNotEmpty();
        form.put("_csrf", adminPage.selectFirst("meta[name=_csrf]").attr("content"));
        form.put("nameEn", "");
        HttpResponse<String> refused = session.postForm("/movement/model-types", form);
        assertThat(Jsoup.parse(refused.body()).select(".form-error").text()).contains("Vui lòng nhập thông tin này");
        Document refusedPage = Jsoup.parse(refused.body()); // the form shown back as typed, the refused field marked
        assertThat(refusedPage.selectFirst("#nameVi").hasClass("is-invalid")).isTrue(); // the names are refused as one
        assertThat(refusedPage.selectFirst("#nameVi").attr("value")).isEqualTo("Tổ tự quản đường phố");
        assertThat(refusedPage.selectFirst("#code").attr("value")).isEqualTo("STREET_WATCH");
        assertThat(refusedPage.selectFirst("#kind-RESIDENTIAL_AREA").hasAttr("checked"))
                .isTrue();
        assertThat(refusedPage.selectFirst("#kind-PARISH").hasAttr("checked")).isFalse();
        assertThat(refusedPage.selectFirst("#selfManage").hasAttr("checked")).isTrue();
        assertThat(refusedPage.selectFirst("#selfPrevent").hasAttr("checked")).isFalse();
        form.put("nameEn", "Street watch");
        assertThat(session.postForm("/movement/model-types", form).statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(session.getPage("/movement/model-types").body())
                        .select("table.movement-types")
                        .text())
                .contains("STREET_WATCH");
    }

    @Test
    void aUnitOutsideTheScopeIsRefused() {
        assertThat(wardHead.getPage("/movement/units/" + MovementFixture.villageElsewhere)
                        .statusCode())
                .isEqualTo(403);
        assertThat(wardHead.get("/api/v1/movement/units/" + MovementFixture.tranTeXuong + "/models")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theModelsExportHoldsEveryModelTheReaderMaySee() {
        models.create(
                Caller.SYSTEM,
                MovementFixture.school,
                new MovementModel.Form(
                        "SAFE_SCHOOL_GATE",
                        "Cổng trường an toàn Hạ Long",
                        LocalDate.of(2016, 9, 5),
                        null,
                        "Thầy Hùng",
                        8,
                        List.of("Toàn dân bảo vệ an ninh Tổ quốc")));
        Map<String, String> typeNames = new java.util.HashMap<>();
        types.all().forEach(t -> typeNames.put(t.code(), t.nameVi()));
        // the district for the administrator, the ward for its officer: each reads what it may see
        for (Reader reader : List.of(
                new Reader(session, Scope.WHOLE_COUNTRY, MovementFixture.district),
                new Reader(wardHead, Scope.of(Set.of(MovementFixture.haLong)), MovementFixture.haLong))) {
            List<MovementModel> records = models.under(reader.view(), reader.unitId());
            assertThat(records).extracting(MovementModel::name).contains("Cổng trường an toàn Hạ Long");
            List<List<String>> sheet =
                    Workbooks.rows(reader.web().getBytes("/movement/units/" + reader.unitId() + "/models.xlsx"));
            assertThat(sheet.get(0))
                    .containsExactly(
                            "Đơn vị",
                            "Loại mô hình",
                            "Tên mô hình",
                            "Ngày bắt đầu",
                            "Ngày kết thúc",
                            "Người phụ trách",
                            "Số thành viên",
                            "Cuộc vận động, phong trào liên quan");
            assertThat(sheet.subList(1, sheet.size()))
                    .as("every model under %d, nothing else", reader.unitId())
                    .containsExactlyElementsOf(records.stream()
                            .map(m -> Workbooks.row(
                                    unitName(m.unitId()),
                                    typeNames.get(m.typeCode()),
                                    m.name(),
                                    m.startedOn(),
                                    m.endedOn(),
                                    m.leader(),
                                    m.members(),
                                    String.join("; ", m.campaigns())))
                            .toList());
            assertThat(sheet)
                    .contains(List.of(
                            "Trường Tiểu học Hạ Long",
                            typeNames.get("SAFE_SCHOOL_GATE"),
                            "Cổng trường an toàn Hạ Long",
                            "05/09/2016",
                            "",
                            "Thầy Hùng",
                            "8",
                            "Toàn dân bảo vệ an ninh Tổ quốc"));
        }
    }

    @Test
    void theConferencesAwardsAndCamerasExportsHoldEveryRecordUnderTheUnit() {
        Scope view = Scope.WHOLE_COUNTRY;
        long unit = MovementFixture.haLong;
        conferences.record(
                Caller.SYSTEM,
                MovementFixture.village,
                new Conference.Form(
                        Conference.Kind.INTERIM,
                        "Sơ kết phong trào tổ dân phố",
                        LocalDate.of(2017, 7, 1),
                        LocalDate.of(2017, 1, 1),
                        LocalDate.of(2017, 6, 30),
                        45,
                        null,
                        List.of("Toàn dân bảo vệ an ninh Tổ quốc")));
        titles.award(
                Caller.SYSTEM,
                MovementFixture.school,
                new Title.AwardForm(
                        "GOOD_HOMEROOM_TEACHER",
                        2016,
                        "Cô Phạm Thị Xuất Khẩu",
                        "Công an tỉnh",
                        "12/QĐ-CAT",
                        LocalDate.of(2016, 12, 1)));
        models.register(
                Caller.SYSTEM,
                MovementFixture.village,
                new Camera.Form(null, 20.4251, 106.1733, "Nhà ông Trần Xuất", "Ngã ba chợ", LocalDate.of(2017, 5, 6)));

        List<Conference> held = conferences.under(view, unit);
        assertThat(held).extracting(Conference::topic).contains("Sơ kết phong trào tổ dân phố");
        List<List<String>> conferenceSheet =
                Workbooks.rows(session.getBytes("/movement/units/" + unit + "/conferences.xlsx"));
        assertThat(conferenceSheet.get(0))
                .containsExactly(
                        "Đơn vị",
                        "Loại",
                        "Chủ đề",
                        "Ngày tổ chức",
                        "Từ ngày",
                        "Đến ngày",
                        "Số người dự",
                        "Cuộc vận động, phong trào liên quan");
        assertThat(conferenceSheet.subList(1, conferenceSheet.size()))
                .containsExactlyElementsOf(held.stream()
                        .map(c -> Workbooks.row(
                                unitName(c.unitId()),
                                c.kind() == Conference.Kind.FINAL ? "Tổng kết" : "Sơ kết",
                                c.topic(),
                                c.heldOn(),
                                c.periodFrom(),
                                c.periodTo(),
                                c.attendance(),
                                String.join("; ", c.campaigns())))
                        .toList());
        assertThat(conferenceSheet)
                .contains(List.of(
                        "Tổ dân phố số 1",
                        "Sơ kết",
                        "Sơ kết phong trào tổ dân phố",
                        "01/07/2017",
                        "01/01/2017",
                        "30/06/2017",
                        "45",
                        "Toàn dân bảo vệ an ninh Tổ quốc"));

        Map<String, String> titleNames = new java.util.HashMap<>();
        titles.all().forEach(t -> titleNames.put(t.code(), t.nameVi()));
        List<Title.Award> awards = titles.awardsUnder(view, unit);
        assertThat(awards).extracting(Title.Award::personName).contains("Cô Phạm Thị Xuất Khẩu");
        List<List<String>> awardSheet = Workbooks.rows(session.getBytes("/movement/units/" + unit + "/awards.xlsx"));
        assertThat(awardSheet.get(0))
                .containsExactly(
                        "Năm",
                        "Danh hiệu",
                        "Đơn vị",
                        "Cá nhân",
                        "Cơ quan quyết định",
                        "Số quyết định",
                        "Ngày quyết định");
        assertThat(awardSheet.subList(1, awardSheet.size()))
                .containsExactlyElementsOf(awards.stream()
                        .map(a -> Workbooks.row(
                                a.year(),
                                titleNames.get(a.titleCode()),
                                unitName(a.unitId()),
                                a.personName(),
                                a.decidingBody(),
                                a.decisionNumber(),
                                a.decidedOn()))
                        .toList());
        assertThat(awardSheet)
                .contains(List.of(
                        "2016",
                        titleNames.get("GOOD_HOMEROOM_TEACHER"),
                        "Trường Tiểu học Hạ Long",
                        "Cô Phạm Thị Xuất Khẩu",
                        "Công an tỉnh",
                        "12/QĐ-CAT",
                        "01/12/2016"));

        List<Camera> cameras = models.cameras(view, unit);
        assertThat(cameras).extracting(Camera::owner).contains("Nhà ông Trần Xuất");
        List<List<String>> cameraSheet = Workbooks.rows(session.getBytes("/movement/units/" + unit + "/cameras.xlsx"));
        assertThat(cameraSheet.get(0))
                .containsExactly("Đơn vị", "Vĩ độ", "Kinh độ", "Chủ sở hữu", "Vị trí, hướng quan sát", "Ngày lắp đặt");
        assertThat(cameraSheet.subList(1, cameraSheet.size()))
                .containsExactlyElementsOf(cameras.stream()
                        .map(c -> Workbooks.row(
                                unitName(c.unitId()),
                                c.latitude(),
                                c.longitude(),
                                c.owner(),
                                c.description(),
                                c.installedOn()))
                        .toList());
        assertThat(cameraSheet)
                .contains(List.of(
                        "Tổ dân phố số 1", "20.4251", "106.1733", "Nhà ông Trần Xuất", "Ngã ba chợ", "06/05/2017"));
    }

    /** Who downloads, what they may see, and the unit whose list they download. */
    record Reader(WebSession web, Scope view, long unitId) {}

    String unitName(long unitId) {
        return units.latest(Scope.WHOLE_COUNTRY, unitId).orElseThrow().name();
    }

    @Test
    void camerasComeAsGeoJsonForTheMap() {
        models.register(
                Caller.SYSTEM,
                MovementFixture.village,
                new Camera.Form(null, 20.43, 106.17, "Nhà văn hóa tổ 1", null, null));
        HttpResponse<String> json = session.get("/movement/units/" + MovementFixture.haLong + "/cameras.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("FeatureCollection").contains("106.17").contains("Nhà văn hóa tổ 1");
        assertThat(session.get("/api/v1/movement/model-types").body()).contains("SAFE_SCHOOL");
        assertThat(session.get("/api/v1/movement/units/" + MovementFixture.district
                                + "/final-reviews?from=2007-01-01&to=2017-06-30")
                        .statusCode())
                .isEqualTo(200);
    }
}
