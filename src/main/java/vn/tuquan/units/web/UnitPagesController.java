package vn.tuquan.units.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The units area: the tree as of a date with search ({@code /units}), a unit's page with its
 * timeline and map ({@code /units/{id}}), and the fragments and map data those pages load.
 */
@Controller
@RequestMapping("/units")
@Requires(Permission.UNITS_READ)
class UnitPagesController {

    static final int SEARCH_LIMIT = 20;
    static final ZoneId VIETNAM = Dates.VIETNAM;

    private final Units units;
    private final UnitTree tree;
    private final UnitTimeline timeline;
    private final UnitBoundaries boundaries;

    UnitPagesController(Units units, UnitTree tree, UnitTimeline timeline, UnitBoundaries boundaries) {
        this.units = units;
        this.tree = tree;
        this.timeline = timeline;
        this.boundaries = boundaries;
    }

    @GetMapping
    String browse(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String q,
            Model model) {
        LocalDate date = asOf == null ? today() : asOf;
        List<UnitView> provinces = units.roots(CurrentCaller.view(), date);
        model.addAttribute("asOf", date);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("nodes", provinces);
        model.addAttribute(
                "childCounts",
                tree.childCounts(provinces.stream().map(UnitView::id).toList(), date));
        addSearch(q, date, model);
        return "units/browseUnits";
    }

    @GetMapping("/{id:\\d+}/children")
    String children(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOf == null ? today() : asOf;
        List<UnitView> children = units.children(CurrentCaller.view(), id, date);
        model.addAttribute("asOf", date);
        model.addAttribute("nodes", children);
        model.addAttribute(
                "childCounts",
                tree.childCounts(children.stream().map(UnitView::id).toList(), date));
        return "units/browseUnits :: nodes";
    }

    @GetMapping("/search")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        LocalDate date = asOf == null ? today() : asOf;
        if (htmx == null) {
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/units")
                            .queryParam("asOf", date)
                            .queryParam("q", q == null ? "" : q)
                            .encode()
                            .build()
                            .toUriString();
        }
        model.addAttribute("asOf", date);
        addSearch(q, date, model);
        return "units/browseUnits :: searchResults";
    }

    @GetMapping("/{id:\\d+}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOf == null ? today() : asOf;
        Optional<UnitView> onDate = units.find(CurrentCaller.view(), id, date);
        UnitView unit = onDate.or(() -> units.latest(CurrentCaller.view(), id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean exists = onDate.isPresent();
        LocalDate shownOn = exists ? date : unit.validFrom();
        model.addAttribute("asOf", date);
        model.addAttribute("unit", unit);
        model.addAttribute("exists", exists);
        model.addAttribute("shownOn", shownOn);
        model.addAttribute(
                "notYet",
                !exists
                        && unit.validFrom().isAfter(date)
                        && units.history(CurrentCaller.view(), id)
                                .get(0)
                                .validFrom()
                                .isAfter(date));
        model.addAttribute("continuations", exists ? List.of() : continuations(unit, date));
        model.addAttribute("ancestors", units.ancestors(CurrentCaller.view(), id, shownOn));
        List<UnitView> children = exists ? units.children(CurrentCaller.view(), id, date) : List.of();
        model.addAttribute("children", children);
        model.addAttribute(
                "childCounts",
                tree.childCounts(children.stream().map(UnitView::id).toList(), date));
        model.addAttribute("countsByKind", exists ? tree.countsByKind(unit, date) : List.of());
        model.addAttribute("timeline", timeline.of(id));
        model.addAttribute("versions", units.history(CurrentCaller.view(), id));
        model.addAttribute("hasMap", boundaries.hasMap(CurrentCaller.view(), id, shownOn));
        model.addAttribute("canAddLocal", exists && unit.kind() == UnitKind.COMMUNE);
        model.addAttribute("canEdit", exists && !unit.kind().official());
        return "units/showUnit";
    }

    @GetMapping(value = "/{id:\\d+}/map.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String map(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf == null ? today() : asOf;
        UnitView unit = units.find(CurrentCaller.view(), id, date)
                .or(() -> units.latest(CurrentCaller.view(), id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return boundaries.mapJson(CurrentCaller.view(), id, unit.validOn(date) ? date : unit.validFrom());
    }

    /**
     * Where a unit that does not exist on the date lives then: its own continuations, else (a
     * district abolished in 2025 has no successions of its own) those of its last children.
     */
    private List<Continuation> continuations(UnitView unit, LocalDate date) {
        Set<Long> found = new LinkedHashSet<>();
        units.continuationsOn(CurrentCaller.view(), unit.id(), date).forEach(u -> found.add(u.id()));
        if (found.isEmpty() && unit.validTo() != null && !date.isBefore(unit.validTo())) {
            for (UnitView child : units.children(
                    CurrentCaller.view(), unit.id(), unit.validTo().minusDays(1))) {
                units.continuationsOn(CurrentCaller.view(), child.id(), date).forEach(u -> found.add(u.id()));
            }
        }
        return found.stream()
                .map(id -> new Continuation(
                        units.find(CurrentCaller.view(), id, date).orElseThrow(),
                        units.fullName(CurrentCaller.view(), id, date)))
                .toList();
    }

    /** Today in Vietnam: the default date of every page. */
    private static LocalDate today() {
        return Dates.today();
    }

    private void addSearch(String q, LocalDate date, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute(
                "hits",
                text.isEmpty()
                        ? List.of()
                        : units.search(CurrentCaller.view(), text, date, Set.of(), Optional.empty(), SEARCH_LIMIT));
    }

    /** Where a unit that no longer exists lives on the date. */
    record Continuation(UnitView unit, String fullName) {}
}
