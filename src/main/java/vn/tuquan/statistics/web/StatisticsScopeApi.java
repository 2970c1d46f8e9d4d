package vn.tuquan.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CallerLanguage;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.statistics.ChildFigures;
import vn.tuquan.statistics.Figures;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.statistics.Statistics;
import vn.tuquan.statistics.web.StatisticsApi.ChildValues;
import vn.tuquan.statistics.web.StatisticsApi.UnitRef;
import vn.tuquan.statistics.web.StatisticsApi.UnitStatistics;
import vn.tuquan.statistics.web.StatisticsApi.Value;
import vn.tuquan.statistics.web.StatisticsApi.YearValues;

/**
 * The figures of the caller's whole view scope (docs/statistics.md, "The caller's whole scope"): the same
 * shape as a unit's, the unit a pseudo unit without id ({@code COUNTRY} "Toàn quốc" for the whole country,
 * {@code SCOPE} "Phạm vi của bạn" otherwise) and the children the roots of the scope.
 */
@RestController
@RequestMapping("/api/v1/statistics/scope")
@Tag(name = "statistics", description = "Thống kê theo đơn vị và năm / the movement's figures per unit and year")
@Requires(Permission.REPORTS_READ)
class StatisticsScopeApi {

    private final Statistics statistics;
    private final MessageSource messages;

    StatisticsScopeApi(Statistics statistics, MessageSource messages) {
        this.statistics = statistics;
        this.messages = messages;
    }

    @GetMapping
    @Operation(
            summary =
                    "The indicators of the caller's whole view scope (the country, or the roots of the scope) and of each root's subtree for a year")
    UnitStatistics figures(
            @Parameter(description = "the statistics year, e.g. 2017; the period in force by default")
                    @RequestParam(required = false)
                    Integer year,
            @Parameter(description = "indicator codes separated by commas, e.g. areas-no-crime,crimes; all by default")
                    @RequestParam(required = false)
                    String indicators,
            HttpServletRequest request) {
        Caller caller = CurrentCaller.get();
        Locale locale = CallerLanguage.of(request);
        int y = year == null ? Statistics.currentYear() : year;
        List<Indicator> asked = StatisticsApi.indicators(indicators);
        Statistics.ScopeFigures scope = statistics.scope(caller, y);
        List<ChildValues> children = new ArrayList<>();
        for (ChildFigures root : scope.roots()) {
            children.add(new ChildValues(
                    StatisticsApi.ref(root.unit(), locale),
                    values(locale, asked, root.figures(), i -> RecordLinks.of(i, root.unit(), y, caller))));
        }
        return new UnitStatistics(
                ref(scope.wholeCountry(), locale),
                y,
                values(locale, asked, scope.total(), i -> RecordLinks.ofScope(i, y, caller)),
                children,
                null); // models by type: a unit's (each root's page and answer has its own)
    }

    @GetMapping("/trend")
    @Operation(
            summary =
                    "The indicators of the caller's whole view scope for each year from one year to another (the ten years to the period in force by default)")
    StatisticsApi.Trend trend(
            @Parameter(description = "the first year") @RequestParam(required = false) Integer from,
            @Parameter(description = "the last year") @RequestParam(required = false) Integer to,
            @Parameter(description = "indicator codes separated by commas; all by default")
                    @RequestParam(required = false)
                    String indicators,
            HttpServletRequest request) {
        Caller caller = CurrentCaller.get();
        Locale locale = CallerLanguage.of(request);
        int last = StatisticsApi.lastYear(to);
        int first = StatisticsApi.firstYear(from, last);
        List<Indicator> asked = StatisticsApi.indicators(indicators);
        Map<Integer, Figures> trend = statistics.scopeTrend(caller, first, last);
        List<YearValues> years = new ArrayList<>();
        trend.forEach((year, figures) -> years.add(new YearValues(
                year,
                true,
                List.of(),
                List.of(),
                null,
                values(locale, asked, figures, i -> RecordLinks.ofScope(i, year, caller)))));
        return new StatisticsApi.Trend(
                ref(caller.view().wholeCountry(), locale), Math.min(first, last), Math.max(first, last), years);
    }

    private UnitRef ref(boolean wholeCountry, Locale locale) {
        return new UnitRef(
                null,
                messages.getMessage(wholeCountry ? "statistics.page.country" : "statistics.page.scope", null, locale),
                wholeCountry ? "COUNTRY" : "SCOPE");
    }

    private List<Value> values(
            Locale locale, List<Indicator> asked, Figures figures, Function<Indicator, String> records) {
        List<Value> values = new ArrayList<>(asked.size());
        for (Indicator i : asked) {
            values.add(new Value(
                    i.code(), messages.getMessage(i.messageKey(), null, locale), figures.get(i), records.apply(i)));
        }
        return values;
    }
}
