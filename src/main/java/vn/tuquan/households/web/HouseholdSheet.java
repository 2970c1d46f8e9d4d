package vn.tuquan.households.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.tuquan.households.Commitment;
import vn.tuquan.households.Household;
import vn.tuquan.households.OrganisationCommitments.OrganisationCommitment;
import vn.tuquan.households.OrganisationCommitments.OrganisationRow;
import vn.tuquan.shared.MessageArguments;

/** Households and commitments as Excel workbooks, headers in the reader's language. */
@Component
class HouseholdSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;

    HouseholdSheet(MessageSource messages) {
        this.messages = messages;
    }

    /** A file to download under a name. */
    static ResponseEntity<byte[]> download(String type, String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(bytes);
    }

    /** An area's households, with the period year for those registered. */
    byte[] write(List<Household> households, Set<Long> registered, int year, Locale locale) {
        String yes = messages.getMessage("households.yes", null, locale);
        return book("households.sheet.name", List.of("households.code", "households.head", "households.address",
                "households.members", "households.catholic", "households.registered"), households, (h, row) -> {
                    describe(h, row, yes);
                    row.createCell(5).setCellValue(registered.contains(h.id()) ? Integer.toString(year) : "");
                }, locale);
    }

    /** An area's households with their commitment for a period: registered on, signed, the three pledges. */
    byte[] writeCommitments(List<Household> households, Map<Long, Commitment> commitments, Locale locale) {
        String yes = messages.getMessage("households.yes", null, locale);
        String no = messages.getMessage("households.registered.no", null, locale);
        return book("households.commitments.sheet", List.of("households.code", "households.head",
                "households.address", "households.members", "households.catholic", "households.commitment.registeredOn",
                "households.commitment.signed", "households.commitment.selfManage",
                "households.commitment.selfPrevent", "households.commitment.selfProtect"), households, (h, row) -> {
                    describe(h, row, yes);
                    Commitment c = commitments.get(h.id());
                    if (c == null) {
                        row.createCell(5).setCellValue(no);
                        return;
                    }
                    row.createCell(5).setCellValue((String) MessageArguments.display(c.registeredOn()));
                    row.createCell(6).setCellValue(c.signed() ? yes : "");
                    row.createCell(7).setCellValue(c.selfManage() ? yes : "");
                    row.createCell(8).setCellValue(c.selfPrevent() ? yes : "");
                    row.createCell(9).setCellValue(c.selfProtect() ? yes : "");
                }, locale);
    }

    /** Organisations with their staff briefed and signed for a period (empty cells when nothing was recorded). */
    byte[] writeOrganisations(List<OrganisationRow> organisations, Locale locale) {
        return book("households.organisations.sheet", List.of("households.organisation.name",
                "households.organisation.staffTotal", "households.organisation.staffBriefed",
                "households.organisation.briefedShare", "households.organisation.staffSigned",
                "households.organisation.signedShare", "households.organisation.recordedOn"), organisations,
                (o, row) -> {
                    row.createCell(0).setCellValue(o.unit().name());
                    OrganisationCommitment c = o.commitment();
                    if (c != null) {
                        row.createCell(1).setCellValue(c.staffTotal());
                        row.createCell(2).setCellValue(c.staffBriefed());
                        row.createCell(3).setCellValue(OrganisationCommitmentPages.oneDecimal(c.briefedPercent()));
                        row.createCell(4).setCellValue(c.staffSigned());
                        row.createCell(5).setCellValue(OrganisationCommitmentPages.oneDecimal(c.signedPercent()));
                        row.createCell(6).setCellValue((String) MessageArguments.display(c.recordedOn()));
                    }
                }, locale);
    }

    /** The import file's columns with one example row, for a village head to fill in. */
    byte[] template(List<String> header, List<String> example) {
        return book(null, header, List.of(example), (values, row) -> {
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }, Locale.ROOT);
    }

    private static void describe(Household h, Row row, String yes) {
        row.createCell(0).setCellValue(h.code());
        row.createCell(1).setCellValue(h.headName());
        row.createCell(2).setCellValue(h.address() == null ? "" : h.address());
        row.createCell(3).setCellValue(h.members());
        row.createCell(4).setCellValue(h.catholic() ? yes : "");
    }

    /** One sheet: a header row (message keys, or the texts themselves when there is no sheet name key), then a row per item. */
    private <T> byte[] book(String sheetKey, List<String> headerKeys, List<T> items, BiConsumer<T, Row> writer,
            Locale locale) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = sheetKey == null ? book.createSheet() : book.createSheet(messages.getMessage(sheetKey, null, locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < headerKeys.size(); i++) {
                String key = headerKeys.get(i);
                header.createCell(i).setCellValue(sheetKey == null ? key : messages.getMessage(key, null, locale));
            }
            int r = 1;
            for (T item : items) {
                writer.accept(item, sheet.createRow(r++));
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
