package vn.tuquan.statistics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.statistics.ChildFigures;
import vn.tuquan.statistics.Figures;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.statistics.Statistics;
import vn.tuquan.statistics.StatisticsRefusedException;
import vn.tuquan.statistics.Trend;
import vn.tuquan.units.UnitView;

/**
 * Every table of the statistics pages as an Excel workbook, with every indicator in a column: the
 * children of a unit (and the unit's own records, and the total), the trend over years, and the units
 * behind a count of units. The same figures as the page, read from the same summaries. The mappings do
 * not declare what they produce, so that a refused question (a bad year) answers 400 with its message
 * as a page would, rather than 406; the workbook sets its own content type.
 */
@Controller
@Requires(Permission.REPORTS_READ)
class StatisticsExports {

    private final Statistics statistics;
    private final SheetExports exports;
    private final MessageSource messages;

    StatisticsExports(Statistics statistics, SheetExports exports, MessageSource messages) {
        this.statistics = statistics;
        this.exports = exports;
        this.messages = messages;
    }

    private static List<String> headers(String first, String second) {
        List<String> headers = new ArrayList<>(List.of(first, second));
        for (Indicator i : Indicator.values()) {
            headers.add(i.messageKey());
        }
        return headers;
    }

    private static List<Object> cells(Object first, Object second, Figures figures) {
        List<Object> cells = new ArrayList<>(List.of(first, second));
        for (Indicator i : Indicator.values()) {
            cells.add(figures.get(i));
        }
        return cells;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @GetMapping("/statistics/children.xlsx")
    void children(@RequestParam String unit, @RequestParam int year, HttpServletResponse response) throws IOException {
        Caller caller = CurrentCaller.get();
        if (RecordLinks.SCOPE.equals(unit)) {
            scopeChildren(caller, year, response);
            return;
        }
        Statistics.Breakdown breakdown = statistics.children(caller, StatisticsPages.unitId(unit), year);
        UnitView root = breakdown.unit();
        exports.send(
                response,
                "thong-ke-" + root.id() + "-" + year + ".xlsx",
                SheetExports.Layout.of(
                                "statistics.export.children.sheet",
                                headers("statistics.page.unit", "statistics.export.kind"))
                        .titled(text("statistics.export.title", StatisticsViews.name(root), String.valueOf(year))),
                rows -> {
                    for (ChildFigures child : breakdown.children()) {
                        rows.row(cells(
                                StatisticsViews.name(child.unit()),
                                text("units.kind." + child.unit().kind()),
                                child.figures()));
                    }
                    rows.row(cells(text("statistics.page.own"), text("units.kind." + root.kind()), breakdown.own()));
                    rows.row(cells(
                            text("statistics.export.total"), text("units.kind." + root.kind()), breakdown.total()));
                });
    }

    /** The roots of the caller's whole scope, then their total (docs/statistics.md, "The caller's whole scope"). */
    private void scopeChildren(Caller caller, int year, HttpServletResponse response) throws IOException {
        Statistics.ScopeFigures scope = statistics.scope(caller, year);
        String name = scopeName(scope.wholeCountry());
        exports.send(
                response,
                "thong-ke-" + RecordLinks.SCOPE + "-" + year + ".xlsx",
                SheetExports.Layout.of(
                                "statistics.export.children.sheet",
                                headers("statistics.page.unit", "statistics.export.kind"))
                        .titled(text("statistics.export.title", name, String.valueOf(year))),
                rows -> {
                    for (ChildFigures root : scope.roots()) {
                        rows.row(cells(
                                StatisticsViews.name(root.unit()),
                                text("units.kind." + root.unit().kind()),
                                root.figures()));
                    }
                    rows.row(cells(text("statistics.export.total"), name, scope.total()));
                });
    }

    private String scopeName(boolean wholeCountry) {
        return text(wholeCountry ? "statistics.page.country" : "statistics.page.scope");
    }

    @GetMapping("/statistics/trend.xlsx")
    void trend(@RequestParam String unit, @RequestParam int from, @RequestParam int to, HttpServletResponse response)
            throws IOException {
        Caller caller = CurrentCaller.get();
        if (RecordLinks.SCOPE.equals(unit)) {
            String name = scopeName(caller.view().wholeCountry());
            Map<Integer, Figures> trend = statistics.scopeTrend(caller, from, to);
            List<String> headers = headers("statistics.page.year", "statistics.page.unit");
            headers.add("statistics.export.note");
            exports.send(
                    response,
                    "xu-huong-" + RecordLinks.SCOPE + ".xlsx",
                    SheetExports.Layout.of("statistics.export.trend.sheet", headers)
                            .titled(name),
                    rows -> trend.forEach((year, figures) -> {
                        List<Object> cells = cells(String.valueOf(year), name, figures);
                        cells.add(null);
                        rows.row(cells);
                    }));
            return;
        }
        long unitId = StatisticsPages.unitId(unit);
        UnitView root = statistics.unit(caller, unitId, Math.max(from, to));
        Trend trend = statistics.trendWithPredecessors(caller, unitId, from, to);
        List<String> headers = headers("statistics.page.year", "statistics.page.unit");
        headers.add("statistics.export.note");
        exports.send(
                response,
                "xu-huong-" + root.id() + ".xlsx",
                SheetExports.Layout.of("statistics.export.trend.sheet", headers).titled(StatisticsViews.name(root)),
                rows -> {
                    for (Trend.Year year : trend.years()) {
                        String note = StatisticsViews.trendNote(year, messages, LocaleContextHolder.getLocale());
                        List<Object> cells;
                        if (year.comparable()) {
                            cells = cells(String.valueOf(year.year()), StatisticsViews.name(root), year.figures());
                        } else {
                            cells = new ArrayList<>(List.of(String.valueOf(year.year()), StatisticsViews.name(root)));
                            for (int i = 0; i < Indicator.values().length; i++) {
                                cells.add(null);
                            }
                        }
                        cells.add(note);
                        rows.row(cells);
                    }
                });
    }

    @GetMapping("/statistics/units.xlsx")
    void units(
            @RequestParam String unit,
            @RequestParam int year,
            @RequestParam String indicator,
            HttpServletResponse response)
            throws IOException {
        Caller caller = CurrentCaller.get();
        boolean wholeScope = RecordLinks.SCOPE.equals(unit);
        Long unitId = wholeScope ? null : StatisticsPages.unitId(unit);
        String name = wholeScope
                ? scopeName(caller.view().wholeCountry())
                : StatisticsViews.name(statistics.unit(caller, unitId, year));
        Indicator counted = Indicator.of(indicator)
                .orElseThrow(
                        () -> new StatisticsRefusedException("indicator", "statistics.error.indicator", indicator));
        List<UnitView> found = wholeScope
                ? statistics.countedUnitsInScope(caller, year, counted)
                : statistics.countedUnits(caller, unitId, year, counted);
        exports.send(
                response,
                "don-vi-" + (wholeScope ? RecordLinks.SCOPE : unitId) + "-" + year + ".xlsx",
                SheetExports.Layout.of(
                                "statistics.export.units.sheet",
                                List.of("statistics.page.unit", "statistics.export.kind", "statistics.export.id"))
                        .titled(text(counted.messageKey()) + " — "
                                + text("statistics.export.title", name, String.valueOf(year))),
                rows -> found.forEach(u -> rows.row(StatisticsViews.name(u), text("units.kind." + u.kind()), u.id())));
    }
}
