package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdImportTests {

    static final LocalDate FROM = LocalDate.of(2023, 1, 5);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    HouseholdImports imports;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void units() {
        HouseholdsFixture.ensure(lists, units, localUnits);
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM household").query(Long.class).single();
    }

    static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryBadRowAndWritesNothing() {
        long before = count();
        String file = """
                area,code,head_name,address,members,catholic
                HM3,IMP-1,Nguyễn Văn Một,"Xóm 3, Hải Minh",4,0
                ZZ9,IMP-2,Nguyễn Văn Hai,,3,0
                HM3,IMP-1,Nguyễn Văn Ba,,3,1
                HM3,IMP-4,,,3,0
                HM3,IMP-5,Nguyễn Văn Năm,,không,0
                HM3,IMP-6,Nguyễn Văn Sáu,,0,0
                """;
        assertThatThrownBy(
                        () -> imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "bad.csv", csv(file), FROM))
                .isInstanceOfSatisfying(
                        HouseholdImportRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(ImportProblem::line, ImportProblem::key)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(3, "households.import.unknownArea"),
                                        org.assertj.core.groups.Tuple.tuple(4, "households.import.duplicateCode"),
                                        org.assertj.core.groups.Tuple.tuple(5, "households.import.missingHead"),
                                        org.assertj.core.groups.Tuple.tuple(6, "households.import.members"),
                                        org.assertj.core.groups.Tuple.tuple(7, "households.import.members")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aGoodFileLandsWholeAndACodeAlreadyTakenRefusesTheNextOne() {
        long area = HouseholdsFixture.area(2);
        String file = "area,code,head_name,address,members,catholic\n"
                + "HM3,G-1,Trần Thị Một,\"Đội 3, \"\"xóm\"\" giữa\",4,có\n"
                + area + ",G-2,Trần Văn Hai,,2,\n";
        assertThat(imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "good.csv", csv(file), FROM))
                .isEqualTo(2);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, area, FROM))
                .filteredOn(h -> h.code().startsWith("G-"))
                .extracting(Household::headName, Household::address, Household::catholic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Trần Thị Một", "Đội 3, \"xóm\" giữa", true),
                        org.assertj.core.groups.Tuple.tuple("Trần Văn Hai", null, false));

        long before = count();
        String again =
                "area,code,head_name,address,members,catholic\nHM3,G-3,Lê Văn Ba,,2,0\nHM3,G-2,Lê Văn Bốn,,2,0\n";
        assertThatThrownBy(() ->
                        imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "again.csv", csv(again), FROM))
                .isInstanceOfSatisfying(
                        HouseholdImportRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(ImportProblem::line, ImportProblem::key)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(3, "households.import.codeTaken")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndABrokenQuoteIsNamed() {
        String file = "area,code,head_name,address,members,catholic\n"
                + "HM3,Q-1,Đỗ Văn Một,\"Số 5,\nđường \"\"Trục\"\"\",3,0\n"
                + "HM3,Q-2,Đỗ Văn Hai,,2,0\n";
        assertThat(imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "q.csv", csv(file), FROM))
                .isEqualTo(2);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, HouseholdsFixture.area(2), FROM))
                .filteredOn(h -> h.code().equals("Q-1"))
                .extracting(Household::address)
                .containsExactly("Số 5,\nđường \"Trục\"");

        long before = count();
        String broken =
                "area,code,head_name,address,members,catholic\nHM3,Q-3,Đỗ Văn Ba,,2,0\nHM3,Q-4,\"Đỗ Văn Bốn,,2,0\n";
        assertThatThrownBy(() ->
                        imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "broken.csv", csv(broken), FROM))
                .isInstanceOfSatisfying(
                        HouseholdImportRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(ImportProblem::line, ImportProblem::key)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(3, "households.import.brokenQuote")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileLoadedInChunksLandsWholeOrNotAtAll() {
        imports.chunkSize(2);
        try {
            String good = "area,code,head_name,address,members,catholic\n"
                    + "HM3,CH-1,Vũ Văn Một,,1,0\nHM3,CH-2,Vũ Văn Hai,,2,0\nHM3,CH-3,Vũ Văn Ba,,3,0\n"
                    + "HM3,CH-4,Vũ Văn Bốn,,4,0\nHM3,CH-5,Vũ Văn Năm,,5,1\n";
            assertThat(imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "chunks.csv", csv(good), FROM))
                    .isEqualTo(5);
            assertThat(jdbc.sql("""
                    SELECT string_agg(r.code || ':' || h.members, ',' ORDER BY r.code) FROM household_residence r
                      JOIN household h ON h.id = r.household_id WHERE r.code LIKE 'CH-%'""").query(String.class).single()).isEqualTo("CH-1:1,CH-2:2,CH-3:3,CH-4:4,CH-5:5");

            long before = count();
            // the first chunks are copied before the bad row of the last one is read: all rolled back
            String badAtTheEnd = "area,code,head_name,address,members,catholic\n"
                    + "HM3,CH-6,Vũ Văn Sáu,,1,0\nHM3,CH-7,Vũ Văn Bảy,,1,0\nHM3,CH-8,Vũ Văn Tám,,1,0\n"
                    + "HM3,CH-9,Vũ Văn Chín,,1,0\nHM3,CH-10,,,1,0\n";
            assertThatThrownBy(() -> imports.importCsv(
                            Caller.SYSTEM, HouseholdsFixture.haiMinh(), "bad.csv", csv(badAtTheEnd), FROM))
                    .isInstanceOfSatisfying(
                            HouseholdImportRefusedException.class,
                            e -> assertThat(e.problems())
                                    .extracting(ImportProblem::line, ImportProblem::key)
                                    .containsExactly(
                                            org.assertj.core.groups.Tuple.tuple(6, "households.import.missingHead")));
            // codes already held, found in the second and third chunks, all named
            String taken = "area,code,head_name,address,members,catholic\n"
                    + "HM3,CH-11,Vũ Văn X,,1,0\nHM3,CH-12,Vũ Văn Y,,1,0\nHM3,CH-2,Vũ Văn Z,,1,0\n"
                    + "HM3,CH-13,Vũ Văn W,,1,0\nHM3,CH-5,Vũ Văn V,,1,0\n";
            assertThatThrownBy(() -> imports.importCsv(
                            Caller.SYSTEM, HouseholdsFixture.haiMinh(), "taken.csv", csv(taken), FROM))
                    .isInstanceOfSatisfying(
                            HouseholdImportRefusedException.class,
                            e -> assertThat(e.problems())
                                    .extracting(ImportProblem::line, ImportProblem::key)
                                    .containsExactly(
                                            org.assertj.core.groups.Tuple.tuple(4, "households.import.codeTaken"),
                                            org.assertj.core.groups.Tuple.tuple(6, "households.import.codeTaken")));
            assertThat(count()).isEqualTo(before);
        } finally {
            imports.chunkSize(HouseholdLoader.CHUNK);
        }
    }

    @Test
    void theIdsAnImportReservesAreNeverHandedOutAgain() {
        String file = "area,code,head_name,address,members,catholic\n"
                + "HM3,SEQ-1,Phạm Văn Một,,3,0\nHM3,SEQ-2,Phạm Văn Hai,,3,0\nHM3,SEQ-3,Phạm Văn Ba,,3,0\n";
        imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "seq.csv", csv(file), FROM);
        long lastImported = jdbc.sql("""
                SELECT max(household_id) FROM household_residence WHERE code LIKE 'SEQ-%'""").query(Long.class).single();
        // a refused file reserved ids too, and rolled back: its block is skipped, not reused wrongly
        assertThatThrownBy(() -> imports.importCsv(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        "bad.csv",
                        csv(
                                "area,code,head_name,address,members,catholic\nHM3,SEQ-4,Phạm Văn Bốn,,3,0\nHM3,SEQ-5,,,3,0\n"),
                        FROM))
                .isInstanceOf(HouseholdImportRefusedException.class);
        Household added = households.add(
                Caller.SYSTEM,
                HouseholdsFixture.area(2),
                new HouseholdForm("SEQ-9", "Phạm Thị Chín", null, 2, false),
                FROM);
        assertThat(added.id()).isGreaterThan(lastImported);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, HouseholdsFixture.area(2), FROM))
                .filteredOn(h -> h.code().startsWith("SEQ-"))
                .extracting(Household::headName)
                .contains("Phạm Văn Một", "Phạm Văn Hai", "Phạm Văn Ba", "Phạm Thị Chín");
    }

    @Test
    void anExcelWorkbookIsCheckedTheSameWay() throws Exception {
        org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var sheet = book.createSheet("Hộ");
        String[][] cells = {
            {"area", "code", "head_name", "address", "members", "catholic"},
            {"HM2", "XL-1", "Đoàn Văn Một", "Xóm 2", "3", "có"},
            {"HM2", "XL-2", "Đoàn Văn Hai", "", "-1", ""}
        };
        for (int r = 0; r < cells.length; r++) {
            var row = sheet.createRow(r);
            for (int c = 0; c < cells[r].length; c++) {
                if (r > 0 && c == 4) {
                    row.createCell(c).setCellValue(Double.parseDouble(cells[r][c]));
                } else {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        book.write(out);
        book.close();
        long before = count();
        assertThatThrownBy(() -> imports.importXlsx(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        "ho.xlsx",
                        new ByteArrayInputStream(out.toByteArray()),
                        FROM))
                .isInstanceOfSatisfying(
                        HouseholdImportRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(ImportProblem::line, ImportProblem::key)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "households.import.members")));
        assertThat(count()).isEqualTo(before);

        sheet.getRow(2).getCell(4).setCellValue(2);
        java.io.ByteArrayOutputStream fixed = new java.io.ByteArrayOutputStream();
        org.apache.poi.xssf.usermodel.XSSFWorkbook again = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var s2 = again.createSheet("Hộ");
        for (int r = 0; r < cells.length; r++) {
            var row = s2.createRow(r);
            for (int c = 0; c < cells[r].length; c++) {
                row.createCell(c).setCellValue(r == 2 && c == 4 ? "2" : cells[r][c]);
            }
        }
        again.write(fixed);
        again.close();
        assertThat(imports.importXlsx(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        "ho.xlsx",
                        new ByteArrayInputStream(fixed.toByteArray()),
                        FROM))
                .isEqualTo(2);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, HouseholdsFixture.area(1), FROM))
                .extracting(Household::code)
                .contains("XL-1", "XL-2");
    }

    /**
     * The headers people have in their own sheets: the template's in either language, without diacritics,
     * in capitals, in another order, with a row number column, without the optional columns.
     */
    @Test
    void theHeadersOfPeoplesOwnSheetsAreRead() {
        String[] headers = {
            "Khu dân cư,Mã hộ,Họ tên chủ hộ,Địa chỉ,Số nhân khẩu,Hộ Công giáo",
            "Residential area,Household code,Head of household,Address,Members,Catholic household",
            "KHU DAN CU,MA HO,HO TEN CHU HO,DIA CHI,SO NHAN KHAU,CONG GIAO",
            "area,code,head_name,address,members,catholic"
        };
        int n = 0;
        for (String header : headers) {
            int k = ++n;
            String file = header + "\nHM4,HD" + n + "-1,Trần Văn Một,Xóm 4,4,có\nHM4,HD" + n + "-2,Trần Văn Hai,,2,\n";
            assertThat(imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "h.csv", csv(file), FROM))
                    .as(header)
                    .isEqualTo(2);
            assertThat(households.inArea(Scope.WHOLE_COUNTRY, HouseholdsFixture.area(3), FROM))
                    .filteredOn(h -> h.code().startsWith("HD" + k + "-"))
                    .extracting(
                            Household::code,
                            Household::headName,
                            Household::address,
                            Household::members,
                            Household::catholic)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("HD" + k + "-1", "Trần Văn Một", "Xóm 4", 4, true),
                            org.assertj.core.groups.Tuple.tuple("HD" + k + "-2", "Trần Văn Hai", null, 2, false));
        }
        // another order, a row number and a note left aside, no address and no Catholic column
        String reordered =
                "STT,Họ và tên chủ hộ,Số khẩu,Thôn,Mã hộ gia đình,Ghi chú\n1,Đỗ Văn Một,3,HM4,HD9-1,mới chuyển đến\n";
        assertThat(imports.importCsv(Caller.SYSTEM, HouseholdsFixture.haiMinh(), "h.csv", csv(reordered), FROM))
                .isEqualTo(1);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, HouseholdsFixture.area(3), FROM))
                .filteredOn(h -> h.code().equals("HD9-1"))
                .singleElement()
                .extracting(Household::headName, Household::members, Household::catholic, Household::address)
                .containsExactly("Đỗ Văn Một", 3, false, null);
    }

    @Test
    void aHeaderWithoutARequiredColumnOrWithOneTwiceIsRefusedNamingIt(
            @Autowired org.springframework.context.MessageSource messages) {
        long before = count();
        assertThatThrownBy(() -> imports.importCsv(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        "h.csv",
                        csv("Khu dân cư,Họ tên chủ hộ,Địa chỉ\nHM4,Lê Văn Thiếu,Xóm 4\n"),
                        FROM))
                .isInstanceOfSatisfying(HouseholdImportRefusedException.class, e -> {
                    assertThat(e.problems())
                            .extracting(ImportProblem::line, ImportProblem::key)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(1, "households.import.missingColumn"),
                                    org.assertj.core.groups.Tuple.tuple(1, "households.import.missingColumn"));
                    assertThat(messages.getMessage(
                                    e.problems().get(0).key(),
                                    e.problems().get(0).args().toArray(),
                                    java.util.Locale.forLanguageTag("vi")))
                            .startsWith("Dòng tiêu đề thiếu cột \"Mã hộ\"");
                    assertThat(messages.getMessage(
                                    e.problems().get(1).key(),
                                    e.problems().get(1).args().toArray(),
                                    java.util.Locale.forLanguageTag("en")))
                            .startsWith("The header line has no column \"Members\"");
                });
        assertThatThrownBy(() -> imports.importCsv(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        "h.csv",
                        csv("area,code,head_name,members,Mã hộ\nHM4,X-1,Lê Văn Hai,2,X-2\n"),
                        FROM))
                .isInstanceOfSatisfying(
                        HouseholdImportRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(ImportProblem::key)
                                .containsExactly("households.import.repeatedColumn"));
        assertThat(count()).isEqualTo(before);
    }
}
