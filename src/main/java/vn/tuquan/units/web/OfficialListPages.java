package vn.tuquan.units.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;

/** The administrator's page to upload an official list or the reform mapping. */
@Controller
@RequestMapping("/units/official-lists")
@Requires(Permission.UNITS_IMPORT)
class OfficialListPages {

    private final OfficialListUploads uploads;
    private final MessageSource messages;
    private final RefusalMessages refusals;

    OfficialListPages(OfficialListUploads uploads, MessageSource messages, RefusalMessages refusals) {
        this.uploads = uploads;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("asOf", Dates.today());
        return "units/importOfficialList";
    }

    @PostMapping
    String upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String province,
            Model model,
            Locale locale) {
        model.addAttribute("asOf", asOf == null ? Dates.today() : asOf);
        model.addAttribute("province", province);
        List<FieldProblem> badRequest = uploads.check(files, asOf);
        if (!badRequest.isEmpty()) {
            model.addAttribute(
                    "problems",
                    badRequest.stream().map(p -> refusals.why(p, locale)).toList());
            return "units/importOfficialList";
        }
        try {
            ImportSummary summary = uploads.importFiles(CurrentCaller.get(), files, asOf, province);
            model.addAttribute(
                    "summary",
                    messages.getMessage(
                            "units.import.summary",
                            new Object[] {
                                summary.files(),
                                summary.asOf().toString(),
                                summary.opened(),
                                summary.changed(),
                                summary.closed(),
                                summary.unchanged(),
                                summary.successions(),
                                summary.localUnitsMoved()
                            },
                            locale));
            model.addAttribute(
                    "warnings",
                    summary.warnings().stream()
                            .map(w -> refusals.withPlace(w.row(), locale))
                            .toList());
        } catch (ImportRefusedException refused) {
            model.addAttribute("refusedCount", refused.problems().size());
            model.addAttribute(
                    "problems",
                    refused.rows().stream()
                            .map(p -> refusals.message(refused, p, locale))
                            .toList());
        }
        return "units/importOfficialList";
    }
}
