package vn.tuquan.movement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.MovementRefusedException;
import vn.tuquan.movement.UnknownMovementRecordException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/** The register of review conferences (sơ kết / tổng kết) of a unit: recording, correcting and removing one, its attachments, and the Excel export. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class ConferencePages {

    private final UnitMovementPage page;
    private final Conferences conferences;
    private final MessageSource messages;
    private final SheetExports exports;

    ConferencePages(UnitMovementPage page, Conferences conferences, MessageSource messages, SheetExports exports) {
        this.page = page;
        this.conferences = conferences;
        this.messages = messages;
        this.exports = exports;
    }

    @PostMapping("/movement/units/{unitId}/conferences")
    @Requires(Permission.MOVEMENT_WRITE)
    String recordConference(
            @PathVariable long unitId,
            @ModelAttribute("input") ConferenceInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "conference",
                input,
                model,
                redirect,
                unit -> conferences
                        .record(CurrentCaller.get(), unit, input.form())
                        .topic());
    }

    @PostMapping(
            path = "/movement/units/{unitId}/conferences/{conferenceId}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.MOVEMENT_WRITE)
    String attach(
            @PathVariable long unitId,
            @PathVariable long conferenceId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(unitId, "attachment", Map.of(), model, redirect, unit -> {
            if (file == null) {
                throw new MovementRefusedException("file", "movement.error.fileEmpty");
            }
            try {
                return conferences
                        .attach(
                                CurrentCaller.get(),
                                unit,
                                conferenceId,
                                file.getOriginalFilename(),
                                file.getContentType(),
                                file.getBytes())
                        .fileName();
            } catch (IOException e) {
                throw new MovementRefusedException("file", "movement.error.fileEmpty");
            }
        });
    }

    @GetMapping("/movement/units/{unitId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long unitId, @PathVariable long attachmentId) {
        Map.Entry<Conference.Attachment, byte[]> found = conferences
                .attachment(CurrentCaller.view(), unitId, attachmentId)
                .orElseThrow(() -> new UnknownMovementRecordException("attachment", attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.getKey().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(found.getKey().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(found.getValue());
    }

    @PostMapping("/movement/units/{unitId}/conferences/{conferenceId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editConference(
            @PathVariable long unitId,
            @PathVariable long conferenceId,
            @ModelAttribute("input") ConferenceInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "conference-" + conferenceId + "/edit",
                "conference.edited",
                input,
                model,
                redirect,
                unit -> conferences
                        .edit(CurrentCaller.get(), unit, conferenceId, input.form())
                        .topic());
    }

    @PostMapping("/movement/units/{unitId}/conferences/{conferenceId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeConference(
            @PathVariable long unitId, @PathVariable long conferenceId, Model model, RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "conference-" + conferenceId + "/edit",
                "conference.removed",
                Map.of(),
                model,
                redirect,
                unit -> conferences
                        .remove(CurrentCaller.get(), unit, conferenceId)
                        .topic());
    }

    @PostMapping("/movement/units/{unitId}/attachments/{attachmentId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAttachment(
            @PathVariable long unitId, @PathVariable long attachmentId, Model model, RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "attachment",
                "attachment.removed",
                Map.of(),
                model,
                redirect,
                unit -> conferences
                        .removeAttachment(CurrentCaller.get(), unit, attachmentId)
                        .fileName());
    }

    @GetMapping(path = "/movement/units/{unitId}/conferences.xlsx", produces = SheetExports.XLSX)
    void exportConferences(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = page.visible(unitId);
        Scope view = CurrentCaller.view();
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> unitNames = new HashMap<>();
        exports.send(
                response,
                "hoi-nghi-" + unit.id() + ".xlsx",
                SheetExports.Layout.of(
                        "movement.conferences.sheet",
                        List.of(
                                "movement.model.unit",
                                "movement.conference.kind",
                                "movement.conference.topic",
                                "movement.conference.heldOn",
                                "movement.field.periodFrom",
                                "movement.field.periodTo",
                                "movement.conference.attendance",
                                "movement.model.campaigns")),
                rows -> conferences.eachUnder(
                        view,
                        unit.id(),
                        c -> rows.row(
                                unitNames.computeIfAbsent(c.unitId(), page::unitName),
                                messages.getMessage("movement.conference.kind." + c.kind(), null, locale),
                                c.topic(),
                                c.heldOn(),
                                c.periodFrom(),
                                c.periodTo(),
                                c.attendance(),
                                String.join("; ", c.campaigns()))));
    }
}
