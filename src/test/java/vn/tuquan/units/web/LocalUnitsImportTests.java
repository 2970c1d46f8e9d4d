package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The Excel template and import, through the page and the API, with workbooks built by POI. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=local-units")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalUnitsImportTests {

    static final String[] TITLES = {
        "Mã xã",
        "Loại đơn vị",
        "Phân loại",
        "Mã riêng",
        "Tên",
        "Ngành, lĩnh vực",
        "Có tổ chức Đảng",
        "Số cán bộ, nhân viên",
        "Loại trừ khỏi đánh giá"
    };

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

    byte[] template() {
        HttpResponse<byte[]> response = http.getBytes("/units/" + namMy.id() + "/local/template.xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The downloaded template with these rows from row 3 (each array: columns A to I). */
    byte[] filled(String[]... rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.getRow(2 + r) == null ? sheet.createRow(2 + r) : sheet.getRow(2 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] == null) {
                        continue;
                    }
                    if (c == 7 && rows[r][c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theTemplateOpensWithPoiAndHasTheHeaderTheGuideAndTheCommuneAsExample() throws IOException {
        HttpResponse<byte[]> response = http.getBytes("/units/" + namMy.id() + "/local/template.xlsx");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment")
                .contains(".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly(TITLES);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("Required. The GSO code");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(NamDinh.NAM_MY);
            assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(3);
            Sheet guide = workbook.getSheet("Hướng dẫn");
            assertThat(guide).isNotNull();
            assertThat(guide.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Loại đơn vị");
            assertThat(guide.getRow(2).getCell(2).getStringCellValue()).contains("khu dân cư", "chùa");
        }
    }

    @Test
    void aGoodFileImportsEveryRowThroughTheApi() throws IOException {
        long before = versions();
        byte[] file = filled(
                new String[] {NamDinh.NAM_MY, "khu dân cư", "thôn", "T1", "Thôn Nhất", null, null, null, null},
                new String[] {NamDinh.NAM_MY, "Khu dan cu", "XOM", null, "Xóm Giữa", null, null, null, null},
                new String[] {NamDinh.DIEN_XA, "cơ quan", null, null, "Trạm Y tế xã Điền Xá", "y tế", "có", "12", ""},
                new String[] {
                    "13969",
                    "trường học",
                    "mầm non",
                    null,
                    "Trường Mầm non Nam Mỹ",
                    "giáo dục",
                    "không",
                    "25",
                    "trường mầm non"
                });
        HttpResponse<String> response =
                http.upload("/api/v1/local-units/import", "don-vi.xlsx", file, Map.of("validFrom", "2020-02-01"), true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(UnitsHttp.tree(response).get("created").asInt()).isEqualTo(4);
        assertThat(versions()).isEqualTo(before + 4);

        LocalDate on = LocalDate.of(2020, 2, 1);
        assertThat(units.children(Scope.WHOLE_COUNTRY, namMy.id(), on))
                .extracting(UnitView::name)
                .contains("Thôn Nhất", "Xóm Giữa", "Trường Mầm non Nam Mỹ");
        UnitView station = units.children(Scope.WHOLE_COUNTRY, dienXa.id(), on).stream()
                .filter(u -> u.name().equals("Trạm Y tế xã Điền Xá"))
                .findFirst()
                .orElseThrow();
        assertThat(station.kind()).isEqualTo(UnitKind.AGENCY);
        assertThat(station.organisation()).isEqualTo(new OrganisationDetails("y tế", true, 12, null));
        UnitView school = units.children(Scope.WHOLE_COUNTRY, namMy.id(), on).stream()
                .filter(u -> u.name().equals("Trường Mầm non Nam Mỹ"))
                .findFirst()
                .orElseThrow();
        assertThat(school.organisation().exclusion()).isEqualTo(OrganisationDetails.Exclusion.KINDERGARTEN);
        assertThat(units.children(Scope.WHOLE_COUNTRY, namMy.id(), on.minusDays(1)))
                .extracting(UnitView::name)
                .doesNotContain("Thôn Nhất");
    }

    String[][] badRows() {
        return new String[][] {
            {NamDinh.NAM_MY, "khu dân cư", "thôn", null, null, null, null, null, null},
            {NamDinh.NAM_MY, "khu dân cư", "ấp", null, "Ấp Tốt", null, null, null, null},
            {"99999", "khu dân cư", "bản", null, "Bản Lạ", null, null, null, null},
            {NamDinh.NAM_MY, "doanh nghiệp", null, null, "Công ty Cổ phần Nam Mỹ", null, null, "nhiều", null}
        };
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryBadRowAndNothingIsWritten() throws IOException {
        long before = versions();
        HttpResponse<String> response = http.upload(
                "/api/v1/local-units/import", "sai.xlsx", filled(badRows()), Map.of("validFrom", "2020-02-01"), true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> errors = new ArrayList<>();
        for (JsonNode error : UnitsHttp.tree(response).get("errors")) {
            errors.add(error.get("row").asInt() + " " + error.get("column").asString() + " "
                    + error.get("message").asString());
        }
        assertThat(errors)
                .containsExactly(
                        "3 E cần nhập tên",
                        "5 A không có xã mã 99999 vào ngày 01/02/2020",
                        "6 H \"nhiều\" không phải số nguyên không âm");
        assertThat(versions()).isEqualTo(before);
        assertThat(units.search(Scope.WHOLE_COUNTRY, "Ấp Tốt", LocalDate.of(2021, 1, 1), Set.of(), Optional.empty(), 5))
                .isEmpty();
    }

    @Test
    void thePageRefusesABadFileInEnglishWhenEnglishIsPicked() throws IOException {
        UnitsHttp english = new UnitsHttp(port).signIn(NamDinh.USERNAME, NamDinh.PASSWORD);
        english.get("/?lang=en");
        long before = versions();
        HttpResponse<String> response = english.upload(
                "/units/" + namMy.id() + "/local/import",
                "bad.xlsx",
                filled(badRows()),
                Map.of("validFrom", "2020-02-01"),
                false);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("#import-problems tbody tr").eachText())
                .containsExactly(
                        "3 E the name is required",
                        "5 A there is no commune with code 99999 on 01/02/2020",
                        "6 H \"nhiều\" is not a whole number, not negative");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void thePageImportsAGoodFileAndSaysHowManyUnitsItAdded() throws IOException {
        HttpResponse<String> form = http.get("/units/" + namMy.id() + "/local/import");
        assertThat(form.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(form.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Nhập khu dân cư và tổ chức từ Excel");
        assertThat(page.selectFirst("label[for=file]").text()).isEqualTo("Tệp Excel (.xlsx)");
        assertThat(page.selectFirst("form[enctype=multipart/form-data]")).isNotNull();

        long before = versions();
        HttpResponse<String> response = http.upload(
                "/units/" + namMy.id() + "/local/import",
                "tot.xlsx",
                filled(
                        new String[] {
                            NamDinh.NAM_MY, "khu dân cư", "tổ dân phố", null, "Tổ dân phố 1", null, null, null, null
                        },
                        new String[] {NamDinh.NAM_MY, "chùa", null, null, "Chùa Phúc Lâm", null, null, null, null},
                        new String[] {NamDinh.NAM_MY, "giáo xứ", null, null, "Giáo xứ Nam Mỹ", null, null, null, null}),
                Map.of("validFrom", "2021-05-01"),
                false);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/units/" + namMy.id());
        assertThat(versions()).isEqualTo(before + 3);
        HttpResponse<String> next = http.get("/units/" + namMy.id());
        assertThat(Jsoup.parse(next.body()).select("[role=status]").eachText()).contains("Đã thêm 3 đơn vị.");
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedByItsContent() {
        long before = versions();
        HttpResponse<String> response = http.upload(
                "/api/v1/local-units/import",
                "gia.xlsx",
                "mã xã,tên\n13969,Thôn Giả\n".getBytes(StandardCharsets.UTF_8),
                Map.of(),
                true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(UnitsHttp.tree(response).get("errors").get(0).get("message").asString())
                .isEqualTo("tệp không phải bảng tính Excel .xlsx");
        HttpResponse<String> zip = http.upload("/api/v1/local-units/import", "rong.xlsx", emptyZip(), Map.of(), true);
        assertThat(zip.statusCode()).isEqualTo(400);
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aFileOverFiveMegabytesIsRefused() {
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> api = http.upload("/api/v1/local-units/import", "lon.xlsx", big, Map.of(), true);
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(UnitsHttp.tree(api).get("detail").asString()).isEqualTo("tệp lớn quá 5 MB");

        HttpResponse<String> page =
                http.upload("/units/" + namMy.id() + "/local/import", "lon.xlsx", big, Map.of(), false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("#import-problems tbody tr").eachText())
                .containsExactly("tệp lớn quá 5 MB");
    }

    @Test
    void aFileWithMoreThan5000UnitsIsRefused() throws IOException {
        String[][] rows = new String[5001][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {NamDinh.NAM_MY, "khu dân cư", "thôn", null, "Thôn " + i, null, null, null, null};
        }
        long before = versions();
        HttpResponse<String> response = http.upload(
                "/api/v1/local-units/import", "nhieu.xlsx", filled(rows), Map.of("validFrom", "2020-02-01"), true);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = UnitsHttp.tree(response).get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(5003);
        assertThat(error.get("message").asString()).isEqualTo("tệp có quá 5000 đơn vị: hãy chia thành nhiều tệp");
        assertThat(versions()).isEqualTo(before);
    }

    static byte[] emptyZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
