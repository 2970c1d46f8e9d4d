package vn.tuquan.movement.web;

import vn.tuquan.shared.Named;
import vn.tuquan.shared.Scope;
import java.util.HashMap;
import jakarta.servlet.http.HttpServletResponse;
import vn.tuquan.shared.web.SheetExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.households.Households;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.ModelType;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.MovementRefusedException;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.movement.UnknownMovementRecordException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The movement area: the landing page, a unit's registers, the model form, the Excel export and the camera map. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class MovementPages {

    private final Units units;
    private final ModelTypes types;
    private final Models models;
    private final Conferences conferences;
    private final Titles titles;
    private final MessageSource messages;
    private final SheetExports exports;
    private final Households households;

    MovementPages(Units units, ModelTypes types, Models models, Conferences conferences, Titles titles,
            MessageSource messages, SheetExports exports, Households households) {
        this.exports = exports;
        this.households = households;
        this.units = units;
        this.types = types;
        this.models = models;
        this.conferences = conferences;
        this.titles = titles;
        this.messages = messages;
    }

    @GetMapping("/movement")
    String landing(Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("roots", units.roots(caller.view(), Dates.today()));
        model.addAttribute("types", types.all());
        model.addAttribute("titles", titles.all());
        model.addAttribute("english", Named.english());
        return "movement/showMovement";
    }

    @GetMapping("/movement/units/{unitId}")
    String unit(@PathVariable long unitId, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean effective, Model model) {
        model.addAttribute("effectiveOnly", effective);
        return show(unitId, year, Map.of(), null, null, model);
    }

    /**
     * The evaluation period of a unit for a year: its kind's window ({@link UnitKind#period}), the
     * period in force today when no year is given. Years outside 2000–2200 are refused (400).
     */
    static Period period(Units units, long unitId, Integer year) {
        UnitKind kind = units.latest(CurrentCaller.view(), unitId)
                .orElseThrow(() -> new UnknownMovementRecordException("unit", unitId)).kind();
        if (year != null && (year < 2000 || year > 2200)) {
            throw new MovementRefusedException("year", "movement.error.year");
        }
        return year == null ? kind.periodOn(Dates.today()) : kind.period(year);
    }

    @PostMapping("/movement/units/{unitId}/models")
    @Requires(Permission.MOVEMENT_WRITE)
    String createModel(@PathVariable long unitId, @ModelAttribute("input") ModelInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "model", input, model, redirect,
                unit -> models.create(CurrentCaller.get(), unit, input.form()).name());
    }

    @PostMapping("/movement/units/{unitId}/assessments")
    @Requires(Permission.MOVEMENT_WRITE)
    String assess(@PathVariable long unitId, @ModelAttribute("input") AssessmentInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "assessment", input, model, redirect, unit -> {
            int[] modelAndYear = input.modelAndYear();
            models.assess(CurrentCaller.get(), unit, modelAndYear[0], modelAndYear[1], input.isEffective(),
                    input.reason());
            return input.reason();
        });
    }

    @PostMapping("/movement/units/{unitId}/cameras")
    @Requires(Permission.MOVEMENT_WRITE)
    String registerCamera(@PathVariable long unitId, @ModelAttribute("input") CameraInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "camera", input, model, redirect,
                unit -> models.register(CurrentCaller.get(), unit, input.form()).owner());
    }

    @PostMapping("/movement/units/{unitId}/conferences")
    @Requires(Permission.MOVEMENT_WRITE)
    String recordConference(@PathVariable long unitId, @ModelAttribute("input") ConferenceInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "conference", input, model, redirect,
                unit -> conferences.record(CurrentCaller.get(), unit, input.form()).topic());
    }

    @PostMapping(path = "/movement/units/{unitId}/conferences/{conferenceId}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.MOVEMENT_WRITE)
    String attach(@PathVariable long unitId, @PathVariable long conferenceId,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "attachment", Map.of(), model, redirect, unit -> {
            if (file == null) {
                throw new MovementRefusedException("file", "movement.error.fileEmpty");
            }
            try {
                return conferences.attach(CurrentCaller.get(), unit, conferenceId, file.getOriginalFilename(),
                        file.getContentType(), file.getBytes()).fileName();
            } catch (IOException e) {
                throw new MovementRefusedException("file", "movement.error.fileEmpty");
            }
        });
    }

    @GetMapping("/movement/units/{unitId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long unitId, @PathVariable long attachmentId) {
        Map.Entry<Conference.Attachment, byte[]> found = conferences.attachment(CurrentCaller.view(), unitId, attachmentId)
                .orElseThrow(() -> new UnknownMovementRecordException("attachment", attachmentId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(found.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(found.getKey().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(found.getValue());
    }

    @PostMapping("/movement/units/{unitId}/awards")
    @Requires(Permission.MOVEMENT_WRITE)
    String award(@PathVariable long unitId, @ModelAttribute("input") AwardInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "award", input, model, redirect,
                unit -> titles.award(CurrentCaller.get(), unit, input.form()).decisionNumber());
    }

    // ---- household titles and removing an award (issue 5, F16) -------------------------------------

    /** One decision awarding a household title to the households ticked on a residential area's page. */
    @PostMapping("/movement/units/{unitId}/household-awards")
    @Requires(Permission.MOVEMENT_WRITE)
    String awardHouseholds(@PathVariable long unitId, @ModelAttribute("input") HouseholdAwardInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "householdAward", input, model, redirect, unit -> titles.awardHouseholds(
                CurrentCaller.get(), unit, input.form()).get(0).decisionNumber());
    }

    @PostMapping("/movement/units/{unitId}/awards/{awardId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAward(@PathVariable long unitId, @PathVariable long awardId, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "removedAward", Map.of(), model, redirect, unit -> {
            try {
                return titles.remove(CurrentCaller.get(), unit, awardId).decisionNumber();
            } catch (UnknownMovementRecordException e) {
                throw new MovementRefusedException("awardId", "movement.error.unknownAward");
            }
        });
    }

    /**
     * The page's household titles: the F16 rates of the years with household awards (and this year),
     * the household awards grouped by decision, and for a residential area its households with the
     * titles each holds.
     */
    private void householdTitles(Model model, Caller caller, UnitView unit, int year, List<Title.Award> awards) {
        SortedSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(year);
        awards.stream().filter(a -> a.householdId() != null).forEach(a -> years.add(a.year()));
        List<Map<String, Object>> rates = years.stream().limit(5).map(y -> Map.<String, Object>of("year", y,
                "families", titles.householdRate(caller.view(), unit.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, y),
                "parishes", titles.rate(caller.view(), unit.id(), "ADVANCED_PARISH", UnitKind.PARISH, y))).toList();
        model.addAttribute("householdRates", rates);
        model.addAttribute("catholicFamilyRate", rates.stream().filter(r -> r.get("year").equals(year))
                .map(r -> r.get("families")).findFirst().orElseGet(() -> titles.householdRate(caller.view(), unit.id(),
                        Titles.EXEMPLARY_CATHOLIC_FAMILY, year)));
        model.addAttribute("householdDecisions", awards.stream().filter(a -> a.householdId() != null)
                .collect(Collectors.groupingBy(a -> List.of(a.year(), a.titleCode(), a.decisionNumber(),
                        a.decidingBody()), LinkedHashMap::new, Collectors.counting())));
        model.addAttribute("householdTitleChoices", titles.all().stream()
                .filter(t -> t.awardedTo() == Title.AwardedTo.HOUSEHOLD).toList());
        boolean area = unit.kind() == UnitKind.RESIDENTIAL_AREA && unit.validTo() == null;
        model.addAttribute("areaHouseholds", area ? households.inArea(caller.view(), unit.id(), Dates.today()) : List.of());
        model.addAttribute("householdAwards", awards.stream().filter(a -> a.householdId() != null)
                .collect(Collectors.groupingBy(Title.Award::householdId)));
    }

    @PostMapping("/movement/units/{unitId}/agreements")
    @Requires(Permission.MOVEMENT_WRITE)
    String agree(@PathVariable long unitId, @ModelAttribute("input") AgreementInput input, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "agreement", input, model, redirect,
                unit -> titles.agree(CurrentCaller.get(), unit, input.added()).content());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editModel(@PathVariable long unitId, @PathVariable long modelId, @ModelAttribute("input") ModelInput input,
            Model model, RedirectAttributes redirect) {
        return attempt(unitId, "model-" + modelId + "/edit", "model.edited", input, model, redirect,
                unit -> models.edit(CurrentCaller.get(), unit, modelId, input.form()).name());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/end")
    @Requires(Permission.MOVEMENT_WRITE)
    String endModel(@PathVariable long unitId, @PathVariable long modelId, @ModelAttribute("input") ModelEndInput input,
            Model model, RedirectAttributes redirect) {
        return attempt(unitId, "model-" + modelId + "/end", "model.ended", input, model, redirect,
                unit -> models.end(CurrentCaller.get(), unit, modelId, input.day()).name());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeModel(@PathVariable long unitId, @PathVariable long modelId, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "model-" + modelId + "/end", "model.removed", Map.of(), model, redirect,
                unit -> models.remove(CurrentCaller.get(), unit, modelId).name());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/assessments/{year}")
    @Requires(Permission.MOVEMENT_WRITE)
    String reassess(@PathVariable long unitId, @PathVariable long modelId, @PathVariable int year,
            @ModelAttribute("input") ReassessmentInput input, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "model-" + modelId + "/assessment", "assessment.edited", input, model, redirect,
                unit -> Integer.toString(models.reassess(CurrentCaller.get(), unit, modelId, year,
                        input.isEffective(), input.reason()).year()));
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/assessments/{year}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAssessment(@PathVariable long unitId, @PathVariable long modelId, @PathVariable int year, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "model-" + modelId + "/assessment", "assessment.removed", Map.of(), model, redirect,
                unit -> Integer.toString(models.removeAssessment(CurrentCaller.get(), unit, modelId, year).year()));
    }

    @PostMapping("/movement/units/{unitId}/cameras/{cameraId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editCamera(@PathVariable long unitId, @PathVariable long cameraId, @ModelAttribute("input") CameraInput input,
            Model model, RedirectAttributes redirect) {
        return attempt(unitId, "camera-" + cameraId + "/edit", "camera.edited", input, model, redirect,
                unit -> models.editCamera(CurrentCaller.get(), unit, cameraId, input.form()).owner());
    }

    @PostMapping("/movement/units/{unitId}/cameras/{cameraId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeCamera(@PathVariable long unitId, @PathVariable long cameraId, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "camera-" + cameraId + "/edit", "camera.removed", Map.of(), model, redirect,
                unit -> models.removeCamera(CurrentCaller.get(), unit, cameraId).owner());
    }

    @PostMapping("/movement/units/{unitId}/conferences/{conferenceId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editConference(@PathVariable long unitId, @PathVariable long conferenceId,
            @ModelAttribute("input") ConferenceInput input, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "conference-" + conferenceId + "/edit", "conference.edited", input, model, redirect,
                unit -> conferences.edit(CurrentCaller.get(), unit, conferenceId, input.form()).topic());
    }

    @PostMapping("/movement/units/{unitId}/conferences/{conferenceId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeConference(@PathVariable long unitId, @PathVariable long conferenceId, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "conference-" + conferenceId + "/edit", "conference.removed", Map.of(), model, redirect,
                unit -> conferences.remove(CurrentCaller.get(), unit, conferenceId).topic());
    }

    @PostMapping("/movement/units/{unitId}/attachments/{attachmentId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAttachment(@PathVariable long unitId, @PathVariable long attachmentId, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "attachment", "attachment.removed", Map.of(), model, redirect,
                unit -> conferences.removeAttachment(CurrentCaller.get(), unit, attachmentId).fileName());
    }

    @PostMapping("/movement/units/{unitId}/agreements/{agreementId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editAgreement(@PathVariable long unitId, @PathVariable long agreementId,
            @ModelAttribute("input") AgreementInput input, Model model, RedirectAttributes redirect) {
        return attempt(unitId, "agreement-" + agreementId + "/edit", "agreement.edited", input, model, redirect,
                unit -> titles.editAgreement(CurrentCaller.get(), unit, agreementId, input.corrected()).content());
    }

    @PostMapping("/movement/units/{unitId}/agreements/{agreementId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAgreement(@PathVariable long unitId, @PathVariable long agreementId, Model model,
            RedirectAttributes redirect) {
        return attempt(unitId, "agreement-" + agreementId + "/edit", "agreement.removed", Map.of(), model, redirect,
                unit -> titles.removeAgreement(CurrentCaller.get(), unit, agreementId).content());
    }

    private String attempt(long unitId, String form, Object input, Model model, RedirectAttributes redirect,
            LongFunction<String> write) {
        return attempt(unitId, form, form, input, model, redirect, write);
    }

    /** Runs a write; on success back to the unit's page with a notice, on refusal the page with the message and the input. */
    /**
     * @param form  the form, as the page names it to show a refusal next to it ({@code model-12/edit})
     * @param saved the notice on success ({@code movement.saved.<saved>})
     */
    private String attempt(long unitId, String form, String saved, Object input, Model model,
            RedirectAttributes redirect, LongFunction<String> write) {
        UnitView unit = visible(unitId);
        try {
            String name = write.apply(unit.id());
            redirect.addFlashAttribute("saved", saved);
            redirect.addFlashAttribute("savedName", name);
            Integer year = yearOf(input);
            // a write of a year (an assessment, an award) comes back to that year's summary
            return "redirect:/movement/units/" + unit.id() + (year == null ? "" : "?year=" + year) + "#"
                    + (form.contains("-") ? form.split("-")[0] + "s" : form);
        } catch (MovementRefusedException e) {
            return show(unitId, yearOf(input), input, form, e, model);
        }
    }

    /** The year a form gave, when it is one the summary can show (2000–2200); else none. */
    private static Integer yearOf(Object input) {
        String text = input instanceof YearInput typed ? typed.year() : null;
        if (text == null || !text.strip().matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(text.strip());
        return year >= 2000 && year <= 2200 ? year : null;
    }

    /** A unit's page: the summary of a year (its kind's period, the one in force today by default) and its registers. */
    private String show(long unitId, Integer askedYear, Object input, String errorForm,
            MovementRefusedException error, Model model) {
        Caller caller = CurrentCaller.get();
        UnitView unit = visible(unitId);
        LocalDate today = Dates.today();
        Period period = period(units, unit.id(), askedYear);
        int year = period.year();
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", units.ancestors(caller.view(), unit.id(), unit.validTo() == null ? today
                : unit.validFrom()).stream().filter(a -> units.inScope(caller.view(), a, today)).toList());
        model.addAttribute("children", unit.validTo() == null ? units.children(caller.view(), unit.id(), today) : List.of());
        List<MovementModel> list = models.under(caller.view(), unit.id());
        // "Xem hồ sơ" behind models.effective: the models assessed effective in the year, as counted
        Set<Long> effectiveIds = models.effectiveIds(caller.view(), unit.id(), year);
        boolean effectiveOnly = Boolean.TRUE.equals(model.getAttribute("effectiveOnly"));
        model.addAttribute("models", effectiveOnly ? list.stream().filter(m -> effectiveIds.contains(m.id())).toList() : list);
        model.addAttribute("effectiveIds", effectiveIds);
        model.addAttribute("effectiveOnly", effectiveOnly);
        model.addAttribute("ownModels", list.stream().filter(m -> m.unitId() == unit.id()).toList());
        model.addAttribute("typeNames", typeNames());
        model.addAttribute("allowedTypes", types.all().stream().filter(t -> t.active() && t.allows(unit.kind())).toList());
        model.addAttribute("canWrite", units.writable(caller, Permission.MOVEMENT_WRITE, unit.id()));
        model.addAttribute("input", input);
        model.addAttribute("error", error);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("titles", titles.all().stream().filter(t -> t.awardedTo() == Title.AwardedTo.PERSON
                || t.awardedTo() == Title.AwardedTo.UNIT && t.unitKinds().contains(unit.kind())).toList());
        model.addAttribute("kinds", Conference.Kind.values());
        model.addAttribute("partners", partners(caller, unit, today));
        List<Camera> cameras = models.cameras(caller.view(), unit.id());
        model.addAttribute("cameras", cameras);
        model.addAttribute("cameraCount", cameras.size());
        model.addAttribute("assessments", list.stream().filter(m -> m.unitId() == unit.id()).collect(
                Collectors.toMap(MovementModel::id, m -> models.assessments(caller.view(), unit.id(), m.id()))));
        model.addAttribute("allTypes", types.all());
        List<Conference> held = conferences.under(caller.view(), unit.id());
        model.addAttribute("conferences", held);
        model.addAttribute("attachments", held.stream().filter(c -> c.unitId() == unit.id()).collect(
                Collectors.toMap(Conference::id, c -> conferences.attachments(caller.view(), unit.id(), c.id()))));
        List<Title.Award> awards = titles.awardsUnder(caller.view(), unit.id());
        model.addAttribute("awards", awards);
        householdTitles(model, caller, unit, year, awards);
        model.addAttribute("titleNames", titleNames());
        List<Title.Agreement> agreements = titles.agreementsUnder(caller.view(), unit.id());
        model.addAttribute("agreements", agreements);
        Map<Long, String> partyNames = new LinkedHashMap<>();
        partners(caller, unit, today).forEach(p -> partyNames.put(p.id(), p.name()));
        agreements.stream().flatMap(a -> a.partyIds().stream()).filter(id -> id != unit.id())
                .forEach(id -> partyNames.computeIfAbsent(id, this::partyName));
        model.addAttribute("partyNames", partyNames);
        model.addAttribute("year", year);
        model.addAttribute("period", period);
        model.addAttribute("parishRate", titles.rate(caller.view(), unit.id(), "ADVANCED_PARISH", UnitKind.PARISH, year));
        model.addAttribute("pagodaRate", titles.rate(caller.view(), unit.id(), "DILIGENT_PAGODA", UnitKind.PAGODA, year));
        model.addAttribute("effectiveModels", models.effectiveCount(caller.view(), unit.id(), year));
        model.addAttribute("finalReviews", conferences.finalReviewsHeldIn(caller.view(), unit.id(), period));
        model.addAttribute("english", Named.english());
        return "movement/showUnitMovement";
    }

    @GetMapping(path = "/movement/units/{unitId}/cameras.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> cameras(@PathVariable long unitId) {
        UnitView unit = visible(unitId);
        List<Camera> cameras = models.cameras(CurrentCaller.view(), unit.id());
        return Map.of("type", "FeatureCollection", "features", cameras.stream().map(c -> Map.of("type", "Feature",
                "geometry", Map.of("type", "Point", "coordinates", List.of(c.longitude(), c.latitude())),
                "properties", Map.of("id", c.id(), "unitId", c.unitId(), "owner", c.owner(),
                        "description", c.description() == null ? "" : c.description()))).toList());
    }

    @GetMapping(path = "/movement/units/{unitId}/models.xlsx", produces = SheetExports.XLSX)
    void exportModels(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = visible(unitId);
        Scope view = CurrentCaller.view();
        Map<String, String> typeNames = typeNames();
        Map<Long, String> unitNames = new HashMap<>();
        exports.send(response, "mo-hinh-" + unit.id() + ".xlsx", SheetExports.Layout.of("movement.models.sheet",
                List.of("movement.model.unit", "movement.model.type", "movement.model.name", "movement.model.startedOn",
                        "movement.model.endedOn", "movement.model.leader", "movement.model.members",
                        "movement.model.campaigns")),
                rows -> models.eachUnder(view, unit.id(), m -> rows.row(unitNames.computeIfAbsent(m.unitId(), this::unitName),
                        typeNames.getOrDefault(m.typeCode(), m.typeCode()), m.name(), m.startedOn(), m.endedOn(),
                        m.leader(), m.members(), String.join("; ", m.campaigns()))));
    }

    @GetMapping(path = "/movement/units/{unitId}/conferences.xlsx", produces = SheetExports.XLSX)
    void exportConferences(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = visible(unitId);
        Scope view = CurrentCaller.view();
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> unitNames = new HashMap<>();
        exports.send(response, "hoi-nghi-" + unit.id() + ".xlsx", SheetExports.Layout.of("movement.conferences.sheet",
                List.of("movement.model.unit", "movement.conference.kind", "movement.conference.topic",
                        "movement.conference.heldOn", "movement.field.periodFrom", "movement.field.periodTo",
                        "movement.conference.attendance", "movement.model.campaigns")),
                rows -> conferences.eachUnder(view, unit.id(), c -> rows.row(
                        unitNames.computeIfAbsent(c.unitId(), this::unitName),
                        messages.getMessage("movement.conference.kind." + c.kind(), null, locale), c.topic(),
                        c.heldOn(), c.periodFrom(), c.periodTo(), c.attendance(), String.join("; ", c.campaigns()))));
    }

    @GetMapping(path = "/movement/units/{unitId}/awards.xlsx", produces = SheetExports.XLSX)
    void exportAwards(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = visible(unitId);
        Scope view = CurrentCaller.view();
        Map<String, String> titleNames = titleNames();
        Map<Long, String> unitNames = new HashMap<>(); // household awards: thousands of rows, few areas
        exports.send(response, "danh-hieu-" + unit.id() + ".xlsx", SheetExports.Layout.of("movement.awards.sheet",
                List.of("movement.award.year", "movement.award.title", "movement.model.unit", "movement.award.person",
                        "movement.field.decidingBody", "movement.field.decisionNumber", "movement.award.decidedOn")),
                rows -> titles.eachAwardUnder(view, unit.id(), a -> rows.row(a.year(),
                        titleNames.getOrDefault(a.titleCode(), a.titleCode()),
                        unitNames.computeIfAbsent(a.unitId(), this::unitName), a.personName(), a.decidingBody(),
                        a.decisionNumber(), a.decidedOn())));
    }

    @GetMapping(path = "/movement/units/{unitId}/cameras.xlsx", produces = SheetExports.XLSX)
    void exportCameras(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = visible(unitId);
        Scope view = CurrentCaller.view();
        Map<Long, String> unitNames = new HashMap<>();
        exports.send(response, "camera-" + unit.id() + ".xlsx", SheetExports.Layout.of("movement.cameras.sheet",
                List.of("movement.model.unit", "movement.field.latitude", "movement.field.longitude",
                        "movement.field.owner", "movement.camera.description", "movement.camera.installedOn")),
                rows -> models.eachCamera(view, unit.id(), c -> rows.row(unitNames.computeIfAbsent(c.unitId(), this::unitName),
                        c.latitude(), c.longitude(), c.owner(), c.description(), c.installedOn())));
    }

    @GetMapping(path = "/movement/units/{unitId}/agreements.xlsx", produces = SheetExports.XLSX)
    void exportAgreements(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = visible(unitId);
        Scope view = CurrentCaller.view();
        Map<Long, String> partyNames = new HashMap<>();
        exports.send(response, "giao-uoc-" + unit.id() + ".xlsx", SheetExports.Layout.of("movement.agreements.sheet",
                List.of("movement.field.signedOn", "movement.agreement.recordedBy", "movement.field.partyIds",
                        "movement.field.content", "movement.model.campaigns")),
                rows -> titles.eachAgreementUnder(view, unit.id(), a -> rows.row(a.signedOn(),
                        partyNames.computeIfAbsent(a.unitId(), this::partyName),
                        String.join("; ", a.partyIds().stream().map(id -> partyNames.computeIfAbsent(id, this::partyName))
                                .toList()), a.content(), String.join("; ", a.campaigns()))));
    }

    /** A party's name, or that it is outside the caller's view (an agreement may name units of a neighbouring area). */
    private String partyName(long unitId) {
        return units.contains(CurrentCaller.view(), unitId, Dates.today()) ? unitName(unitId)
                : messages.getMessage("movement.agreement.outside", null, LocaleContextHolder.getLocale());
    }

    private String unitName(long unitId) {
        return units.latest(CurrentCaller.view(), unitId).map(UnitView::name).orElse("");
    }

    /** The units an agreement may be signed with: the unit's siblings when the caller sees its parent, else its children. */
    private List<UnitView> partners(Caller caller, UnitView unit, LocalDate today) {
        if (unit.validTo() != null) {
            return List.of();
        }
        if (unit.parentId() != null && units.contains(caller.view(), unit.parentId(), today)) {
            return units.children(caller.view(), unit.parentId(), today).stream().filter(u -> u.id() != unit.id()).toList();
        }
        return units.children(caller.view(), unit.id(), today);
    }

    private UnitView visible(long unitId) {
        return units.latest(CurrentCaller.view(), unitId)
                .orElseThrow(() -> new UnknownMovementRecordException("unit", unitId));
    }

    private Map<String, String> typeNames() {
        Locale locale = LocaleContextHolder.getLocale();
        return types.all().stream().collect(Collectors.toMap(ModelType::code,
                t -> new Named(t.nameVi(), t.nameEn()).in(locale)));
    }

    private Map<String, String> titleNames() {
        Locale locale = LocaleContextHolder.getLocale();
        return titles.all().stream().collect(Collectors.toMap(t -> t.code(),
                t -> new Named(t.nameVi(), t.nameEn()).in(locale)));
    }

    /** The field's text as a LocalDate, or null when blank; refused naming the field when it is not one. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new MovementRefusedException(field, "movement.error.date");
        }
    }

    /** The field's text as a Integer, or null when blank; refused naming the field when it is not one. */
    static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new MovementRefusedException(field, "movement.error.number");
        }
    }

    /** The field's text as a Double, or null when blank; refused naming the field when it is not one. */
    static Double decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new MovementRefusedException(field, "movement.error.number");
        }
    }

    /** A list typed separated by commas or semicolons. */
    static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;]")).map(String::strip)
                .filter(c -> !c.isEmpty()).toList();
    }
}
