package vn.tuquan.order.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.HotspotRefusedException;
import vn.tuquan.order.Hotspots;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitView;

/**
 * The hotspot pages: the list under a unit with the status counts on a chosen date and the
 * designation form, its Excel export, a hotspot with its status timeline and the forms to change its
 * status or remove it, and the map of hotspots coloured by status.
 */
@Controller
@Requires(Permission.ORDER_READ)
class HotspotPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Hotspots hotspots;
    private final Campaigns campaigns;
    private final HotspotPageSupport support;
    private final SheetExports exports;
    private final UnitBoundaries boundaries;

    HotspotPages(
            Hotspots hotspots,
            Campaigns campaigns,
            HotspotPageSupport support,
            SheetExports exports,
            UnitBoundaries boundaries) {
        this.hotspots = hotspots;
        this.campaigns = campaigns;
        this.support = support;
        this.exports = exports;
        this.boundaries = boundaries;
    }

    @GetMapping("/order/hotspots")
    String list(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(defaultValue = "false") boolean unsettled,
            @RequestParam(defaultValue = "false") boolean countedHere,
            Model model) {
        FactWindow window = FactWindow.parse(periodOf);
        return showList(
                unit,
                on,
                window,
                year == null ? null : window.period(year),
                kind,
                status,
                q,
                unsettled,
                countedHere,
                HotspotDesignationInput.EMPTY,
                null,
                model);
    }

    /**
     * The list on a day ({@code on}, today when none) over today's tree; or, for a period, on its last
     * day over the tree its facts were counted on ({@link FactWindow}): the hotspots a count of the
     * period counted.
     */
    private String showList(
            Long unitId,
            LocalDate on,
            FactWindow window,
            Period period,
            String kind,
            String status,
            String q,
            boolean unsettled,
            boolean countedHere,
            HotspotDesignationInput input,
            HotspotRefusedException error,
            Model model) {
        Caller caller = CurrentCaller.get();
        UnitView unit = support.unit(caller.view(), unitId);
        LocalDate date = period != null ? period.to() : on == null ? Dates.today() : on;
        LocalDate tree = period != null ? FactWindow.treeOn(period.year()) : Dates.today();
        Hotspot.Filter base = filter(kind, status, q);
        Hotspot.Filter filter =
                new Hotspot.Filter(base.kind(), base.status(), base.text(), base.withRemoved(), unsettled, countedHere);
        List<Hotspot> list = hotspots.under(caller.view(), unit.id(), date, tree, filter);
        model.addAttribute("unit", unit);
        model.addAttribute("on", date);
        model.addAttribute("period", period);
        model.addAttribute("window", window);
        model.addAttribute("filter", filter);
        model.addAttribute("counts", hotspots.counts(caller.view(), unit.id(), date, tree));
        model.addAttribute("hotspots", list);
        model.addAttribute(
                "unitNames",
                support.names(
                        caller.view(),
                        list.stream().flatMap(h -> h.unitIds().stream()).toList()));
        model.addAttribute("choices", support.choices(caller.view(), unit));
        model.addAttribute("coverable", support.coverable(caller.view(), unit));
        model.addAttribute("canWrite", support.canWrite(caller, unit));
        model.addAttribute("kinds", Hotspot.Kind.values());
        model.addAttribute("statuses", Hotspot.Status.values());
        model.addAttribute("input", input);
        model.addAttribute("inputUnits", input.unitIds() == null ? List.of() : input.unitIds());
        model.addAttribute("error", error);
        return "order/listHotspots";
    }

    @PostMapping("/order/units/{unitId}/hotspots")
    @Requires(Permission.ORDER_WRITE)
    String designate(
            @PathVariable long unitId,
            @ModelAttribute("input") HotspotDesignationInput input,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = support.unit(CurrentCaller.view(), unitId);
        try {
            Hotspot hotspot = hotspots.designate(CurrentCaller.get(), unit.id(), HotspotInput.hotspot(input));
            redirect.addFlashAttribute("saved", "designated");
            return "redirect:/order/units/" + unit.id() + "/hotspots/" + hotspot.id();
        } catch (HotspotRefusedException e) {
            return showList(
                    unit.id(),
                    null,
                    FactWindow.RESIDENTIAL_AREA,
                    null,
                    null,
                    null,
                    null,
                    false,
                    false,
                    input,
                    e,
                    model);
        }
    }

    @GetMapping("/order/units/{unitId}/hotspots/{hotspotId:\\d+}")
    String show(@PathVariable long unitId, @PathVariable long hotspotId, Model model) {
        return showHotspot(unitId, hotspotId, null, null, model);
    }

    /**
     * The hotspot's page; after a refusal, the refused form ({@code errorForm}) shows what was typed: the
     * model holds it as bound ({@code statusForm}, {@code correctionForm} or {@code removalForm}), the
     * other forms empty.
     */
    private String showHotspot(
            long unitId, long hotspotId, String errorForm, HotspotRefusedException error, Model model) {
        Caller caller = CurrentCaller.get();
        UnitView unit = support.unit(caller.view(), unitId);
        LocalDate today = Dates.today();
        Hotspot hotspot = hotspots.find(caller.view(), unit.id(), hotspotId, today);
        model.addAttribute("unit", unit);
        model.addAttribute("hotspot", hotspot);
        List<Hotspot.StatusPeriod> history = new ArrayList<>(hotspots.history(caller.view(), unit.id(), hotspotId));
        Collections.reverse(history);
        model.addAttribute("history", history);
        model.addAttribute("unitNames", support.names(caller.view(), hotspot.unitIds()));
        model.addAttribute("campaigns", campaigns.ofHotspot(caller.view(), unit.id(), hotspotId));
        model.addAttribute("counts", hotspots.counts(caller.view(), unit.id(), today));
        model.addAttribute(
                "canWrite",
                support.canWrite(caller, unit)
                        && hotspot.removedOn() == null
                        && hotspot.unitIds().stream()
                                .allMatch(u -> support.canWrite(caller, support.unit(Scope.WHOLE_COUNTRY, u))));
        model.addAttribute("statuses", Hotspot.Status.values());
        model.addAttribute("kinds", Hotspot.Kind.values());
        Map<Long, String> coverable = new LinkedHashMap<>();
        support.coverable(caller.view(), unit).forEach(u -> coverable.put(u.id(), u.name()));
        hotspot.unitIds()
                .forEach(u -> coverable.putIfAbsent(
                        u, support.names(caller.view(), List.of(u)).get(u)));
        model.addAttribute("coverable", coverable);
        model.addAttribute(
                "statusForm",
                model.containsAttribute("statusForm") ? model.getAttribute("statusForm") : HotspotStatusInput.EMPTY);
        model.addAttribute(
                "removalForm",
                model.containsAttribute("removalForm") ? model.getAttribute("removalForm") : HotspotRemovalInput.EMPTY);
        HotspotCorrectionInput correction = (HotspotCorrectionInput) model.getAttribute("correctionForm");
        model.addAttribute("correctionForm", correction == null ? HotspotCorrectionInput.EMPTY : correction);
        if ("correction".equals(errorForm)) {
            model.addAttribute("inputUnits", correction.unitIds() == null ? List.of() : correction.unitIds());
        } else {
            model.addAttribute(
                    "inputUnits",
                    hotspot.unitIds().stream().map(String::valueOf).toList());
        }
        model.addAttribute("today", today);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("error", error);
        return "order/showHotspot";
    }

    @PostMapping("/order/units/{unitId}/hotspots/{hotspotId:\\d+}/status")
    @Requires(Permission.ORDER_WRITE)
    String changeStatus(
            @PathVariable long unitId,
            @PathVariable long hotspotId,
            @ModelAttribute("statusForm") HotspotStatusInput input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                hotspotId,
                "status",
                model,
                redirect,
                unit -> hotspots.changeStatus(CurrentCaller.get(), unit, hotspotId, HotspotInput.status(input)));
    }

    @PostMapping("/order/units/{unitId}/hotspots/{hotspotId:\\d+}/correction")
    @Requires(Permission.ORDER_WRITE)
    String correct(
            @PathVariable long unitId,
            @PathVariable long hotspotId,
            @ModelAttribute("correctionForm") HotspotCorrectionInput input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                hotspotId,
                "correction",
                model,
                redirect,
                unit -> hotspots.correct(CurrentCaller.get(), unit, hotspotId, HotspotInput.correction(input)));
    }

    @PostMapping("/order/units/{unitId}/hotspots/{hotspotId:\\d+}/status/withdrawal")
    @Requires(Permission.ORDER_WRITE)
    String withdrawLastStatus(
            @PathVariable long unitId, @PathVariable long hotspotId, Model model, RedirectAttributes redirect) {
        return attempt(
                unitId,
                hotspotId,
                "withdrawal",
                model,
                redirect,
                unit -> hotspots.withdrawLastStatus(CurrentCaller.get(), unit, hotspotId));
    }

    @PostMapping("/order/units/{unitId}/hotspots/{hotspotId:\\d+}/removal")
    @Requires(Permission.ORDER_WRITE)
    String remove(
            @PathVariable long unitId,
            @PathVariable long hotspotId,
            @ModelAttribute("removalForm") HotspotRemovalInput input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                hotspotId,
                "removal",
                model,
                redirect,
                unit -> hotspots.remove(CurrentCaller.get(), unit, hotspotId, HotspotInput.removal(input)));
    }

    /** Runs a write on a hotspot: back to its page with a notice, or its page with the refusal beside the form. */
    private String attempt(
            long unitId, long hotspotId, String form, Model model, RedirectAttributes redirect, LongConsumer write) {
        UnitView unit = support.unit(CurrentCaller.view(), unitId);
        try {
            write.accept(unit.id());
            redirect.addFlashAttribute("saved", "removal".equals(form) ? "removed" : form);
            return "redirect:/order/units/" + unit.id() + "/hotspots/" + hotspotId;
        } catch (HotspotRefusedException e) {
            return showHotspot(unit.id(), hotspotId, form, e, model);
        }
    }

    @GetMapping(path = "/order/hotspots.xlsx", produces = SheetExports.XLSX)
    void export(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        Scope view = CurrentCaller.view();
        UnitView root = support.unit(view, unit);
        LocalDate date = on == null ? Dates.today() : on;
        Hotspot.Filter filter = filter(kind, status, q);
        Map<Long, String> names = new HashMap<>();
        SheetExports.Layout layout = SheetExports.Layout.of(
                        "order.hotspots.sheet",
                        List.of(
                                "order.hotspot.name",
                                "order.hotspot.kind",
                                "order.hotspot.units",
                                "order.hotspot.designatedOn",
                                "order.hotspot.designatedBy",
                                "order.hotspot.designationNumber",
                                "order.hotspot.statusOn",
                                "order.hotspot.since",
                                "order.hotspot.removedOn",
                                "order.hotspot.removedBy",
                                "order.hotspot.removalNumber",
                                "order.hotspot.latitude",
                                "order.hotspot.longitude",
                                "order.hotspot.notes"))
                .titled(support.message("order.hotspots.sheetTitle", root.name(), MessageArguments.display(date)));
        exports.send(
                response,
                "dia-ban-trong-diem-" + root.id() + "-" + date + ".xlsx",
                layout,
                rows -> hotspots.each(view, root.id(), date, filter, h -> {
                    names.putAll(support.names(
                            view,
                            h.unitIds().stream()
                                    .filter(id -> !names.containsKey(id))
                                    .toList()));
                    rows.row(
                            h.name(),
                            support.message("order.hotspot.kind." + h.kind()),
                            String.join(
                                    "; ", h.unitIds().stream().map(names::get).toList()),
                            h.designatedOn(),
                            h.designatedBy(),
                            h.designationNumber(),
                            h.onListOn(date) && h.status() != null
                                    ? support.message("order.hotspot.status." + h.status())
                                    : null,
                            h.onListOn(date) ? h.statusSince() : null,
                            h.removedOn(),
                            h.removedBy(),
                            h.removalNumber(),
                            h.latitude(),
                            h.longitude(),
                            h.notes());
                }));
    }

    @GetMapping("/order/hotspots/map")
    String map(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            Model model) {
        Scope view = CurrentCaller.view();
        UnitView root = support.unit(view, unit);
        LocalDate date = on == null ? Dates.today() : on;
        List<Hotspot> onList = hotspots.under(view, root.id(), date, new Hotspot.Filter(null, null, null, false));
        model.addAttribute("unit", root);
        model.addAttribute("on", date);
        model.addAttribute("choices", support.choices(view, root));
        model.addAttribute("counts", hotspots.counts(view, root.id(), date));
        model.addAttribute(
                "unplaced", onList.stream().filter(h -> h.latitude() == null).toList());
        return "order/showHotspotMap";
    }

    /**
     * The map's data as GeoJSON: the unit's boundary and its children's (role {@code context}) when the
     * units module holds them, and for each hotspot on the list on the date the boundaries of its units
     * (when held) and its point (when recorded), with its status.
     */
    @GetMapping(path = "/order/units/{unitId}/hotspots/map.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String mapJson(
            @PathVariable long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Scope view = CurrentCaller.view();
        UnitView root = support.unit(view, unitId);
        LocalDate date = on == null ? Dates.today() : on;
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (JsonNode context : JSON.readTree(boundaries.mapJson(view, root.id(), shownOn(root, date)))
                .path("features")) {
            ((ObjectNode) context.path("properties")).put("role", "context");
            features.add(context);
        }
        List<Hotspot> onList = hotspots.under(view, root.id(), date, new Hotspot.Filter(null, null, null, false));
        Set<Long> covered = new LinkedHashSet<>();
        onList.forEach(h -> covered.addAll(h.unitIds()));
        Map<Long, JsonNode> shapes = new LinkedHashMap<>();
        for (long id : covered) {
            // only official units (provinces, districts, communes) have boundaries; a unit outside the view is not
            // drawn
            if (!support.names(view, List.of(id)).get(id).equals(support.message("order.hotspots.outside"))
                    && support.unit(view, id).kind().official()) {
                UnitView unit = support.unit(view, id);
                for (JsonNode f : JSON.readTree(boundaries.mapJson(view, id, shownOn(unit, date)))
                        .path("features")) {
                    if ("unit".equals(f.path("properties").path("role").asString(""))) {
                        shapes.put(id, f.path("geometry"));
                    }
                }
            }
        }
        for (Hotspot h : onList) {
            List<JsonNode> geometries = new ArrayList<>();
            h.unitIds().stream().map(shapes::get).filter(Objects::nonNull).forEach(geometries::add);
            if (h.latitude() != null) {
                ObjectNode point = JSON.createObjectNode().put("type", "Point");
                point.putArray("coordinates").add(h.longitude()).add(h.latitude());
                geometries.add(point);
            }
            for (JsonNode geometry : geometries) {
                ObjectNode feature = features.addObject().put("type", "Feature");
                feature.set("geometry", geometry);
                feature.putObject("properties")
                        .put("role", "hotspot")
                        .put("id", h.id())
                        .put("name", h.name())
                        .put("status", h.status().name())
                        .put("statusName", support.message("order.hotspot.status." + h.status()))
                        .put("kindName", support.message("order.hotspot.kind." + h.kind()))
                        .put("url", "/order/units/" + root.id() + "/hotspots/" + h.id());
            }
        }
        return JSON.writeValueAsString(collection);
    }

    /** The date a unit's boundary is drawn for: the date asked, or the nearest day the unit existed. */
    private static LocalDate shownOn(UnitView unit, LocalDate date) {
        if (unit.validOn(date)) {
            return date;
        }
        return date.isBefore(unit.validFrom()) || unit.validTo() == null
                ? unit.validFrom()
                : unit.validTo().minusDays(1);
    }

    private static Hotspot.Filter filter(String kind, String status, String q) {
        try {
            return new Hotspot.Filter(
                    HotspotInput.choice(Hotspot.Kind.class, kind, "kind"),
                    HotspotInput.choice(Hotspot.Status.class, status, "status"),
                    q,
                    true);
        } catch (HotspotRefusedException e) {
            return Hotspot.Filter.ALL;
        }
    }
}
