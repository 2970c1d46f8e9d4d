package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * A commune officer of Hải Minh over HTTP: uploads a household file (a bad one refused whole with its
 * rows), moves a household and sees its stays, corrects and withdraws a commitment, records a
 * school's staff commitment, and downloads the Excel exports.
 */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdRegisterPagesTests {

    static final String PASSWORD = "mat-khau-so-ho-hai-minh-2026";
    static final LocalDate JAN_2023 = LocalDate.of(2023, 1, 10);

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Households households;

    @Autowired
    Commitments commitments;

    @Autowired
    OrganisationCommitments organisations;

    @TempDir
    Path files;

    long importArea;
    String importAreaCode;
    long fromArea;
    long toArea;
    long commitmentArea;
    long school;
    WebSession web;

    @BeforeAll
    void data() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        long suffix = System.nanoTime() % 100_000;
        importAreaCode = "HMN" + suffix;
        importArea = area(importAreaCode, "Xóm Nhập");
        fromArea = area("HMD" + suffix, "Xóm Đi");
        toArea = area("HMT" + suffix, "Xóm Đến");
        commitmentArea = area("HMC" + suffix, "Xóm Cam Kết");
        school = localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        new LocalUnitForm(
                                UnitKind.SCHOOL,
                                null,
                                null,
                                "Trường Tiểu học Hải Minh " + suffix,
                                new OrganisationDetails("giáo dục", true, 40, null)),
                        HouseholdsFixture.LIST_DATE)
                .id();
        TestUsers.withRoles(
                accounts,
                "canbo.soho.haiminh",
                "Trần Thị Sổ",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(HouseholdsFixture.haiMinh())),
                Scope.of(Set.of(HouseholdsFixture.haiMinh())));
        web = new WebSession(port);
        web.signIn("canbo.soho.haiminh", PASSWORD);
    }

    long area(String code, String name) {
        return localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", code, name, null),
                        HouseholdsFixture.LIST_DATE)
                .id();
    }

    HttpResponse<String> upload(String path, String fileName, String text) throws IOException {
        Path file = files.resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", web.csrfToken(path));
        fields.put("from", "2024-01-15");
        return web.postMultipart(path, fields, "file", List.of(file));
    }

    @Test
    void aFileWithABadRowShowsTheRowAndWritesNothingAndAGoodOneLandsWhole() throws IOException {
        String path = "/households/areas/" + importArea + "/import";
        String bad = "area,code,head_name,address,members,catholic\n"
                + importAreaCode + ",N-1,Lê Văn Một,Xóm Nhập,4,0\n"
                + importAreaCode + ",N-2,Lê Văn Hai,,hai,0\n"
                + "ZZ99,N-3,Lê Văn Ba,,3,có\n";
        Document refused = Jsoup.parse(upload(path, "bad.csv", bad).body());

        assertThat(refused.selectFirst("#import-refused p").text())
                .isEqualTo(
                        "Tệp không được nhập: 2 dòng có lỗi. Chưa có hộ nào được ghi; sửa các dòng dưới đây rồi tải lại cả tệp.");
        assertThat(refused.select("#import-problems tbody tr"))
                .extracting(tr -> tr.select("td").eachText())
                .containsExactly(
                        List.of("3", "Số nhân khẩu (members)", "Số nhân khẩu \"hai\" không phải là số dương."),
                        List.of(
                                "4",
                                "Khu dân cư (area)",
                                "Không có khu dân cư mã hoặc số hiệu \"ZZ99\" trong đơn vị này."));
        assertThat(refused.selectFirst("#import-done")).isNull();
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, importArea, Dates.today()))
                .as("nothing written")
                .isEmpty();

        String good = "area,code,head_name,address,members,catholic\n"
                + importAreaCode + ",N-1,Lê Văn Một,\"Xóm Nhập, Hải Minh\",4,0\n"
                + importArea + ",N-2,Lê Văn Hai,,2,có\n";
        Document done = Jsoup.parse(upload(path, "good.csv", good).body());
        assertThat(done.selectFirst("#import-done").text()).isEqualTo("Đã nhập 2 hộ từ tệp good.csv.");
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, importArea, LocalDate.of(2024, 1, 15)))
                .extracting(Household::code, Household::address, Household::catholic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("N-1", "Xóm Nhập, Hải Minh", false),
                        org.assertj.core.groups.Tuple.tuple("N-2", null, true));
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, importArea, LocalDate.of(2024, 1, 14)))
                .isEmpty();

        HttpResponse<String> csv = web.get(path + "/template.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("\uFEFFKhu dân cư,Mã hộ,Họ tên chủ hộ,Địa chỉ,Số nhân khẩu,Hộ Công giáo\n" + importAreaCode
                        + ",");
        assertThat(web.get(path + "/template.csv?lang=en").body())
                .startsWith(
                        "\uFEFFResidential area,Household code,Head of household,Address,Members,Catholic household\n");
        web.get(path + "/template.csv?lang=vi"); // the language chosen is remembered: back to Vietnamese
        HttpResponse<String> xlsx = web.get(path + "/template.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");

        Document list =
                Jsoup.parse(web.getPage("/households/areas/" + importArea).body());
        assertThat(list.selectFirst("#open-import").attr("href")).isEqualTo(path);
    }

    @Test
    void aHouseholdMovesWithinTheCommuneButNotOutOfTheScopeAndItsStaysShow() {
        Household h = households.add(
                Caller.SYSTEM, fromArea, new HouseholdForm("D-7", "Bùi Văn Chuyển", "Xóm Đi", 5, false), JAN_2023);
        String page = "/households/areas/" + fromArea + "/households/" + h.id();
        Document before = Jsoup.parse(web.getPage(page).body());
        List<String> options = before.select("#toAreaId option").eachAttr("value");
        assertThat(options)
                .contains(Long.toString(toArea), Long.toString(importArea))
                .doesNotContain(Long.toString(fromArea), Long.toString(HouseholdsFixture.area(6)));
        assertThat(before.select("#stays li")).hasSize(1);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", before.selectFirst("input[name=_csrf]").attr("value"));
        form.put("toAreaId", Long.toString(HouseholdsFixture.area(6)));
        form.put("code", "NM-9");
        form.put("on", "2024-06-01");
        assertThat(web.postForm(page + "/move", form).statusCode())
                .as("an area of Nam Mỹ")
                .isEqualTo(403);
        assertThat(households.history(Scope.WHOLE_COUNTRY, h.id()))
                .as("nothing changed")
                .hasSize(1);

        form.put("toAreaId", Long.toString(toArea));
        form.put("code", "T-9");
        HttpResponse<String> moved = web.postForm(page + "/move", form);
        assertThat(moved.statusCode()).isEqualTo(302);
        String target = "/households/areas/" + toArea + "/households/" + h.id();
        assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(target);

        Document after = Jsoup.parse(web.getPage(target).body());
        assertThat(after.selectFirst("#moved").text()).startsWith("Đã chuyển hộ sang Xóm Đến");
        assertThat(after.select("#stays li span").eachText())
                .containsExactly("Mã hộ D-7, từ 10/01/2023 đến 31/05/2024", "Mã hộ T-9, từ 01/06/2024 đến nay");
        assertThat(households
                        .find(Scope.WHOLE_COUNTRY, h.id(), LocalDate.of(2024, 6, 1))
                        .orElseThrow()
                        .areaId())
                .isEqualTo(toArea);

        form.put("on", "2024-05-01");
        form.put("toAreaId", Long.toString(importArea));
        Document overlapping = Jsoup.parse(web.postForm(target + "/move", form).body());
        assertThat(overlapping.selectFirst(".alert-danger").text())
                .isEqualTo("Hộ không thể cùng lúc ở hai khu dân cư (từ ngày 01/05/2024).");
        assertThat(households.history(Scope.WHOLE_COUNTRY, h.id()))
                .as("nothing changed")
                .hasSize(2);
    }

    @Test
    void aVillageHeadCorrectsThenWithdrawsACommitmentAndTheRateFollows() throws IOException {
        Period period = Period.residentialAreaOn(Dates.today());
        Household wrong = households.add(
                Caller.SYSTEM, commitmentArea, new HouseholdForm("K-1", "Đỗ Văn Nhầm", null, 3, false), JAN_2023);
        households.add(Caller.SYSTEM, commitmentArea, new HouseholdForm("K-2", "Đỗ Thị Chưa", null, 2, true), JAN_2023);
        commitments.recordAll(Caller.SYSTEM, commitmentArea, period.year(), List.of(wrong.id()), Dates.today());
        String list = "/households/areas/" + commitmentArea + "/commitments";

        Document ticks = Jsoup.parse(web.getPage(list).body());
        assertThat(ticks.selectFirst("#rate").text()).isEqualTo("Đã đăng ký: 50% (1/2 hộ)");
        String edit = ticks.select("a.btn:contains(Sửa)").attr("href");
        assertThat(edit).isEqualTo(list + "/" + wrong.id() + "?year=" + period.year());

        Document form = Jsoup.parse(web.getPage(edit).body());
        assertThat(form.selectFirst("#signed").hasAttr("checked")).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").attr("value"));
        fields.put("registeredOn", period.to().plusDays(1).toString());
        fields.put("signed", "true");
        Document outside = Jsoup.parse(web.postForm(edit, fields).body());
        assertThat(outside.selectFirst(".alert-danger").text()).contains("nằm ngoài kỳ đánh giá " + period.year());
        assertThat(commitments
                        .find(Scope.WHOLE_COUNTRY, wrong.id(), period.year())
                        .orElseThrow()
                        .selfManage())
                .as("nothing changed")
                .isTrue();

        fields.put("registeredOn", period.from().toString());
        fields.put("selfManage", "true");
        HttpResponse<String> corrected = web.postForm(edit, fields);
        assertThat(corrected.statusCode()).isEqualTo(302);
        Document afterCorrection = Jsoup.parse(web.getPage(
                        corrected.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body());
        assertThat(afterCorrection.select(".alert-success").text())
                .isEqualTo("Đã sửa đăng ký của hộ K-1 – Đỗ Văn Nhầm.");
        assertThat(afterCorrection.selectFirst("#rate").text()).isEqualTo("Đã đăng ký: 50% (1/2 hộ)");
        Commitment now =
                commitments.find(Scope.WHOLE_COUNTRY, wrong.id(), period.year()).orElseThrow();
        assertThat(now.form()).isEqualTo(new CommitmentForm(period.from(), true, true, false, false));

        byte[] sheet = web.getBytes(list.replace("/commitments", "/commitments.xlsx") + "?year=" + period.year());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet s = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertThat(cells(s.getRow(0), text))
                    .startsWith("Mã hộ", "Chủ hộ")
                    .contains("Ngày đăng ký", "Đã ký cam kết", "Tự quản", "Tự phòng", "Tự bảo vệ");
            assertThat(cells(s.getRow(1), text))
                    .containsExactly(
                            "K-1", "Đỗ Văn Nhầm", "", "3", "", MessageDate.of(period.from()), "Có", "Có", "", "");
            assertThat(cells(s.getRow(2), text)).containsExactly("K-2", "Đỗ Thị Chưa", "", "2", "Có", "Chưa đăng ký");
            assertThat(s.getLastRowNum())
                    .as("the area's two households, nothing else")
                    .isEqualTo(2);
        }
        assertThat(households.inArea(Scope.of(Set.of(HouseholdsFixture.haiMinh())), commitmentArea, Dates.today()))
                .as("the households the village head may see")
                .hasSize(2);

        Map<String, String> withdraw = new LinkedHashMap<>();
        withdraw.put("_csrf", fields.get("_csrf"));
        HttpResponse<String> removed =
                web.postForm(list + "/" + wrong.id() + "/withdraw?year=" + period.year(), withdraw);
        assertThat(removed.statusCode()).isEqualTo(302);
        Document back = Jsoup.parse(web.getPage(
                        removed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body());
        assertThat(back.selectFirst("#rate").text()).isEqualTo("Đã đăng ký: 0% (0/2 hộ)");
        assertThat(back.select(".alert-success").text()).isEqualTo("Đã bỏ đăng ký của hộ K-1 – Đỗ Văn Nhầm.");
        assertThat(back.select("input[name=household]:not([disabled])")).hasSize(2);
        assertThat(web.getPage(edit).statusCode()).as("nothing left to correct").isEqualTo(404);
    }

    @Test
    void theApiCorrectsAndWithdrawsACommitment() {
        Period period = Period.residentialArea(2024);
        Household h = households.add(
                Caller.SYSTEM, commitmentArea, new HouseholdForm("K-9", "Đỗ Văn Api", null, 1, false), JAN_2023);
        commitments.record(Caller.SYSTEM, h.id(), 2024, CommitmentForm.full(LocalDate.of(2024, 1, 5)));
        String csrf = Jsoup.parse(web.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        String path = "/api/v1/households/" + h.id() + "/commitments/" + period.year();

        HttpResponse<String> noDate = web.send("PUT", path, Map.of("_csrf", csrf), true);
        assertThat(commitments
                        .find(Scope.WHOLE_COUNTRY, h.id(), 2024)
                        .orElseThrow()
                        .signed())
                .isTrue();
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(noDate.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(noDate.body()).contains("households.refused.missingDate");

        HttpResponse<String> deleted = web.send("DELETE", path, Map.of("_csrf", csrf), true);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"registeredOn\":\"2024-01-05\"");
        assertThat(commitments.find(Scope.WHOLE_COUNTRY, h.id(), 2024)).isEmpty();
        assertThat(web.send("DELETE", path, Map.of("_csrf", csrf), true).statusCode())
                .isEqualTo(422);

        long namMyArea = localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.namMy(),
                        new LocalUnitForm(
                                UnitKind.RESIDENTIAL_AREA,
                                "THON",
                                "NMX" + System.nanoTime() % 100_000,
                                "Thôn Xa",
                                null),
                        HouseholdsFixture.LIST_DATE)
                .id();
        Household far = households.add(
                Caller.SYSTEM, namMyArea, new HouseholdForm("K-F", "Ngô Văn Xa", null, 1, false), JAN_2023);
        commitments.record(Caller.SYSTEM, far.id(), 2024, CommitmentForm.full(LocalDate.of(2024, 1, 5)));
        assertThat(web.send(
                                "DELETE",
                                "/api/v1/households/" + far.id() + "/commitments/2024",
                                Map.of("_csrf", csrf),
                                true)
                        .statusCode())
                .as("a household of Nam Mỹ")
                .isEqualTo(403);
        assertThat(commitments.find(Scope.WHOLE_COUNTRY, far.id(), 2024)).isPresent();
    }

    @Test
    void aSchoolRecordsItsStaffCommitmentWithClearRefusals() throws IOException {
        String page = "/households/organisations/" + school + "/commitments";
        Document empty = Jsoup.parse(web.getPage(page).body());
        assertThat(empty.selectFirst("#recorded").text()).isEqualTo("Chưa ghi nhận cho kỳ này.");
        assertThat(empty.selectFirst("#staffTotal").attr("value"))
                .as("the school's staff count")
                .isEqualTo("40");
        Period period = OrganisationCommitments.periodOn(Dates.today());

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", empty.selectFirst("input[name=_csrf]").attr("value"));
        form.put("staffTotal", "40");
        form.put("staffBriefed", "41");
        form.put("staffSigned", "30");
        form.put("recordedOn", period.from().toString());
        Document tooMany = Jsoup.parse(web.postForm(page, form).body());
        assertThat(tooMany.selectFirst("#error").text())
                .isEqualTo("Số được phổ biến (41) không được vượt quá tổng số cán bộ (40).");
        assertThat(tooMany.selectFirst("#staffBriefed").hasClass("is-invalid")).isTrue();

        form.put("staffBriefed", "38");
        form.put("recordedOn", period.to().plusDays(1).toString());
        Document late = Jsoup.parse(web.postForm(page, form).body());
        assertThat(late.selectFirst("#error").text()).contains("nằm ngoài kỳ đánh giá " + period.year());
        assertThat(late.selectFirst("#recordedOn").hasClass("is-invalid")).isTrue();
        assertThat(late.selectFirst("#recordedOn").attr("aria-describedby")).isEqualTo("recordedOn-error");
        assertThat(late.selectFirst("#recordedOn").attr("min"))
                .isEqualTo(period.from().toString());
        assertThat(organisations.find(Scope.WHOLE_COUNTRY, school, period.year()))
                .as("nothing recorded")
                .isEmpty();

        form.put("recordedOn", period.from().toString());
        Document saved = Jsoup.parse(web.postForm(page, form).body());
        assertThat(saved.selectFirst("#staff-briefed").text()).isEqualTo("38 (95%)");
        assertThat(saved.selectFirst("#staff-signed").text()).isEqualTo("30 (75%)");
        assertThat(organisations
                        .find(Scope.WHOLE_COUNTRY, school, period.year())
                        .orElseThrow()
                        .staffBriefed())
                .isEqualTo(38);

        byte[] sheet = web.getBytes(
                "/households/organisations/" + HouseholdsFixture.haiMinh() + "/commitments.xlsx?year=" + period.year());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            DataFormatter text = new DataFormatter();
            List<List<String>> rows = new java.util.ArrayList<>();
            book.getSheetAt(0).forEach(r -> rows.add(cells(r, text)));
            assertThat(rows.get(0)).startsWith("Cơ quan, doanh nghiệp, nhà trường", "Tổng số cán bộ, nhân viên");
            assertThat(rows)
                    .filteredOn(r -> r.get(0).startsWith("Trường Tiểu học Hải Minh"))
                    .anySatisfy(r -> assertThat(r)
                            .containsExactly(r.get(0), "40", "38", "95", "30", "75", MessageDate.of(period.from())));
        }
        // every organisation of the commune the officer may see, with its record or empty cells
        List<OrganisationCommitments.OrganisationRow> records = organisations.under(
                Scope.of(Set.of(HouseholdsFixture.haiMinh())), HouseholdsFixture.haiMinh(), period.year());
        assertThat(records).extracting(r -> r.unit().id()).contains(school);
        List<List<String>> exported = Workbooks.rows(sheet);
        assertThat(exported.subList(1, exported.size()))
                .containsExactlyElementsOf(records.stream()
                        .map(r -> {
                            var c = r.commitment();
                            return c == null
                                    ? Workbooks.row(r.unit().name(), null, null, null, null, null, null)
                                    : Workbooks.row(
                                            r.unit().name(),
                                            c.staffTotal(),
                                            c.staffBriefed(),
                                            Math.round(c.briefedPercent() * 10) / 10.0,
                                            c.staffSigned(),
                                            Math.round(c.signedPercent() * 10) / 10.0,
                                            c.recordedOn());
                        })
                        .toList());

        assertThat(web.getPage("/households/organisations/" + HouseholdsFixture.haiMinh() + "/commitments")
                        .statusCode())
                .as("a commune is not an organisation")
                .isEqualTo(404);
        assertThat(web.getPage("/households/organisations/" + HouseholdsFixture.namMy() + "/commitments")
                        .statusCode())
                .as("outside the scope")
                .isEqualTo(403);
    }

    static List<String> cells(Row row, DataFormatter text) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            values.add(text.formatCellValue(row.getCell(i)));
        }
        return values;
    }

    /** Dates as Tuquan writes them in messages and sheets. */
    static final class MessageDate {
        static String of(LocalDate date) {
            return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        }
    }
}
