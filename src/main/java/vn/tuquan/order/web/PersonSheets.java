package vn.tuquan.order.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

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
import vn.tuquan.order.PersonRefusedException;

/** Messages, dates and Excel workbooks of the persons' pages and API, in the reader's language. */
@Component
class PersonSheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final MessageSource messages;

    PersonSheets(MessageSource messages) {
        this.messages = messages;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** "Field: what is wrong", in the reader's language. */
    String of(PersonRefusedException e) {
        return message("order.persons.field." + e.field()) + ": " + message(e.messageKey(), e.args());
    }

    /** Puts a refusal on a form page: the values typed, the message naming the field, the field to mark. */
    void refused(org.springframework.ui.Model model, java.util.Map<String, String> form, PersonRefusedException e) {
        model.addAttribute("form", form);
        model.addAttribute("error", of(e));
        model.addAttribute("errorField", e.field());
    }

    /** A date typed as 2017-10-31 (a date input) or 31/10/2017; blank is {@code null}. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip(), DAY);
            } catch (DateTimeParseException again) {
                throw new PersonRefusedException(field, "order.persons.error.date");
            }
        }
    }

    /** An enum value from a form; blank is {@code null}, anything else not a value is refused. */
    static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new PersonRefusedException(field, "order.persons.error.choice");
        }
    }

    /**
     * A one-sheet workbook: a header row of labels, then the rows (strings, numbers, dates or {@code null}).
     */
    ResponseEntity<byte[]> export(String sheetKey, String fileName, List<String> headerKeys, List<List<Object>> rows) {
        Locale locale = LocaleContextHolder.getLocale();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage(sheetKey, null, locale));
            CellStyle dates = book.createCellStyle();
            dates.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < headerKeys.size(); i++) {
                head.createCell(i).setCellValue(messages.getMessage(headerKeys.get(i), null, locale));
                sheet.setColumnWidth(i, 22 * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        row.createCell(i).setCellValue(d);
                        row.getCell(i).setCellStyle(dates);
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
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
}
