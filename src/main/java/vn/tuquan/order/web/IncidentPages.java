package vn.tuquan.order.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.IncidentImportRefusedException;
import vn.tuquan.order.IncidentImports;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.order.IncidentRefusedException;
import vn.tuquan.order.IncidentSource;
import vn.tuquan.order.IncidentStatus;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The "order" area and its incidents: the landing page, recording an incident on a phone, the
 * list with filters and its Excel export, one incident with its statuses, the map of incidents
 * (points and unit boundaries, no tiles), and uploading a CSV file of incidents.
 */
@Controller
@Requires(Permission.ORDER_READ)
class IncidentPages {

    static final String LAST_UNIT = "order.incidents.lastUnit";
    static final int PAGE_SIZE = 50;
    /** The latest placed incidents a map shows at most; it says when there are more. */
    static final int MAP_LIMIT = 5_000;

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Incidents incidents;
    private final IncidentImports imports;
    private final IncidentRequests requests;
    private final IncidentSheet sheet;
    private final SheetExports exports;
    private final Units units;
    private final UnitBoundaries boundaries;
    private final RefusalMessages refusals;

    IncidentPages(
            Incidents incidents,
            IncidentImports imports,
            IncidentRequests requests,
            IncidentSheet sheet,
            SheetExports exports,
            Units units,
            UnitBoundaries boundaries,
            RefusalMessages refusals) {
        this.exports = exports;
        this.incidents = incidents;
        this.imports = imports;
        this.requests = requests;
        this.sheet = sheet;
        this.units = units;
        this.boundaries = boundaries;
        this.refusals = refusals;
    }

    /** A category group with the categories under it, for a select's optgroup. */
    record CategoryGroup(IncidentCategory group, List<IncidentCategory> categories) {}

    /** One row of the list: the incident, its unit's and category's names. */
    record Row(Incident incident, String unitName, String categoryName) {}

    // ---- landing -----------------------------------------------------------------------------

    @GetMapping("/order")
    String landing(Model model) {
        Period period = Period.residentialAreaOn(Dates.today());
        Scope view = CurrentCaller.view();
        model.addAttribute("period", period);
        model.addAttribute(
                "periodCount",
                incidents
                        .list(view, new IncidentFilter(null, null, period, null, null, null, null), 0, 1)
                        .total());
        model.addAttribute(
                "crimeCount",
                incidents
                        .list(view, new IncidentFilter(null, null, period, null, IncidentKind.CRIME, null, null), 0, 1)
                        .total());
        model.addAttribute(
                "openCount",
                incidents
                        .list(
                                view,
                                new IncidentFilter(null, null, null, null, null, null, IncidentStatus.REPORTED),
                                0,
                                1)
                        .total());
        model.addAttribute(
                "latest", rows(incidents.list(view, IncidentFilter.all(), 0, 5).incidents()));
        model.addAttribute("canWrite", CurrentCaller.get().can(Permission.ORDER_WRITE));
        // the other registers hang on a unit: the first unit the caller sees from
        model.addAttribute(
                "registersUnit",
                units.roots(view, Dates.today()).stream()
                        .findFirst()
                        .map(UnitView::id)
                        .orElse(null));
        return "order/showOrder";
    }

    // ---- recording ---------------------------------------------------------------------------

    @GetMapping("/order/incidents/new")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String form(@RequestParam(required = false) Long unit, HttpSession session, Model model) {
        Caller caller = CurrentCaller.get();
        Long chosen = unit != null ? unit : (Long) session.getAttribute(LAST_UNIT);
        fillForm(
                caller,
                new IncidentForm(chosen, null, null, null, null, null, IncidentSource.PATROL.name(), null, null, null),
                nowInVietnam(),
                model);
        return "order/newIncident";
    }

    @PostMapping("/order/incidents/new")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String record(@ModelAttribute IncidentInput input, HttpSession session, Model model, RedirectAttributes redirect) {
        Caller caller = CurrentCaller.get();
        String occurredAt = input.occurredAt();
        OffsetDateTime occurred = parseLocal(occurredAt);
        IncidentForm form = new IncidentForm(
                input.unitId(),
                input.categoryCode(),
                input.severity(),
                input.subjective(),
                occurred,
                null,
                input.source(),
                input.latitude(),
                input.longitude(),
                input.summary());
        try {
            if (occurred == null && occurredAt != null && !occurredAt.isBlank()) {
                throw new IncidentRefusedException("occurredAt", "order.import.time", occurredAt);
            }
            Incident recorded = incidents.record(caller, form);
            session.setAttribute(LAST_UNIT, recorded.unitId());
            redirect.addFlashAttribute("recorded", recorded.id());
            return "redirect:/order/units/" + recorded.unitId() + "/incidents/" + recorded.id();
        } catch (IncidentRefusedException e) {
            fillForm(caller, form, occurredAt == null ? nowInVietnam() : occurredAt, model);
            model.addAttribute("error", refusals.message(e));
            model.addAttribute("errorField", e.field());
            return "order/newIncident";
        }
    }

    private void fillForm(Caller caller, IncidentForm form, String occurredAt, Model model) {
        List<UnitView> recordable = new ArrayList<>(incidents.recordableUnits(caller));
        Long unit = form.unitId();
        if (unit != null && recordable.stream().noneMatch(u -> u.id() == unit)) {
            // a unit further down a large scope, chosen before (or refused: then the first one)
            try {
                units.latest(caller.capture(), unit)
                        .filter(u -> u.kind().organisation()
                                || u.kind() == UnitKind.RESIDENTIAL_AREA
                                || u.kind() == UnitKind.COMMUNE)
                        .ifPresent(u -> recordable.add(0, u));
            } catch (AccessRefusedException e) {
                // not one of the caller's: the form starts with the first of theirs
            }
        }
        if (unit == null || recordable.stream().noneMatch(u -> u.id() == unit)) {
            form = new IncidentForm(
                    recordable.isEmpty() ? null : recordable.get(0).id(),
                    form.categoryCode(),
                    form.severity(),
                    form.subjectiveCause(),
                    form.occurredAt(),
                    form.reportedAt(),
                    form.source(),
                    form.latitude(),
                    form.longitude(),
                    form.summary());
        }
        model.addAttribute("form", form);
        model.addAttribute("occurredAt", occurredAt);
        model.addAttribute("maxOccurredAt", nowInVietnam());
        model.addAttribute("recordable", recordable);
        model.addAttribute("groups", groups());
        model.addAttribute("sources", IncidentSource.values());
        model.addAttribute("crimeClasses", IncidentKind.CRIME_CLASSES);
        model.addAttribute("english", Named.english());
    }

    // ---- the list ----------------------------------------------------------------------------

    @GetMapping("/order/incidents")
    String list(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean subjective,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope view = CurrentCaller.view();
        IncidentFilter filter;
        Incidents.IncidentPage found;
        try {
            filter = IncidentRequests.filter(unit, asOf, year, periodOf, category, kind, severity, status, subjective);
            found = incidents.list(view, filter, page, PAGE_SIZE);
        } catch (IncidentRefusedException e) {
            model.addAttribute("error", refusals.message(e));
            filter = IncidentFilter.all().withUnit(unit);
            found = new Incidents.IncidentPage(List.of(), 0, 0, PAGE_SIZE);
        }
        model.addAttribute("rows", rows(found.incidents()));
        model.addAttribute("found", found);
        model.addAttribute("filter", filter);
        model.addAttribute("year", year);
        model.addAttribute("periodOf", periodOf);
        model.addAttribute("window", FactWindow.parse(periodOf));
        model.addAttribute("years", years());
        model.addAttribute("unitChoices", unitChoices(view, unit));
        model.addAttribute("groups", groups());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("crimeClasses", IncidentKind.CRIME_CLASSES);
        model.addAttribute("english", Named.english());
        model.addAttribute("canWrite", CurrentCaller.get().can(Permission.ORDER_WRITE));
        model.addAttribute("several", several(filter));
        List<String> query = new ArrayList<>();
        param(query, "unit", unit);
        param(query, "asOf", asOf);
        param(query, "year", year);
        param(query, "periodOf", periodOf);
        param(query, "category", filter.categoryCodes());
        param(query, "kind", filter.kinds());
        param(query, "severity", filter.severities());
        param(query, "status", status);
        param(query, "subjective", subjective);
        model.addAttribute("queryString", String.join("&", query));
        return "order/listIncidents";
    }

    @GetMapping(path = "/order/incidents.xlsx", produces = IncidentSheet.MEDIA_TYPE)
    void export(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean subjective,
            HttpServletResponse response)
            throws IOException {
        IncidentFilter filter =
                IncidentRequests.filter(unit, asOf, year, periodOf, category, kind, severity, status, subjective);
        Scope view = CurrentCaller.view();
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = new HashMap<>();
        exports.send(
                response,
                "vu-viec" + (year == null ? "" : "-" + year) + ".xlsx",
                IncidentSheet.layout(),
                rows -> incidents.each(view, filter, i -> rows.row(sheet.cells(row(i, names, locale), locale))));
    }

    // ---- one incident ------------------------------------------------------------------------

    @GetMapping("/order/units/{unitId}/incidents/{incidentId}")
    String show(@PathVariable long unitId, @PathVariable long incidentId, Model model) {
        Incident incident = incidents
                .findIn(CurrentCaller.view(), unitId, incidentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("row", rows(List.of(incident)).get(0));
        model.addAttribute("statuses", incidents.history(CurrentCaller.view(), incidentId));
        model.addAttribute(
                "next", incident.withdrawn() ? null : incident.status().next().orElse(null));
        model.addAttribute("canWrite", units.writable(CurrentCaller.get(), Permission.ORDER_WRITE, unitId));
        model.addAttribute("english", Named.english());
        return "order/showIncident";
    }

    @PostMapping("/order/units/{unitId}/incidents/{incidentId}/status")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String changeStatus(
            @PathVariable long unitId,
            @PathVariable long incidentId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        incidents
                .findIn(CurrentCaller.capture(), unitId, incidentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            IncidentStatus to = status == null || status.isBlank()
                    ? null
                    : IncidentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            incidents.changeStatus(CurrentCaller.get(), incidentId, to, note);
            redirect.addFlashAttribute("changed", to);
        } catch (IncidentRefusedException e) {
            redirect.addFlashAttribute("error", refusals.message(e));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", requests.text("order.incident.refused.filter", status));
        }
        return "redirect:/order/units/" + unitId + "/incidents/" + incidentId;
    }

    @PostMapping("/order/units/{unitId}/incidents/{incidentId}/withdraw")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String withdraw(
            @PathVariable long unitId,
            @PathVariable long incidentId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        incidents
                .findIn(CurrentCaller.capture(), unitId, incidentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            incidents.withdraw(CurrentCaller.get(), incidentId, reason);
            redirect.addFlashAttribute("withdrawn", true);
        } catch (IncidentRefusedException e) {
            redirect.addFlashAttribute("error", refusals.message(e));
        }
        return "redirect:/order/units/" + unitId + "/incidents/" + incidentId;
    }

    // ---- the map -----------------------------------------------------------------------------

    @GetMapping("/order/incidents/map")
    String map(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String kind,
            Model model) {
        Scope view = CurrentCaller.view();
        IncidentFilter filter = IncidentRequests.filter(
                unit, null, year, null, null, kind == null ? null : List.of(kind), null, null, null);
        Long boundaryUnit = unit != null
                ? unit
                : view.wholeCountry() || view.unitIds().size() != 1
                        ? null
                        : view.unitIds().iterator().next();
        model.addAttribute("filter", filter);
        model.addAttribute("year", year);
        model.addAttribute("years", years());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("unitChoices", unitChoices(view, unit));
        // the map draws the latest MAP_LIMIT placed incidents and says so when there are more
        model.addAttribute("placedTotal", incidents.placed(view, filter, 0).total());
        model.addAttribute("mapLimit", MAP_LIMIT);
        model.addAttribute(
                "boundaryUnit",
                boundaryUnit != null && boundaries.hasMap(view, boundaryUnit, Dates.today()) ? boundaryUnit : null);
        return "order/mapIncidents";
    }

    @GetMapping(path = "/order/incidents/map.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> points(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String kind) {
        IncidentFilter filter = IncidentRequests.filter(
                unit, null, year, null, null, kind == null ? null : List.of(kind), null, null, null);
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Incident i :
                incidents.placed(CurrentCaller.view(), filter, MAP_LIMIT).incidents()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", i.id());
            properties.put("unitId", i.unitId());
            properties.put("kind", i.kind().name());
            properties.put(
                    "category",
                    incidents
                            .category(i.categoryCode())
                            .map(c -> c.name(locale))
                            .orElse(i.categoryCode()));
            properties.put("occurredAt", Formatting.DATE_TIME.format(i.occurredAt()));
            properties.put("url", "/order/units/" + i.unitId() + "/incidents/" + i.id());
            features.add(Map.of(
                    "type",
                    "Feature",
                    "geometry",
                    Map.of("type", "Point", "coordinates", List.of(i.longitude(), i.latitude())),
                    "properties",
                    properties));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping(path = "/order/incidents/boundaries.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String boundaries(@RequestParam(required = false) Long unit) {
        if (unit == null || !boundaries.hasMap(CurrentCaller.view(), unit, Dates.today())) {
            return "{\"type\":\"FeatureCollection\",\"features\":[]}";
        }
        return boundaries.mapJson(CurrentCaller.view(), unit, Dates.today());
    }

    // ---- import ------------------------------------------------------------------------------

    /** One bad row as the page shows it. */
    record Problem(int line, String column, String message) {}

    @GetMapping("/order/incidents/import")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String importForm(Model model) {
        model.addAttribute("columns", IncidentImports.HEADER);
        return "order/importIncidents";
    }

    @PostMapping(path = "/order/incidents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String upload(@RequestPart(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", IncidentImports.HEADER);
        model.addAttribute(
                "fileName", file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new Problem(1, null, requests.text("order.import.empty"))));
            return "order/importIncidents";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("imported", imports.importFile(CurrentCaller.get(), name, in));
        } catch (IncidentImportRefusedException e) {
            model.addAttribute(
                    "problems",
                    e.rows().stream()
                            .map(p ->
                                    new Problem(p.line(), p.column(), refusals.why(p, LocaleContextHolder.getLocale())))
                            .toList());
        }
        return "order/importIncidents";
    }

    @GetMapping("/order/incidents/import/template.csv")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    ResponseEntity<byte[]> template() {
        List<UnitView> recordable = incidents.recordableUnits(CurrentCaller.get());
        String unit =
                recordable.isEmpty() ? "1" : Long.toString(recordable.get(0).id());
        String text = "\uFEFF" + String.join(",", IncidentImports.HEADER) + "\n" + unit
                + ",CRIME_THEFT,LESS_SERIOUS,,31/10/2017 23:59,01/11/2017 08:00,PATROL,,,\"Mất trộm xe máy\"\n";
        return IncidentSheet.download(
                "vu-viec-mau.csv", "text/csv; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private List<Row> rows(List<Incident> list) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = new HashMap<>();
        return list.stream().map(i -> row(i, names, locale)).toList();
    }

    /** An incident with its unit's name (looked up once per unit in {@code names}) and its category's. */
    private Row row(Incident i, Map<Long, String> names, Locale locale) {
        String unitName = names.computeIfAbsent(
                i.unitId(),
                id -> units.latest(CurrentCaller.view(), id).map(UnitView::name).orElse("#" + id));
        return new Row(
                i,
                unitName,
                incidents.category(i.categoryCode()).map(c -> c.name(locale)).orElse(i.categoryCode()));
    }

    /** The catalogue as groups with their categories (a group is a category too, listed first). */
    private List<CategoryGroup> groups() {
        List<CategoryGroup> groups = new ArrayList<>();
        Map<String, List<IncidentCategory>> children = new LinkedHashMap<>();
        for (IncidentCategory c : incidents.categories()) {
            if (c.group()) {
                List<IncidentCategory> list = new ArrayList<>();
                list.add(c);
                children.put(c.code(), list);
                groups.add(new CategoryGroup(c, list));
            }
        }
        for (IncidentCategory c : incidents.categories()) {
            if (!c.group()) {
                Optional.ofNullable(children.get(c.parentCode())).ifPresent(l -> l.add(c));
            }
        }
        return groups;
    }

    /** The units a list can be narrowed to: the roots of the view scope and the units one level under them. */
    private List<UnitView> unitChoices(Scope view, Long chosen) {
        LocalDate today = Dates.today();
        List<UnitView> choices = new ArrayList<>();
        for (UnitView root : units.roots(view, today)) {
            choices.add(root);
            if (!view.wholeCountry()) {
                choices.addAll(units.children(view, root.id(), today));
            }
        }
        if (chosen != null && choices.stream().noneMatch(u -> u.id() == chosen)) {
            units.latest(view, chosen).ifPresent(u -> choices.add(0, u));
        }
        return choices;
    }

    /** {@code name=value} for each value given (none for null or blank), URL-encoded. */
    private static void param(List<String> query, String name, Object value) {
        if (value instanceof Collection<?> values) {
            values.forEach(v -> param(query, name, v));
        } else if (value != null && !value.toString().isBlank()) {
            query.add(name + "="
                    + URLEncoder.encode(
                            value instanceof Enum<?> e ? e.name() : value.toString(), StandardCharsets.UTF_8));
        }
    }

    /**
     * What a filter asks beyond the page's single choices (several categories, kinds or severities, a
     * cause), in words: the link behind a sum of counts opens such a list.
     */
    private List<String> several(IncidentFilter filter) {
        List<String> chosen = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        if (filter.categoryCodes().size() > 1) {
            chosen.add(requests.text(
                    "order.incidents.filter.chosen",
                    requests.text("order.incident.field.categoryCode"),
                    String.join(
                            ", ",
                            filter.categoryCodes().stream()
                                    .sorted()
                                    .map(c -> incidents
                                            .category(c)
                                            .map(x -> x.name(locale))
                                            .orElse(c))
                                    .toList())));
        }
        if (filter.kinds().size() > 1) {
            chosen.add(requests.text(
                    "order.incidents.filter.chosen",
                    requests.text("order.incident.field.kind"),
                    String.join(
                            ", ",
                            filter.kinds().stream()
                                    .sorted()
                                    .map(k -> requests.text("order.incident.kind." + k.name()))
                                    .toList())));
        }
        if (filter.severities().size() > 1) {
            chosen.add(requests.text(
                    "order.incidents.filter.chosen",
                    requests.text("order.incident.field.severity"),
                    String.join(
                            ", ",
                            IncidentKind.CRIME_CLASSES.stream()
                                    .filter(filter.severities()::contains)
                                    .map(v -> requests.text("order.incident.severity." + v))
                                    .toList())));
        }
        if (filter.subjectiveCause() != null) {
            chosen.add(requests.text(
                    filter.subjectiveCause()
                            ? "order.incidents.filter.subjective"
                            : "order.incidents.filter.notSubjective"));
        }
        return chosen;
    }

    private static List<Integer> years() {
        int current = Period.residentialAreaOn(Dates.today()).year();
        List<Integer> years = new ArrayList<>();
        for (int y = current; y >= 2015; y--) {
            years.add(y);
        }
        return years;
    }

    static String nowInVietnam() {
        return LocalDateTime.now(Dates.clock()).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_INPUT);
    }

    /** A {@code datetime-local} value, read as Vietnam's time. */
    static OffsetDateTime parseLocal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(Dates.VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Times as the pages write them. */
    static final class Formatting {
        static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

        private Formatting() {}
    }
}
