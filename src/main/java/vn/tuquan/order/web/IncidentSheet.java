package vn.tuquan.order.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.tuquan.order.Incident;
import vn.tuquan.shared.web.SheetExports;

/**
 * The incidents of a list as the rows of an Excel export ({@link SheetExports}), headers and values
 * in the reader's language. An incident holds no personal data; its summary is free text and is
 * exported as written.
 */
@Component
class IncidentSheet {

    static final String MEDIA_TYPE = SheetExports.XLSX;
    static final List<String> HEADERS = List.of(
            "order.incident.id",
            "order.incident.field.unitId",
            "order.incident.field.categoryCode",
            "order.incident.kind",
            "order.incident.field.severity",
            "order.incident.field.subjectiveCause",
            "order.incident.field.occurredAt",
            "order.incident.field.reportedAt",
            "order.incident.status",
            "order.incident.field.source",
            "order.incident.field.latitude",
            "order.incident.field.longitude",
            "order.incident.field.summary",
            "order.incident.recordedBy");

    private final MessageSource messages;

    IncidentSheet(MessageSource messages) {
        this.messages = messages;
    }

    static ResponseEntity<byte[]> download(String name, byte[] bytes) {
        return download(name, MEDIA_TYPE, bytes);
    }

    static ResponseEntity<byte[]> download(String name, String type, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(bytes);
    }

    /** The sheet's name and header row. */
    static SheetExports.Layout layout() {
        return SheetExports.Layout.of("order.incidents.sheet", HEADERS);
    }

    /** One incident as the sheet's row, values in the reader's language. */
    List<Object> cells(IncidentPages.Row row, Locale locale) {
        Incident i = row.incident();
        return Arrays.asList(
                i.id(),
                row.unitName(),
                row.categoryName(),
                text("order.incident.kind." + i.kind(), locale),
                i.severity() == null ? null : text("order.incident.severity." + i.severity(), locale),
                i.subjectiveCause() == null ? null : text(i.subjectiveCause() ? "order.yes" : "order.no", locale),
                IncidentPages.Formatting.DATE_TIME.format(i.occurredAt()),
                IncidentPages.Formatting.DATE_TIME.format(i.reportedAt()),
                text("order.incident.status." + i.status(), locale),
                text("order.incident.source." + i.source(), locale),
                i.latitude(),
                i.latitude() == null ? null : i.longitude(),
                i.summary(),
                i.createdBy());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
