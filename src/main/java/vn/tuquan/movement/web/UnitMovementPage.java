package vn.tuquan.movement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.tuquan.households.Household;
import vn.tuquan.households.Households;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.ModelType;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementCounts;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.MovementRefusedException;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.movement.UnknownMovementRecordException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * What the pages of a unit's registers share: the unit's page (its summary and every register, drawn by
 * movement/showUnitMovement.html with one section per register), a write that comes back to it, and the names its
 * registers show.
 */
@Component
class UnitMovementPage {

    private final Units units;
    private final ModelTypes types;
    private final Models models;
    private final Conferences conferences;
    private final Titles titles;
    private final MessageSource messages;
    private final Households households;
    private final MovementCounts counts;

    UnitMovementPage(
            Units units,
            ModelTypes types,
            Models models,
            Conferences conferences,
            Titles titles,
            MessageSource messages,
            Households households,
            MovementCounts counts) {
        this.units = units;
        this.types = types;
        this.models = models;
        this.conferences = conferences;
        this.titles = titles;
        this.messages = messages;
        this.households = households;
        this.counts = counts;
    }

    /**
     * The evaluation period of a unit for a year: its kind's window ({@link UnitKind#period}), the
     * period in force today when no year is given. Years outside 2000–2200 are refused (400).
     */
    static Period period(Units units, long unitId, Integer year) {
        UnitKind kind = units.latest(CurrentCaller.view(), unitId)
                .orElseThrow(() -> new UnknownMovementRecordException("unit", unitId))
                .kind();
        if (year != null && (year < 2000 || year > 2200)) {
            throw new MovementRefusedException("year", "movement.error.year");
        }
        return year == null ? kind.periodOn(Dates.today()) : kind.period(year);
    }

    String attempt(
            long unitId,
            String form,
            Object input,
            Model model,
            RedirectAttributes redirect,
            LongFunction<String> write) {
        return attempt(unitId, form, form, input, model, redirect, write);
    }

    /**
     * Runs a write; on success back to the unit's page with a notice, on refusal the page with the message and the input.
     * A form that adds a record ({@link #ALONE}) posts with htmx: refused, it comes back alone (its register's form
     * fragment with the refused field marked), not the whole page; saved, htmx is sent to the unit's page (HX-Redirect)
     * with the notice. Without JavaScript (no HX-Request header) the page is drawn again, or redirected to.
     *
     * @param form  the form, as the page names it to show a refusal next to it ({@code model-12/edit})
     * @param saved the notice on success ({@code movement.saved.<saved>})
     */
    String attempt(
            long unitId,
            String form,
            String saved,
            Object input,
            Model model,
            RedirectAttributes redirect,
            LongFunction<String> write) {
        UnitView unit = visible(unitId);
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        boolean alone = current.getRequest().getHeader("HX-Request") != null && ALONE.containsKey(form);
        try {
            String name = write.apply(unit.id());
            Integer year = yearOf(input);
            // a write of a year (an assessment, an award) comes back to that year's summary
            String location = "/movement/units/" + unit.id() + (year == null ? "" : "?year=" + year) + "#"
                    + (form.contains("-") ? form.split("-")[0] + "s" : form);
            if (alone) {
                return htmxRedirect(current.getRequest(), current.getResponse(), location, saved, name);
            }
            redirect.addFlashAttribute("saved", saved);
            redirect.addFlashAttribute("savedName", name);
            return "redirect:" + location;
        } catch (MovementRefusedException e) {
            return alone
                    ? refusedAlone(unit, yearOf(input), input, form, e, model)
                    : show(unitId, yearOf(input), input, form, e, model);
        }
    }

    /** The forms that add a record, each drawn alone by its register's fragment when refused to htmx. */
    static final Map<String, String> ALONE = Map.of(
            "model",
            "movement/models :: newModel",
            "assessment",
            "movement/models :: newAssessment",
            "camera",
            "movement/cameras :: newCamera",
            "conference",
            "movement/conferences :: newConference",
            "award",
            "movement/titles :: newAward",
            "agreement",
            "movement/agreements :: newAgreement");

    /**
     * A write saved by htmx: the notice kept for the unit's page (as a redirect keeps it) and htmx sent there. When the
     * page is the one shown but for its anchor, the browser would only scroll: htmx is also told to reload it.
     */
    private String htmxRedirect(
            HttpServletRequest request, HttpServletResponse response, String location, String saved, String name) {
        String target = request.getContextPath() + location;
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("saved", saved);
        flash.put("savedName", name);
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        response.setHeader("HX-Redirect", target);
        String shown = request.getHeader("HX-Current-URL");
        if (shown != null && withoutAnchor(shown).equals(withoutAnchor(target))) {
            response.setHeader("HX-Refresh", "true");
        }
        return "movement/fields :: nothing";
    }

    /** An address's path and query, without its anchor. */
    private static String withoutAnchor(String address) {
        URI uri = URI.create(address);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** A refused form drawn alone, with only what its register's fragment needs. */
    private String refusedAlone(
            UnitView unit, Integer askedYear, Object input, String form, MovementRefusedException error, Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("unit", unit);
        model.addAttribute("year", period(units, unit.id(), askedYear).year());
        model.addAttribute("canWrite", units.writable(caller, Permission.MOVEMENT_WRITE, unit.id()));
        model.addAttribute("input", input);
        model.addAttribute("error", error);
        model.addAttribute("errorForm", form);
        model.addAttribute("english", Named.english());
        switch (form) {
            case "model" -> {
                model.addAttribute("allTypes", types.all());
                model.addAttribute(
                        "allowedTypes",
                        types.all().stream()
                                .filter(t -> t.active() && t.allows(unit.kind()))
                                .toList());
            }
            case "assessment", "camera" ->
                model.addAttribute(
                        "ownModels",
                        models.under(caller.view(), unit.id()).stream()
                                .filter(m -> m.unitId() == unit.id())
                                .toList());
            case "conference" -> model.addAttribute("kinds", Conference.Kind.values());
            case "award" -> model.addAttribute("titles", unitTitles(unit));
            case "agreement" -> model.addAttribute("partners", partners(caller, unit, Dates.today()));
            default -> throw new IllegalArgumentException(form);
        }
        return ALONE.get(form);
    }

    /** The titles a unit's award form offers: those of a person, and those of a unit of its kind. */
    private List<Title> unitTitles(UnitView unit) {
        return titles.all().stream()
                .filter(t -> t.awardedTo() == Title.AwardedTo.PERSON
                        || t.awardedTo() == Title.AwardedTo.UNIT
                                && t.unitKinds().contains(unit.kind()))
                .toList();
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
    String show(
            long unitId,
            Integer askedYear,
            Object input,
            String errorForm,
            MovementRefusedException error,
            Model model) {
        Caller caller = CurrentCaller.get();
        UnitView unit = visible(unitId);
        LocalDate today = Dates.today();
        Period period = period(units, unit.id(), askedYear);
        int year = period.year();
        model.addAttribute("unit", unit);
        model.addAttribute(
                "ancestors",
                units.ancestors(caller.view(), unit.id(), unit.validTo() == null ? today : unit.validFrom()).stream()
                        .filter(a -> units.inScope(caller.view(), a, today))
                        .toList());
        model.addAttribute(
                "children", unit.validTo() == null ? units.children(caller.view(), unit.id(), today) : List.of());
        List<MovementModel> list = models.under(caller.view(), unit.id());
        // "Xem hồ sơ" behind models.effective: the models assessed effective in the year, as counted
        Set<Long> effectiveIds = models.effectiveIds(caller.view(), unit.id(), year);
        boolean effectiveOnly = Boolean.TRUE.equals(model.getAttribute("effectiveOnly"));
        String runningType = (String) model.getAttribute("runningType");
        boolean runningOnly = Boolean.TRUE.equals(model.getAttribute("runningOnly")) || runningType != null;
        LocalDate runningOn = Period.residentialArea(year).to();
        model.addAttribute("runningOn", runningOn);
        model.addAttribute("runningOnly", runningOnly);
        // a list a statistics' number opens: the records it counts, over the subtree on 31/10 (MovementCounts)
        model.addAttribute(
                "models",
                runningOnly || effectiveOnly
                        ? counts.modelsCounted(caller.view(), unit.id(), year, runningType, effectiveOnly)
                        : list);
        model.addAttribute("effectiveIds", effectiveIds);
        model.addAttribute("effectiveOnly", effectiveOnly);
        model.addAttribute(
                "ownModels", list.stream().filter(m -> m.unitId() == unit.id()).toList());
        model.addAttribute("typeNames", typeNames());
        model.addAttribute(
                "allowedTypes",
                types.all().stream()
                        .filter(t -> t.active() && t.allows(unit.kind()))
                        .toList());
        model.addAttribute("canWrite", units.writable(caller, Permission.MOVEMENT_WRITE, unit.id()));
        model.addAttribute("input", input);
        model.addAttribute("error", error);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("titles", unitTitles(unit));
        model.addAttribute("kinds", Conference.Kind.values());
        model.addAttribute("partners", partners(caller, unit, today));
        boolean installedOnly = Boolean.TRUE.equals(model.getAttribute("installedOnly"));
        model.addAttribute("installedOnly", installedOnly);
        List<Camera> cameras = installedOnly
                ? counts.camerasCounted(caller.view(), unit.id(), year)
                : models.cameras(caller.view(), unit.id());
        model.addAttribute("cameras", cameras);
        model.addAttribute("cameraCount", cameras.size());
        model.addAttribute(
                "assessments",
                list.stream()
                        .filter(m -> m.unitId() == unit.id())
                        .collect(Collectors.toMap(
                                MovementModel::id, m -> models.assessments(caller.view(), unit.id(), m.id()))));
        model.addAttribute("allTypes", types.all());
        List<Conference> held = conferences.under(caller.view(), unit.id());
        Conference.Kind reviewKind = (Conference.Kind) model.getAttribute("reviewKind");
        model.addAttribute(
                "conferences",
                reviewKind == null ? held : counts.conferencesCounted(caller.view(), unit.id(), year, reviewKind));
        model.addAttribute(
                "attachments",
                held.stream()
                        .filter(c -> c.unitId() == unit.id())
                        .collect(Collectors.toMap(
                                Conference::id, c -> conferences.attachments(caller.view(), unit.id(), c.id()))));
        List<Title.Award> awards = titles.awardsUnder(caller.view(), unit.id());
        String awardsTitle = (String) model.getAttribute("awardsTitle");
        List<Title.Award> counted =
                awardsTitle == null ? List.of() : counts.awardsCounted(caller.view(), unit.id(), year, awardsTitle);
        model.addAttribute("awards", awardsTitle == null ? awards : counted);
        model.addAttribute("householdAwardsCounted", householdsAwarded(caller, year, counted));
        householdTitles(model, caller, unit, year, awards);
        model.addAttribute("titleNames", titleNames());
        List<Title.Agreement> agreements = titles.agreementsUnder(caller.view(), unit.id());
        model.addAttribute("agreements", agreements);
        Map<Long, String> partyNames = new LinkedHashMap<>();
        partners(caller, unit, today).forEach(p -> partyNames.put(p.id(), p.name()));
        agreements.stream()
                .flatMap(a -> a.partyIds().stream())
                .filter(id -> id != unit.id())
                .forEach(id -> partyNames.computeIfAbsent(id, this::partyName));
        model.addAttribute("partyNames", partyNames);
        model.addAttribute("year", year);
        model.addAttribute("period", period);
        model.addAttribute(
                "parishRate", titles.rate(caller.view(), unit.id(), "ADVANCED_PARISH", UnitKind.PARISH, year));
        model.addAttribute(
                "pagodaRate", titles.rate(caller.view(), unit.id(), "DILIGENT_PAGODA", UnitKind.PAGODA, year));
        model.addAttribute("effectiveModels", models.effectiveCount(caller.view(), unit.id(), year));
        model.addAttribute("finalReviews", conferences.finalReviewsHeldIn(caller.view(), unit.id(), period));
        model.addAttribute("english", Named.english());
        return "movement/showUnitMovement";
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
        List<Map<String, Object>> rates = years.stream()
                .limit(5)
                .map(y -> Map.<String, Object>of(
                        "year",
                        y,
                        "families",
                        titles.householdRate(caller.view(), unit.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, y),
                        "parishes",
                        titles.rate(caller.view(), unit.id(), "ADVANCED_PARISH", UnitKind.PARISH, y)))
                .toList();
        model.addAttribute("householdRates", rates);
        model.addAttribute(
                "catholicFamilyRate",
                rates.stream()
                        .filter(r -> r.get("year").equals(year))
                        .map(r -> r.get("families"))
                        .findFirst()
                        .orElseGet(() -> titles.householdRate(
                                caller.view(), unit.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, year)));
        model.addAttribute(
                "householdDecisions",
                awards.stream()
                        .filter(a -> a.householdId() != null)
                        .collect(Collectors.groupingBy(
                                a -> List.of(a.year(), a.titleCode(), a.decisionNumber(), a.decidingBody()),
                                LinkedHashMap::new,
                                Collectors.counting())));
        model.addAttribute(
                "householdTitleChoices",
                titles.all().stream()
                        .filter(t -> t.awardedTo() == Title.AwardedTo.HOUSEHOLD)
                        .toList());
        boolean area = unit.kind() == UnitKind.RESIDENTIAL_AREA && unit.validTo() == null;
        model.addAttribute(
                "areaHouseholds", area ? households.inArea(caller.view(), unit.id(), Dates.today()) : List.of());
        model.addAttribute(
                "householdAwards",
                awards.stream()
                        .filter(a -> a.householdId() != null)
                        .collect(Collectors.groupingBy(Title.Award::householdId)));
    }

    /**
     * The households awarded of a title's awards (those of the list {@code ?title=}), each with the household as it
     * lived at the end of the year (or today), the day its award was checked against: its code and head, or none
     * when it lived nowhere then.
     */
    private List<Map<String, Object>> householdsAwarded(Caller caller, int year, List<Title.Award> counted) {
        List<Long> ids = counted.stream()
                .map(Title.Award::householdId)
                .filter(Objects::nonNull)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Household> living = households.findAll(caller.view(), ids, endOfYearOrToday(year)).stream()
                .collect(Collectors.toMap(Household::id, h -> h, (a, b) -> a));
        return counted.stream()
                .filter(a -> a.householdId() != null)
                .map(a -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("award", a);
                    row.put("household", living.get(a.householdId()));
                    row.put("unitName", unitName(a.unitId()));
                    return row;
                })
                .toList();
    }

    private static LocalDate endOfYearOrToday(int year) {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        return endOfYear.isAfter(Dates.today()) ? Dates.today() : endOfYear;
    }

    /** A party's name, or that it is outside the caller's view (an agreement may name units of a neighbouring area). */
    String partyName(long unitId) {
        return units.contains(CurrentCaller.view(), unitId, Dates.today())
                ? unitName(unitId)
                : messages.getMessage("movement.agreement.outside", null, LocaleContextHolder.getLocale());
    }

    String unitName(long unitId) {
        return units.latest(CurrentCaller.view(), unitId).map(UnitView::name).orElse("");
    }

    /** The units an agreement may be signed with: the unit's siblings when the caller sees its parent, else its children. */
    List<UnitView> partners(Caller caller, UnitView unit, LocalDate today) {
        if (unit.validTo() != null) {
            return List.of();
        }
        if (unit.parentId() != null && units.contains(caller.view(), unit.parentId(), today)) {
            return units.children(caller.view(), unit.parentId(), today).stream()
                    .filter(u -> u.id() != unit.id())
                    .toList();
        }
        return units.children(caller.view(), unit.id(), today);
    }

    UnitView visible(long unitId) {
        return units.latest(CurrentCaller.view(), unitId)
                .orElseThrow(() -> new UnknownMovementRecordException("unit", unitId));
    }

    Map<String, String> typeNames() {
        Locale locale = LocaleContextHolder.getLocale();
        return types.all().stream()
                .collect(Collectors.toMap(ModelType::code, t -> new Named(t.nameVi(), t.nameEn()).in(locale)));
    }

    Map<String, String> titleNames() {
        Locale locale = LocaleContextHolder.getLocale();
        return titles.all().stream()
                .collect(Collectors.toMap(t -> t.code(), t -> new Named(t.nameVi(), t.nameEn()).in(locale)));
    }
}
