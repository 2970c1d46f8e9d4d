package vn.tuquan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticMessageSource;

/**
 * The shared export writer on its own: every row written, in order, onto further sheets (title and
 * header again) when a sheet is full, cells typed, and the workbook's temporary files deleted whether
 * the export succeeds or fails part way.
 */
class SheetExportsTests {

    static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path poiFiles;

    @BeforeEach
    void ownTemporaryFolder() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFiles.toFile()));
    }

    @AfterEach
    void defaultTemporaryFolder() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("sheet", VI, "Danh sách rất dài của các vụ việc");
        messages.addMessage("a", VI, "Số");
        messages.addMessage("b", VI, "Ngày");
        return messages;
    }

    @Test
    void rowsBeyondASheetGoOnToTheNextSheetUnderTheSameTitleAndHeader_noneLost() throws IOException {
        SheetExports exports = new SheetExports(messages(), null, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(
                out,
                SheetExports.Layout.of("sheet", List.of("a", "b")).titled("Xã Hải Minh, 31/10/2017"),
                rows -> {
                    for (int i = 1; i <= 25; i++) {
                        rows.row(i, LocalDate.of(2017, 1, 1).plusDays(i), i % 2 == 0 ? null : "lẻ " + i);
                    }
                },
                VI);

        DataFormatter text = new DataFormatter(Locale.ROOT);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Sheet sheet : book) {
                names.add(sheet.getSheetName());
                assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isLessThan(10);
                assertThat(text.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("Xã Hải Minh, 31/10/2017");
                assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("Số");
                assertThat(text.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Ngày");
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    values.add(text.formatCellValue(row.getCell(0)) + "|" + text.formatCellValue(row.getCell(1)) + "|"
                            + text.formatCellValue(row.getCell(2)));
                }
            }
        }
        // eight rows a sheet under the title and the header: 8 + 8 + 8 + 1
        // Excel's names are at most 31 characters: cut, then the sheet's number
        assertThat(names)
                .containsExactly(
                        "Danh sách rất dài của các vụ vi",
                        "Danh sách rất dài của các v (2)",
                        "Danh sách rất dài của các v (3)",
                        "Danh sách rất dài của các v (4)");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            LocalDate day = LocalDate.of(2017, 1, 1).plusDays(i);
            expected.add(
                    i + "|" + String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear())
                            + "|" + (i % 2 == 0 ? "" : "lẻ " + i));
        }
        assertThat(values).containsExactlyElementsOf(expected);
        assertThat(temporaryFiles())
                .as("the workbook's temporary files are deleted")
                .isEmpty();
    }

    @Test
    void anExportThatFailsPartWayLeavesNoTemporaryFileBehind() {
        SheetExports exports = new SheetExports(messages(), null, 1_048_576);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> exports.write(
                        out,
                        SheetExports.Layout.of("sheet", List.of("a")),
                        rows -> {
                            for (int i = 0; i < 1000; i++) {
                                rows.row(i);
                            }
                            throw new IllegalStateException("the database went away");
                        },
                        VI))
                .hasMessageContaining("went away");
        assertThat(out.size()).as("nothing written").isZero();
        assertThat(temporaryFiles()).isEmpty();
    }

    private List<File> temporaryFiles() {
        try (Stream<Path> files = Files.walk(poiFiles)) {
            return files.filter(Files::isRegularFile).map(Path::toFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
