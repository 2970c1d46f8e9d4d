package vn.tuquan.statistics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.statistics.web.StatisticsViews.Cell;
import vn.tuquan.statistics.web.StatisticsViews.Row;
import vn.tuquan.units.SearchHit;
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

    private final Statistics statistics;
    private final Units units;
    private final ModelTypes modelTypes;

    StatisticsPages(Statistics statistics, Units units, ModelTypes modelTypes) {
        this.modelTypes = modelTypes;
        this.statistics = statistics;
        this.units = units;
    }

    /** A year of the trend: its numbers and the bar's length in per cent of the largest. */
    record TrendRow(int year, Map<String, Cell> cells, long chartValue, int bar) {

        public Cell cell(String code) {
            return cells.get(code);
        }
    }

    record Choice(long id, String name, String kind) {}

    @GetMapping("/statistics")
    String dashboard(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String chart,
            Model model) {
        Caller caller = CurrentCaller.get();
        int y = year == null ? Statistics.currentYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            List<Choice> hits = new ArrayList<>();
            for (SearchHit hit : units.search(caller.view(), q, Statistics.treeOn(y), Set.of(), Optional.empty(), 20)) {
                hits.add(new Choice(
                        hit.unit().id(), hit.fullName(), hit.unit().kind().name()));
            }
            model.addAttribute("hits", hits);
        }
        Long shown = unit;
        if (shown == null) {
            List<UnitView> roots = units.roots(caller.view(), Statistics.treeOn(y));
            if (roots.size() != 1) {
                model.addAttribute(
                        "roots",
                        roots.stream()
                                .map(r -> new Choice(
                                        r.id(),
                                        StatisticsViews.name(r),
                                        r.kind().name()))
                                .toList());
                return "statistics/showStatistics";
            }
            shown = roots.get(0).id();
        }
        Statistics.Breakdown breakdown = statistics.children(caller, shown, y);
        UnitView u = breakdown.unit();
        Figures total = breakdown.total();
        model.addAttribute("unit", u);
        model.addAttribute("unitName", StatisticsViews.name(u));
        model.addAttribute("f", StatisticsViews.cells(total, u, y, caller));
        model.addAttribute("aboveCommune", u.kind() != UnitKind.COMMUNE && total.get(Indicator.COMMUNES) > 0);
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
        model.addAttribute(
                "modelTypes",
                StatisticsViews.modelTypes(
                        statistics.modelsByType(caller, u.id(), y),
                        modelTypes.all(),
                        u,
                        y,
                        caller,
                        LocaleContextHolder.getLocale()));
        model.addAttribute("parentId", u.parentId());
        List<Row> rows = StatisticsViews.rows(breakdown.children(), y, caller);
        if (StatisticsViews.anyRecord(breakdown.own())) {
            rows.add(new Row(u.id(), null, u.kind().name(), true, StatisticsViews.ownCells(breakdown.own())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute(
                "columns", StatisticsViews.COLUMNS.stream().map(Indicator::code).toList());
        model.addAttribute(
                "unitColumns",
                StatisticsViews.COLUMNS.stream()
                        .filter(Indicator::countsUnits)
                        .map(Indicator::code)
                        .toList());

        Indicator charted = Indicator.of(chart).orElse(Indicator.CRIMES);
        int from = Math.max(Summaries.FIRST_YEAR, y - TREND_YEARS + 1);
        Map<Integer, Figures> trend = statistics.trend(caller, shown, from, y);
        long max = 0;
        for (Figures f : trend.values()) {
            max = Math.max(max, f.get(charted));
        }
        List<TrendRow> trendRows = new ArrayList<>();
        for (Map.Entry<Integer, Figures> e : trend.entrySet()) {
            long v = e.getValue().get(charted);
            trendRows.add(new TrendRow(
                    e.getKey(),
                    StatisticsViews.cells(e.getValue(), u, e.getKey(), caller),
                    v,
                    max == 0 ? 0 : (int) Math.round(100.0 * v / max)));
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
        return "statistics/showStatistics";
    }

    /** The units a count of units counts: as many rows as the number that links here. */
    @GetMapping("/statistics/units")
    String countedUnits(
            @RequestParam long unit,
            @RequestParam(required = false) Integer year,
            @RequestParam String indicator,
            Model model) {
        Caller caller = CurrentCaller.get();
        int y = year == null ? Statistics.currentYear() : year;
        UnitView u = statistics.unit(caller, unit, y);
        Indicator counted = Indicator.of(indicator)
                .orElseThrow(
                        () -> new StatisticsRefusedException("indicator", "statistics.error.indicator", indicator));
        List<Choice> found = statistics.countedUnits(caller, unit, y, counted).stream()
                .map(c -> new Choice(c.id(), StatisticsViews.name(c), c.kind().name()))
                .toList();
        model.addAttribute("unit", u);
        model.addAttribute("unitName", StatisticsViews.name(u));
        model.addAttribute("year", y);
        model.addAttribute("indicator", counted.code());
        model.addAttribute("found", found);
        return "statistics/listCountedUnits";
    }
}
