package vn.tuquan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an exported workbook back, to compare its rows with the records it should hold: every
 * cell as Excel shows it (a date cell 02/04/2017, a number 3 or 20.4262), every row as wide as the
 * widest, so that a missing cell reads as an empty string.
 */
public final class Workbooks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private Workbooks() {}

    /** The rows of the first sheet, top to bottom (a title row or the header first). */
    public static List<List<String>> rows(byte[] xlsx) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int i = 0; row != null && i < row.getLastCellNum(); i++) {
                    cells.add(formatter.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        rows.forEach(cells -> {
            while (cells.size() < width) {
                cells.add("");
            }
        });
        return rows;
    }

    /** One expected row: {@code null} reads as an empty cell, dates as 02/04/2017, numbers without a trailing ".0". */
    public static List<String> row(Object... values) {
        return Arrays.stream(values).map(Workbooks::shown).toList();
    }

    /** A value as the sheet shows it. */
    public static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return DAY.format(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
