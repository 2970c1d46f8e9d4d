package vn.tuquan.statistics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.statistics.Figures;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.statistics.Statistics;
import vn.tuquan.statistics.StatisticsRefusedException;
import vn.tuquan.statistics.Trend;
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.statistics.web.StatisticsViews.Cell;
import vn.tuquan.statistics.web.StatisticsViews.Row;
import vn.tuquan.units.SearchHit;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * "Thống kê, báo cáo": the figures of a unit and a year (the caller's own unit and the year in force
 * by default, both in the URL), its children's, a trend of ten years, and the units behind a count
 * of units. Every number links to the records it counts.
 */
@Controller
@Requires(Permission.REPORTS_READ)
class StatisticsPages {

    /** Years of the trend, the year shown included. */
    static final int TREND_YEARS = 10;

    /** Suggestions of the unit picker as one types. */
    static final int SUGGESTIONS = 10;

    private final Statistics statistics;
    private final Units units;
    private final MessageSource messages;
    private final UnitBoundaries boundaries;
    private final ModelTypes modelTypes;

    StatisticsPages(
            Statistics statistics,
            Units units,
            MessageSource messages,
            UnitBoundaries boundaries,
            ModelTypes modelTypes) {
        this.modelTypes = modelTypes;
        this.statistics = statistics;
        this.units = units;
        this.messages = messages;
        this.boundaries = boundaries;
    }

    /**
     * A year of the trend: its numbers and the bar's length in per cent of the largest; {@code self} when they
     * are the unit's own (else they are not links), {@code note} where they come from when not (null when they do).
     */
    record TrendRow(
            int year,
            Map<String, Cell> cells,
            long chartValue,
            int bar,
            boolean self,
            boolean comparable,
            String note) {

        public Cell cell(String code) {
            return cells.get(code);
        }
    }

    record Choice(long id, String name, String kind) {}

    /**
     * The subject of the page of the caller's whole view scope: {@code id} is {@code all} (the pages' links
     * keep it: {@code /statistics?unit=all&year=}), {@code kind} {@code COUNTRY} or {@code SCOPE}.
     */
    record ScopeSubject(String id, String kind) {}

    @GetMapping("/statistics")
    String dashboard(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String chart,
            Model model) {
        Caller caller = CurrentCaller.get();
        int y = year == null ? Statistics.currentYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", hits(caller, q, y, 20));
        }
        long shown;
        boolean wholeScope = RecordLinks.SCOPE.equals(unit);
        if (unit == null || unit.isBlank() || wholeScope) {
            List<UnitView> roots = statistics.scopeRoots(caller, y);
            if (roots.size() == 1 && !caller.view().wholeCountry()) {
                shown = roots.get(0).id();
                if (wholeScope) {
                    // one root (the country's scope is the country's, even of one province): that unit's page
                    return "redirect:/statistics?unit=" + shown + "&year=" + y
                            + Indicator.of(chart).map(i -> "&chart=" + i.code()).orElse("");
                }
            } else {
                model.addAttribute(
                        "roots",
                        roots.stream()
                                .map(r -> new Choice(
                                        r.id(),
                                        StatisticsViews.name(r),
                                        r.kind().name()))
                                .toList());
                return roots.isEmpty() ? "statistics/showStatistics" : scope(caller, y, chart, model);
            }
        } else {
            shown = unitId(unit);
        }
        Statistics.Breakdown breakdown = statistics.children(caller, shown, y);
        UnitView u = breakdown.unit();
        Figures total = breakdown.total();
        model.addAttribute("unit", u);
        model.addAttribute("unitName", StatisticsViews.name(u));
        model.addAttribute("f", StatisticsViews.cells(total, u, y, caller));
        model.addAttribute("aboveCommune", u.kind() != UnitKind.COMMUNE && total.get(Indicator.COMMUNES) > 0);
        shares(model, total);
        model.addAttribute(
                "modelTypes",
                StatisticsViews.modelTypes(
                        statistics.modelsByType(caller, u.id(), y),
                        modelTypes.all(),
                        u,
                        y,
                        caller,
                        LocaleContextHolder.getLocale()));
        model.addAttribute("parentId", up(caller, u, y));
        List<Row> rows = StatisticsViews.rows(breakdown.children(), y, caller);
        if (StatisticsViews.anyRecord(breakdown.own())) {
            rows.add(new Row(u.id(), null, u.kind().name(), true, StatisticsViews.ownCells(breakdown.own())));
        }
        model.addAttribute("rows", rows);
        tableColumns(model);

        Indicator charted = Indicator.of(chart).orElse(Indicator.CRIMES);
        int from = Math.max(Summaries.FIRST_YEAR, y - TREND_YEARS + 1);
        Trend trend = statistics.trendWithPredecessors(caller, shown, from, y);
        long max = 0;
        for (Figures f : trend.figures().values()) {
            max = Math.max(max, f.get(charted));
        }
        List<TrendRow> trendRows = new ArrayList<>();
        for (Trend.Year t : trend.years()) {
            long v = t.comparable() ? t.figures().get(charted) : 0;
            boolean self = t.source() == Trend.Source.SELF;
            trendRows.add(new TrendRow(
                    t.year(),
                    self
                            ? StatisticsViews.cells(t.figures(), u, t.year(), caller)
                            : t.comparable() ? StatisticsViews.plainCells(t.figures()) : Map.of(),
                    v,
                    max == 0 ? 0 : (int) Math.round(100.0 * v / max),
                    self,
                    t.comparable(),
                    StatisticsViews.trendNote(t, messages, LocaleContextHolder.getLocale())));
        }
        model.addAttribute("trend", trendRows);
        model.addAttribute("chart", charted.code());
        model.addAttribute(
                "chartable",
                List.of(Indicator.values()).stream().map(Indicator::code).toList());
        Figures previous = trend.figures().get(y - 1);
        model.addAttribute("previousYear", y - 1);
        model.addAttribute(
                "crimeChange", previous == null ? null : total.get(Indicator.CRIMES) - previous.get(Indicator.CRIMES));
        LocalDate day = Statistics.treeOn(y);
        chartsAndMap(
                model,
                y,
                charted,
                rows,
                trendRows,
                () -> boundaries.hasMap(caller.view(), u.id(), day)
                        ? boundaries.mapJson(caller.view(), u.id(), day)
                        : null);
        return "statistics/showStatistics";
    }

    /**
     * Where "up" goes from a unit's page: its parent; from a root of the caller's scope, the page of the whole
     * scope ({@code all}) when the scope is the country's or has several roots, else nowhere (the parent is
     * outside the scope).
     */
    private Object up(Caller caller, UnitView u, int y) {
        if (caller.view().wholeCountry()) {
            return u.parentId() == null ? RecordLinks.SCOPE : u.parentId();
        }
        List<UnitView> roots = statistics.scopeRoots(caller, y);
        if (roots.stream().noneMatch(r -> r.id() == u.id())) {
            return u.parentId();
        }
        return roots.size() > 1 ? RecordLinks.SCOPE : null;
    }

    /** A unit's id from the URL ({@code all} is read before), refused when it is not a number. */
    static long unitId(String unit) {
        try {
            return Long.parseLong(unit.strip());
        } catch (NumberFormatException e) {
            throw new StatisticsRefusedException("unit", "statistics.error.unit", unit);
        }
    }

    /**
     * The page of the caller's whole view scope (docs/statistics.md, "The caller's whole scope"): the country,
     * or the roots of a scope of several, with the same cards, the roots as the children's table, the charts and
     * the trend; the list of roots stays above as a quick way to open one.
     */
    private String scope(Caller caller, int y, String chart, Model model) {
        Statistics.ScopeFigures scope = statistics.scope(caller, y);
        Figures total = scope.total();
        String name = messages.getMessage(
                scope.wholeCountry() ? "statistics.page.country" : "statistics.page.scope",
                null,
                LocaleContextHolder.getLocale());
        model.addAttribute("scope", true);
        model.addAttribute("unit", new ScopeSubject(RecordLinks.SCOPE, scope.wholeCountry() ? "COUNTRY" : "SCOPE"));
        model.addAttribute("unitName", name);
        model.addAttribute("f", StatisticsViews.scopeCells(total, y, caller));
        model.addAttribute("aboveCommune", total.get(Indicator.COMMUNES) > 0);
        shares(model, total);
        // models by type are a live read of a unit's subtree (not of the summaries): each root's page has them
        model.addAttribute("modelTypes", null);
        List<Row> rows = StatisticsViews.rows(scope.roots(), y, caller);
        model.addAttribute("rows", rows);
        tableColumns(model);
        Indicator charted = Indicator.of(chart).orElse(Indicator.CRIMES);
        int from = Math.max(Summaries.FIRST_YEAR, y - TREND_YEARS + 1);
        Map<Integer, Figures> trend = statistics.scopeTrend(caller, from, y);
        long max = 0;
        for (Figures f : trend.values()) {
            max = Math.max(max, f.get(charted));
        }
        List<TrendRow> trendRows = new ArrayList<>();
        for (Figures f : trend.values()) {
            long v = f.get(charted);
            trendRows.add(new TrendRow(
                    f.year(),
                    StatisticsViews.scopeCells(f, f.year(), caller),
                    v,
                    max == 0 ? 0 : (int) Math.round(100.0 * v / max),
                    true,
                    true,
                    null));
        }
        model.addAttribute("trend", trendRows);
        model.addAttribute("chart", charted.code());
        model.addAttribute(
                "chartable",
                List.of(Indicator.values()).stream().map(Indicator::code).toList());
        Figures previous = trend.get(y - 1);
        model.addAttribute("previousYear", y - 1);
        model.addAttribute(
                "crimeChange", previous == null ? null : total.get(Indicator.CRIMES) - previous.get(Indicator.CRIMES));
        List<Long> rootIds = scope.roots().stream().map(r -> r.unit().id()).toList();
        chartsAndMap(model, y, charted, rows, trendRows, () -> {
            String map = boundaries.mapJson(caller.view(), rootIds, Statistics.treeOn(y));
            return map.contains("\"features\":[]") ? null : map;
        });
        return "statistics/showStatistics";
    }

    /**
     * The charts' and the map's data: the trend and the children ranked by the charted indicator, and
     * the children's boundaries coloured in classes of it where the units module holds them.
     */
    private void chartsAndMap(
            Model model, int y, Indicator charted, List<Row> rows, List<TrendRow> trend, Supplier<String> unitsMap) {
        String drill = "/statistics?unit={id}&year=" + y + "&chart=" + charted.code();
        List<StatisticsCharts.Ranked> ranked = StatisticsCharts.ranked(rows, charted.code());
        Map<Integer, Long> values = new LinkedHashMap<>();
        trend.stream().filter(TrendRow::comparable).forEach(t -> values.put(t.year(), t.chartValue()));
        model.addAttribute("ranked", ranked);
        model.addAttribute("chartData", StatisticsCharts.chartJson(charted.code(), values, ranked, drill));
        List<StatisticsCharts.MapClass> classes = StatisticsCharts.classes(
                ranked.stream().map(StatisticsCharts.Ranked::value).toList());
        List<String> unmapped = new ArrayList<>();
        String map = null;
        String boundariesJson = ranked.isEmpty() ? null : unitsMap.get();
        if (boundariesJson != null) {
            map = StatisticsCharts.mapJson(boundariesJson, ranked, classes, drill, unmapped);
        }
        model.addAttribute("mapData", map);
        model.addAttribute("mapClasses", classes);
        model.addAttribute("unmapped", map == null ? List.of() : unmapped);
    }

    /**
     * The unit picker's suggestions as one types (htmx): the units' search, ignoring case and
     * diacritics, within the caller's scope as the tree stood on the year's last day.
     */
    @GetMapping("/statistics/suggestions")
    String suggestions(
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer year, Model model) {
        // a year the statistics do not count suggests on the current tree (the page then refuses the year)
        int y = year == null || year < Summaries.FIRST_YEAR || year > Statistics.currentYear() + 1
                ? Statistics.currentYear()
                : year;
        model.addAttribute("year", y);
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", hits(CurrentCaller.get(), q, y, SUGGESTIONS));
        }
        return "statistics/showStatistics :: hits";
    }

    private List<Choice> hits(Caller caller, String q, int year, int limit) {
        List<Choice> hits = new ArrayList<>();
        for (SearchHit hit :
                units.search(caller.view(), q, Statistics.treeOn(year), Set.of(), Optional.empty(), limit)) {
            hits.add(new Choice(
                    hit.unit().id(), hit.fullName(), hit.unit().kind().name()));
        }
        return hits;
    }

    /** The units a count of units counts: as many rows as the number that links here. */
    @GetMapping("/statistics/units")
    String countedUnits(
            @RequestParam String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam String indicator,
            Model model) {
        Caller caller = CurrentCaller.get();
        int y = year == null ? Statistics.currentYear() : year;
        boolean wholeScope = RecordLinks.SCOPE.equals(unit);
        Long unitId = wholeScope ? null : unitId(unit);
        if (wholeScope) {
            boolean country = caller.view().wholeCountry();
            model.addAttribute("unit", new ScopeSubject(RecordLinks.SCOPE, country ? "COUNTRY" : "SCOPE"));
            model.addAttribute(
                    "unitName",
                    messages.getMessage(
                            country ? "statistics.page.country" : "statistics.page.scope",
                            null,
                            LocaleContextHolder.getLocale()));
        } else {
            UnitView u = statistics.unit(caller, unitId, y);
            model.addAttribute("unit", u);
            model.addAttribute("unitName", StatisticsViews.name(u));
        }
        Indicator counted = Indicator.of(indicator)
                .orElseThrow(
                        () -> new StatisticsRefusedException("indicator", "statistics.error.indicator", indicator));
        List<Choice> found = (wholeScope
                        ? statistics.countedUnitsInScope(caller, y, counted)
                        : statistics.countedUnits(caller, unitId, y, counted))
                .stream()
                        .map(c -> new Choice(
                                c.id(), StatisticsViews.name(c), c.kind().name()))
                        .toList();
        model.addAttribute("year", y);
        model.addAttribute("indicator", counted.code());
        model.addAttribute("found", found);
        return "statistics/listCountedUnits";
    }

    /** The columns of the children's table, and those that count units. */
    private static void tableColumns(Model model) {
        model.addAttribute(
                "columns", StatisticsViews.COLUMNS.stream().map(Indicator::code).toList());
        model.addAttribute(
                "unitColumns",
                StatisticsViews.COLUMNS.stream()
                        .filter(Indicator::countsUnits)
                        .map(Indicator::code)
                        .toList());
    }

    /** The shares the cards show beside their numbers. */
    private static void shares(Model model, Figures total) {
        model.addAttribute(
                "registeredShare",
                StatisticsViews.share(total.get(Indicator.HOUSEHOLDS_REGISTERED), total.get(Indicator.HOUSEHOLDS)));
        model.addAttribute(
                "reconciledShare",
                StatisticsViews.share(total.get(Indicator.MEDIATIONS_RECONCILED), total.get(Indicator.MEDIATIONS)));
        model.addAttribute(
                "catholicShare",
                StatisticsViews.share(
                        total.get(Indicator.CATHOLIC_FAMILIES_TITLED), total.get(Indicator.HOUSEHOLDS_CATHOLIC)));
    }
}
