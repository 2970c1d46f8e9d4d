package vn.tuquan.evaluation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.evaluation.Certificates;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.EvaluationProcess;
import vn.tuquan.evaluation.EvaluationRefusedException;
import vn.tuquan.evaluation.EvaluationStateException;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.evaluation.RecognisingUnits;
import vn.tuquan.evaluation.SubmittingSelfAssessments;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * The process page of one unit and one year (status, registration, the self-assessment with the
 * computed values and the criteria to enter, submission, appraisal, decision, certificate, steps,
 * reopening) and the overdue list under a unit. Each form posts to its step and comes back to the
 * page, with the refusal beside the form when a step is refused.
 */
@Controller
@Requires(Permission.EVALUATION_READ)
class EvaluationPages {

    private static final String BASE = "/evaluation/units/{unitId}/years/{year}";

    private final Evaluations evaluations;
    private final SubmittingSelfAssessments selfAssessments;
    private final RecognisingUnits recognising;
    private final Certificates certificates;
    private final Units units;
    private final RefusalMessages refusals;
    private final MessageSource messages;
    private final FactTexts texts;

    EvaluationPages(
            Evaluations evaluations,
            SubmittingSelfAssessments selfAssessments,
            RecognisingUnits recognising,
            Certificates certificates,
            Units units,
            RefusalMessages refusals,
            MessageSource messages,
            FactTexts texts) {
        this.texts = texts;
        this.evaluations = evaluations;
        this.selfAssessments = selfAssessments;
        this.recognising = recognising;
        this.certificates = certificates;
        this.units = units;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping(BASE + "/process")
    String process(@PathVariable long unitId, @PathVariable int year, Model model) {
        return show(unitId, year, Map.of(), null, null, model);
    }

    private String show(long unitId, int year, Map<String, String> input, String errorForm, String error, Model model) {
        Caller caller = CurrentCaller.get();
        EvaluationProcess process = evaluations.process(caller.view(), unitId, year);
        model.addAttribute("process", process);
        // every fact and compared value in words (FactTexts), never a fact key or a criterion's code
        model.addAttribute("facts", process.facts() == null ? null : texts.facts(process.facts()));
        Map<String, List<FactTexts.Shown>> compared = new HashMap<>();
        process.lines().forEach(l -> compared.put(l.criterion(), texts.compared(l.compared())));
        model.addAttribute("compared", compared);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "pendingNames",
                process.lines().stream()
                        .filter(l -> l.toEnter() && l.entered() == null)
                        .map(l -> new Named(l.nameVi(), l.nameEn()).in(locale))
                        .toList());
        model.addAttribute("unit", process.unit());
        model.addAttribute("year", year);
        model.addAttribute("canWrite", units.writable(caller, Permission.EVALUATION_WRITE, unitId));
        model.addAttribute(
                "canApprove",
                process.competent() != null
                        && units.writable(
                                caller,
                                Permission.EVALUATION_APPROVE,
                                process.competent().id(),
                                process.periodTo()));
        model.addAttribute("english", Named.english(locale));
        model.addAttribute("today", Dates.today());
        model.addAttribute("input", input);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("error", error);
        return "evaluation/showProcess";
    }

    @PostMapping(BASE + "/register")
    @Requires(Permission.EVALUATION_WRITE)
    String register(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam Map<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "register",
                input,
                model,
                redirect,
                caller -> selfAssessments.register(
                        caller, unitId, year, date("registeredOn", input.get("registeredOn"))));
    }

    @PostMapping(BASE + "/entries")
    @Requires(Permission.EVALUATION_WRITE)
    String enter(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam Map<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        String value = input.get("value");
        return attempt(
                unitId,
                year,
                "entry-" + input.getOrDefault("criterion", ""),
                input,
                model,
                redirect,
                caller -> selfAssessments.enter(
                        caller,
                        unitId,
                        year,
                        input.get("criterion"),
                        value == null || value.isBlank() ? null : Boolean.valueOf(value),
                        input.get("evidence")));
    }

    @PostMapping(path = BASE + "/entries/{criterion}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.EVALUATION_WRITE)
    String attach(
            @PathVariable long unitId,
            @PathVariable int year,
            @PathVariable String criterion,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "attachment-" + criterion,
                Map.of(),
                model,
                redirect,
                caller -> selfAssessments.attach(
                        caller,
                        unitId,
                        year,
                        criterion,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getContentType(),
                        EvaluationApi.bytes(file)));
    }

    @GetMapping(BASE + "/entries/{criterion}/attachment")
    Object attachment(
            @PathVariable long unitId,
            @PathVariable int year,
            @PathVariable String criterion,
            RedirectAttributes redirect) {
        return evaluations
                .attachment(CurrentCaller.view(), unitId, year, criterion)
                .<Object>map(EvaluationApi::file)
                .orElseGet(() -> {
                    redirect.addFlashAttribute(
                            "notice",
                            messages.getMessage(
                                    "evaluation.process.noAttachment", null, LocaleContextHolder.getLocale()));
                    return "redirect:/evaluation/units/" + unitId + "/years/" + year + "/process";
                });
    }

    @PostMapping(BASE + "/submit")
    @Requires(Permission.EVALUATION_WRITE)
    String submit(@PathVariable long unitId, @PathVariable int year, Model model, RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "submit",
                Map.of(),
                model,
                redirect,
                caller -> selfAssessments.submit(caller, unitId, year));
    }

    @PostMapping(BASE + "/accept")
    @Requires(Permission.EVALUATION_APPROVE)
    String accept(@PathVariable long unitId, @PathVariable int year, Model model, RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "appraisal",
                Map.of(),
                model,
                redirect,
                caller -> recognising.accept(caller, unitId, year));
    }

    @PostMapping(BASE + "/return")
    @Requires(Permission.EVALUATION_APPROVE)
    String returnWithReasons(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam Map<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "appraisal",
                input,
                model,
                redirect,
                caller -> recognising.returnWithReasons(caller, unitId, year, input.get("reasons")));
    }

    @PostMapping(BASE + "/recognise")
    @Requires(Permission.EVALUATION_APPROVE)
    String recognise(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam Map<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "decision",
                input,
                model,
                redirect,
                caller -> recognising.recognise(caller, unitId, year, decision(input)));
    }

    @PostMapping(BASE + "/reject")
    @Requires(Permission.EVALUATION_APPROVE)
    String reject(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam Map<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "decision",
                input,
                model,
                redirect,
                caller -> recognising.reject(caller, unitId, year, decision(input), input.get("reasons")));
    }

    @PostMapping(BASE + "/reopen")
    @Requires(Permission.EVALUATION_APPROVE)
    String reopen(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam Map<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                year,
                "reopen",
                input,
                model,
                redirect,
                caller -> recognising.reopen(caller, unitId, year, input.get("reason")));
    }

    @GetMapping(BASE + "/certificate.pdf")
    Object certificate(@PathVariable long unitId, @PathVariable int year, RedirectAttributes redirect) {
        try {
            return EvaluationApi.pdf(certificates.pdf(CurrentCaller.view(), unitId, year), unitId, year);
        } catch (EvaluationStateException e) {
            redirect.addFlashAttribute("notice", refusals.message(e));
            return "redirect:/evaluation/units/" + unitId + "/years/" + year + "/process";
        }
    }

    @GetMapping("/evaluation/units/{unitId}/overdue")
    String overdue(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            Model model) {
        LocalDate day = on == null ? Dates.today() : on;
        int chosen = year == null ? day.getYear() : year;
        model.addAttribute("unit", units.latest(CurrentCaller.view(), unitId).orElseThrow());
        model.addAttribute("year", chosen);
        model.addAttribute("on", day);
        model.addAttribute("overdue", evaluations.overdue(CurrentCaller.view(), unitId, chosen, day));
        return "evaluation/listOverdue";
    }

    /** Takes a step: back to the page with a notice, or the page with the refusal beside its form. */
    private String attempt(
            long unitId,
            int year,
            String form,
            Map<String, String> input,
            Model model,
            RedirectAttributes redirect,
            Consumer<Caller> step) {
        try {
            step.accept(CurrentCaller.get());
            boolean criterion = form.contains("-");
            redirect.addFlashAttribute("saved", criterion ? form.substring(0, form.indexOf('-')) : form);
            return "redirect:/evaluation/units/" + unitId + "/years/" + year + "/process"
                    + (criterion ? "#self-assessment" : "");
        } catch (EvaluationRefusedException e) {
            return show(unitId, year, new LinkedHashMap<>(input), form, refusals.message(e), model);
        } catch (EvaluationStateException e) {
            return show(unitId, year, new LinkedHashMap<>(input), form, refusals.message(e), model);
        }
    }

    private static Evaluation.Decision decision(Map<String, String> input) {
        return new Evaluation.Decision(
                input.get("decisionNumber"),
                date("decisionDate", input.get("decisionDate")),
                input.get("decisionSigner"));
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new EvaluationRefusedException(field, "evaluation.process.error.date");
        }
    }
}
