package vn.tuquan.order.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.tuquan.order.Incident;

/**
 * The incidents of a list as an Excel workbook, headers and values in the reader's language. An
 * incident holds no personal data; its summary is free text and is exported as written.
 */
@Component
class IncidentSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADERS = List.of("order.incident.id", "order.incident.field.unitId",
            "order.incident.field.categoryCode", "order.incident.kind", "order.incident.field.severity",
            "order.incident.field.subjectiveCause", "order.incident.field.occurredAt", "order.incident.field.reportedAt",
            "order.incident.status", "order.incident.field.source", "order.incident.field.latitude",
            "order.incident.field.longitude", "order.incident.field.summary", "order.incident.recordedBy");

    private final MessageSource messages;

    IncidentSheet(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(String name, byte[] bytes) {
        return download(name, MEDIA_TYPE, bytes);
    }

    static ResponseEntity<byte[]> download(String name, String type, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(bytes);
    }

    byte[] write(List<IncidentPages.Row> rows, Locale locale) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("order.incidents.sheet", null, locale));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(messages.getMessage(HEADERS.get(c), null, locale));
            }
            int r = 1;
            for (IncidentPages.Row row : rows) {
                Incident i = row.incident();
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(i.id());
                line.createCell(1).setCellValue(row.unitName());
                line.createCell(2).setCellValue(row.categoryName());
                line.createCell(3).setCellValue(text("order.incident.kind." + i.kind(), locale));
                line.createCell(4).setCellValue(i.severity() == null ? "" : text("order.incident.severity." + i.severity(), locale));
                line.createCell(5).setCellValue(i.subjectiveCause() == null ? ""
                        : text(i.subjectiveCause() ? "order.yes" : "order.no", locale));
                line.createCell(6).setCellValue(IncidentPages.Formatting.DATE_TIME.format(i.occurredAt()));
                line.createCell(7).setCellValue(IncidentPages.Formatting.DATE_TIME.format(i.reportedAt()));
                line.createCell(8).setCellValue(text("order.incident.status." + i.status(), locale));
                line.createCell(9).setCellValue(text("order.incident.source." + i.source(), locale));
                if (i.latitude() != null) {
                    line.createCell(10).setCellValue(i.latitude());
                    line.createCell(11).setCellValue(i.longitude());
                }
                line.createCell(12).setCellValue(i.summary() == null ? "" : i.summary());
                line.createCell(13).setCellValue(i.createdBy());
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
