package vn.tuquan.order.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The order registers' lists as one-sheet Excel workbooks: a title row (when given), a header row,
 * one row per record. Hotspots, campaigns and the persons' registers write through it.
 */
@Component
class HotspotSheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;

    HotspotSheets(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param title      what the sheet shows (the unit and the date or period), on its first row; {@code null}
     *                   for none (the header row comes first)
     * @param headerKeys message keys of the columns
     * @param rows       strings, numbers, dates or {@code null}
     */
    ResponseEntity<byte[]> workbook(String sheetKey, String title, String fileName, List<String> headerKeys,
            List<List<Object>> rows) {
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage(sheetKey, null, locale));
            CellStyle dates = book.createCellStyle();
            dates.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 0;
            if (title != null) {
                sheet.createRow(r++).createCell(0).setCellValue(title);
            }
            Row head = sheet.createRow(r++);
            for (int i = 0; i < headerKeys.size(); i++) {
                head.createCell(i).setCellValue(messages.getMessage(headerKeys.get(i), null, locale));
                sheet.setColumnWidth(i, 22 * 256);
            }
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    write(row, i, values.get(i), dates);
                }
            }
            book.write(out);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(fileName, StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, int column, Object value, CellStyle dates) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dates);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
