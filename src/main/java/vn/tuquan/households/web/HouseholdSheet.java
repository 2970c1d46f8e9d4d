package vn.tuquan.households.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.tuquan.households.Commitment;
import vn.tuquan.households.Household;
import vn.tuquan.households.OrganisationCommitments.OrganisationCommitment;
import vn.tuquan.households.OrganisationCommitments.OrganisationRow;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.web.SheetExports;

/**
 * Households, commitments and organisations as the rows of Excel exports ({@link SheetExports}),
 * headers and values in the reader's language; and the import template.
 */
@Component
class HouseholdSheet {

    static final String MEDIA_TYPE = SheetExports.XLSX;
    static final SheetExports.Layout HOUSEHOLDS = SheetExports.Layout.of(
            "households.sheet.name",
            List.of(
                    "households.code",
                    "households.head",
                    "households.address",
                    "households.members",
                    "households.catholic",
                    "households.registered"));
    static final SheetExports.Layout COMMITMENTS = SheetExports.Layout.of(
            "households.commitments.sheet",
            List.of(
                    "households.code",
                    "households.head",
                    "households.address",
                    "households.members",
                    "households.catholic",
                    "households.commitment.registeredOn",
                    "households.commitment.signed",
                    "households.commitment.selfManage",
                    "households.commitment.selfPrevent",
                    "households.commitment.selfProtect"));
    static final SheetExports.Layout ORGANISATIONS = SheetExports.Layout.of(
            "households.organisations.sheet",
            List.of(
                    "households.organisation.name",
                    "households.organisation.staffTotal",
                    "households.organisation.staffBriefed",
                    "households.organisation.briefedShare",
                    "households.organisation.staffSigned",
                    "households.organisation.signedShare",
                    "households.organisation.recordedOn"));

    private final MessageSource messages;
    private final SheetExports exports;

    HouseholdSheet(MessageSource messages, SheetExports exports) {
        this.messages = messages;
        this.exports = exports;
    }

    /** A file to download under a name (the CSV template). */
    static ResponseEntity<byte[]> download(String type, String name, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(bytes);
    }

    SheetExports exports() {
        return exports;
    }

    /** A household with the period's year when it registered for it (cells left empty are empty texts, as before). */
    List<Object> household(Household h, Commitment c, int year) {
        List<Object> row = describe(h, yes());
        row.add(c == null ? "" : Integer.toString(year));
        return row;
    }

    /** A household with its commitment for a period: registered on, signed, the three pledges. */
    List<Object> commitment(Household h, Commitment c) {
        String yes = yes();
        List<Object> row = describe(h, yes);
        if (c == null) {
            row.add(messages.getMessage("households.registered.no", null, LocaleContextHolder.getLocale()));
            return row;
        }
        row.addAll(Arrays.asList(
                MessageArguments.display(c.registeredOn()),
                c.signed() ? yes : "",
                c.selfManage() ? yes : "",
                c.selfPrevent() ? yes : "",
                c.selfProtect() ? yes : ""));
        return row;
    }

    /** An organisation with its staff briefed and signed for a period (empty cells when nothing was recorded). */
    static List<Object> organisation(OrganisationRow o) {
        OrganisationCommitment c = o.commitment();
        if (c == null) {
            return Arrays.asList(o.unit().name());
        }
        return Arrays.asList(
                o.unit().name(),
                c.staffTotal(),
                c.staffBriefed(),
                OrganisationCommitmentPages.oneDecimal(c.briefedPercent()),
                c.staffSigned(),
                OrganisationCommitmentPages.oneDecimal(c.signedPercent()),
                MessageArguments.display(c.recordedOn()));
    }

    /** The import file's columns with one example row, for a village head to fill in. */
    void template(HttpServletResponse response, String fileName, List<String> header, List<String> example)
            throws IOException {
        exports.send(response, fileName, SheetExports.Layout.plain(header), rows -> rows.row(example));
    }

    private String yes() {
        return messages.getMessage("households.yes", null, LocaleContextHolder.getLocale());
    }

    private static List<Object> describe(Household h, String yes) {
        return new ArrayList<>(Arrays.asList(
                h.code(), h.headName(), h.address() == null ? "" : h.address(), h.members(), h.catholic() ? yes : ""));
    }
}
