package vn.tuquan.households.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.tuquan.households.Household;

/** An area's households as an Excel workbook, headers in the reader's language. */
@Component
class HouseholdSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;

    HouseholdSheet(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(List<Household> households, Set<Long> registered, int year, Locale locale) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("households.sheet.name", null, locale));
            Row header = sheet.createRow(0);
            String[] keys = {"households.code", "households.head", "households.address", "households.members",
                    "households.catholic", "households.registered"};
            for (int i = 0; i < keys.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(keys[i], null, locale));
            }
            String yes = messages.getMessage("households.yes", null, locale);
            int r = 1;
            for (Household h : households) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(h.code());
                row.createCell(1).setCellValue(h.headName());
                row.createCell(2).setCellValue(h.address() == null ? "" : h.address());
                row.createCell(3).setCellValue(h.members());
                row.createCell(4).setCellValue(h.catholic() ? yes : "");
                row.createCell(5).setCellValue(registered.contains(h.id()) ? Integer.toString(year) : "");
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
