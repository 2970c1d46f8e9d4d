package vn.tuquan.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CallerLanguage;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.statistics.ChildFigures;
import vn.tuquan.statistics.Figures;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.statistics.Statistics;
import vn.tuquan.statistics.StatisticsRefusedException;
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.units.UnitView;

/**
 * The movement's figures for any unit and year (docs/statistics.md): the indicators of the unit's
 * subtree and of each of its children, each with the link to the records it counts, and a trend over
 * years. Counts only, never a person: REPORTS_READ is enough (the links to lists of people need more).
 */
@RestController
@RequestMapping("/api/v1/statistics/units/{unitId}")
@Tag(name = "statistics", description = "Thống kê theo đơn vị và năm / the movement's figures per unit and year")
@Requires(Permission.REPORTS_READ)
class StatisticsApi {

    private final Statistics statistics;
    private final MessageSource messages;
    private final ModelTypes types;

    StatisticsApi(Statistics statistics, MessageSource messages, ModelTypes types) {
        this.types = types;
        this.statistics = statistics;
        this.messages = messages;
    }

    /** A unit as the statistics name it (the caller's whole scope: id null, kind COUNTRY or SCOPE). */
    record UnitRef(Long id, String name, String kind) {}

    /** An indicator's value, its name in the caller's language and the page of the records it counts. */
    record Value(String code, String name, long value, String records) {}

    record ChildValues(UnitRef unit, List<Value> indicators) {}

    record UnitStatistics(
            UnitRef unit,
            int year,
            List<Value> indicators,
            List<ChildValues> children,
            List<StatisticsViews.ModelTypeRow> modelsByType) {}

    /**
     * A year of a trend: {@code comparable} false (and no indicators) where a unit it was made of went into it
     * only in part; {@code from} the units whose figures are added up (as they were that year; empty for the
     * unit's own figures), {@code split} those that make it not comparable, and {@code note} says so in words.
     */
    record YearValues(
            int year,
            boolean comparable,
            List<UnitRef> from,
            List<UnitRef> split,
            String note,
            List<Value> indicators) {}

    record Trend(UnitRef unit, int from, int to, List<YearValues> years) {}

    @GetMapping
    @Operation(
            summary =
                    "The indicators of the unit's subtree and of each child's for a year, each with the link to its records")
    UnitStatistics figures(
            @PathVariable long unitId,
            @Parameter(
                            description =
                                    "the statistics year, e.g. 2017 (the residential areas' period 31/10/2016–31/10/2017); the period in force by default")
                    @RequestParam(required = false)
                    Integer year,
            @Parameter(description = "indicator codes separated by commas, e.g. areas-no-crime,crimes; all by default")
                    @RequestParam(required = false)
                    String indicators,
            HttpServletRequest request) {
        Caller caller = CurrentCaller.get();
        Locale locale = CallerLanguage.of(request);
        int y = year == null ? Statistics.currentYear() : year;
        List<Indicator> asked = indicators(indicators);
        Statistics.Breakdown breakdown = statistics.children(caller, unitId, y);
        List<ChildValues> children = new ArrayList<>();
        for (ChildFigures child : breakdown.children()) {
            children.add(new ChildValues(
                    ref(child.unit(), locale), values(locale, asked, child.figures(), child.unit(), y, caller)));
        }
        return new UnitStatistics(
                ref(breakdown.unit(), locale),
                y,
                values(locale, asked, breakdown.total(), breakdown.unit(), y, caller),
                children,
                modelTypes(caller, breakdown.unit(), y, locale));
    }

    @GetMapping("/trend")
    @Operation(
            summary =
                    "The indicators of the unit's subtree for each year from one year to another (the ten years to the period in force by default)")
    Trend trend(
            @PathVariable long unitId,
            @Parameter(description = "the first year") @RequestParam(required = false) Integer from,
            @Parameter(description = "the last year") @RequestParam(required = false) Integer to,
            @Parameter(description = "indicator codes separated by commas; all by default")
                    @RequestParam(required = false)
                    String indicators,
            HttpServletRequest request) {
        Caller caller = CurrentCaller.get();
        Locale locale = CallerLanguage.of(request);
        int last = lastYear(to);
        int first = firstYear(from, last);
        List<Indicator> asked = indicators(indicators);
        UnitView unit = statistics.unit(caller, unitId, last);
        List<YearValues> years = new ArrayList<>();
        for (vn.tuquan.statistics.Trend.Year t :
                statistics.trendWithPredecessors(caller, unitId, first, last).years()) {
            boolean self = t.source() == vn.tuquan.statistics.Trend.Source.SELF;
            years.add(new YearValues(
                    t.year(),
                    t.comparable(),
                    t.from().stream().map(p -> ref(p.unit(), locale)).toList(),
                    t.notComparableBecause().stream()
                            .map(p -> ref(p.unit(), locale))
                            .toList(),
                    StatisticsViews.trendNote(t, messages, locale),
                    t.comparable()
                            ? values(locale, asked, t.figures(), self ? unit : null, t.year(), caller)
                            : List.of()));
        }
        return new Trend(ref(unit, locale), Math.min(first, last), Math.max(first, last), years);
    }

    private List<StatisticsViews.ModelTypeRow> modelTypes(Caller caller, UnitView unit, int year, Locale locale) {
        return StatisticsViews.modelTypes(
                statistics.modelsByType(caller, unit.id(), year), types.all(), unit, year, caller, locale);
    }

    private List<Value> values(
            Locale locale, List<Indicator> asked, Figures figures, UnitView unit, int year, Caller caller) {
        List<Value> values = new ArrayList<>(asked.size());
        for (Indicator i : asked) {
            values.add(new Value(
                    i.code(),
                    messages.getMessage(i.messageKey(), null, locale),
                    figures.get(i),
                    unit == null ? null : RecordLinks.of(i, unit, year, caller)));
        }
        return values;
    }

    static UnitRef ref(UnitView unit, Locale locale) {
        return new UnitRef(
                unit.id(),
                new Named(unit.name(), unit.nameEn()).in(locale),
                unit.kind().name());
    }

    /** The indicators asked, in the catalogue's order; all when none is named; refused for an unknown code. */
    static List<Indicator> indicators(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of(Indicator.values());
        }
        Set<Indicator> asked = new LinkedHashSet<>();
        for (String code : codes.split(",")) {
            if (code.isBlank()) {
                continue;
            }
            asked.add(Indicator.of(code)
                    .orElseThrow(() ->
                            new StatisticsRefusedException("indicators", "statistics.error.indicator", code.strip())));
        }
        return Arrays.stream(Indicator.values()).filter(asked::contains).toList();
    }

    /** The last year of a trend asked for: the period in force by default. */
    static int lastYear(Integer to) {
        return to == null ? Statistics.currentYear() : to;
    }

    /** The first year of a trend asked for: the ten years to the last by default. */
    static int firstYear(Integer from, int last) {
        return from == null ? Math.max(Summaries.FIRST_YEAR, last - StatisticsPages.TREND_YEARS + 1) : from;
    }
}
