package vn.tuquan.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.tuquan.movement.MovementCounts;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Permission;
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.statistics.internal.SummaryCounter;
import vn.tuquan.statistics.internal.SummaryStore;
import vn.tuquan.units.Predecessor;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The movement's figures for any unit and year, read from the summaries (docs/statistics.md): a
 * subtree's indicators, its children's, a trend over years, and the units behind a count of units.
 * Every read takes the caller's view scope and the permission to read reports.
 */
@Service
public class Statistics {

    private final Summaries summaries;
    private final SummaryStore store;
    private final Units units;
    private final MovementCounts movementCounts;

    Statistics(Summaries summaries, SummaryStore store, Units units, MovementCounts movementCounts) {
        this.movementCounts = movementCounts;
        this.summaries = summaries;
        this.store = store;
        this.units = units;
    }

    /** The year a page opens on: the residential areas' period in force today. */
    public static int currentYear() {
        return SummaryCounter.yearOn(Dates.today());
    }

    /** The day a year's tree is taken on (the residential areas' period's last day). */
    public static LocalDate treeOn(int year) {
        return SummaryCounter.treeOn(year);
    }

    /** The unit as it stood on the year's tree day, refused outside the caller's view scope. */
    public UnitView unit(Caller caller, long unitId, int year) {
        caller.require(Permission.REPORTS_READ);
        // the unit first: outside the scope is refused as such, whatever the year asked
        units.latest(caller.view(), unitId).orElseThrow(() -> new UnknownStatisticsUnitException(unitId, year));
        checkYear(year);
        return units.find(caller.view(), unitId, treeOn(year))
                .orElseThrow(() -> new UnknownStatisticsUnitException(unitId, year));
    }

    /** The indicators of the unit and every unit under it for the year. */
    public Figures figures(Caller caller, long unitId, int year) {
        UnitView unit = unit(caller, unitId, year);
        summaries.ensureFilled(year);
        return new Figures(unitId, year, store.totals(year, unit.path()));
    }

    /**
     * The unit's children on the year's tree day, each with the figures of its subtree, in the tree's
     * order; the records of the unit itself (not of a child) are in {@link Breakdown#own()}.
     */
    public Breakdown children(Caller caller, long unitId, int year) {
        UnitView unit = unit(caller, unitId, year);
        summaries.ensureFilled(year);
        Map<Long, Map<Indicator, Long>> byChild = store.byChild(year, unit.path());
        List<ChildFigures> children = new ArrayList<>();
        for (UnitView child : units.children(caller.view(), unitId, treeOn(year))) {
            children.add(
                    new ChildFigures(child, new Figures(child.id(), year, byChild.getOrDefault(child.id(), Map.of()))));
        }
        return new Breakdown(
                unit,
                new Figures(unitId, year, store.totals(year, unit.path(), byChild)),
                new Figures(unitId, year, byChild.getOrDefault(0L, Map.of())),
                children);
    }

    /**
     * The models of the unit's subtree by type for the year: read from the movement's register in one
     * query (the types are an open register, not columns of the summaries); the types' counts add up
     * to {@link Indicator#MODELS} and {@link Indicator#MODELS_EFFECTIVE}.
     */
    public List<MovementCounts.TypeCount> modelsByType(Caller caller, long unitId, int year) {
        unit(caller, unitId, year);
        return movementCounts.byType(caller.view(), unitId, year);
    }

    /** A unit's figures, its own records' and its children's. */
    public record Breakdown(UnitView unit, Figures total, Figures own, List<ChildFigures> children) {}

    /**
     * The unit's figures for each year from {@code from} to {@code to} in which it existed (on the
     * year's tree day), oldest first.
     */
    public Map<Integer, Figures> trend(Caller caller, long unitId, int from, int to) {
        caller.require(Permission.REPORTS_READ);
        checkYear(from);
        checkYear(to);
        // the years the unit existed, by its path then (one read of the summaries per path, not per year)
        Map<String, List<Integer>> yearsByPath = new LinkedHashMap<>();
        for (int year = Math.min(from, to); year <= Math.max(from, to); year++) {
            var unit = units.find(caller.view(), unitId, treeOn(year));
            if (unit.isEmpty()) {
                continue;
            }
            summaries.ensureFilled(year);
            yearsByPath
                    .computeIfAbsent(unit.get().path(), p -> new ArrayList<>())
                    .add(year);
        }
        Map<Integer, Figures> found = new HashMap<>();
        yearsByPath.forEach((path, years) -> store.totals(years, path)
                .forEach((year, values) -> found.put(year, new Figures(unitId, year, values))));
        Map<Integer, Figures> trend = new LinkedHashMap<>();
        found.keySet().stream().sorted().forEach(year -> trend.put(year, found.get(year)));
        return trend;
    }

    /**
     * The unit's figures for each year from {@code from} to {@code to}, oldest first, across the recorded
     * reorganisations ({@link Units#predecessorsOn}): a year in which the unit was what it is holds its own
     * figures ({@link #trend}); a year before units went whole into it holds the sum of their subtrees' (itself
     * among them when it existed), whose subtrees are disjoint; a year before a unit went into it only in part
     * is not comparable and holds no figures. A year in which it existed and nothing went into it since is
     * its own; a year before it existed, with nothing recorded that went into it, is left out. The scope is
     * checked on the unit; the units it was made of are read as its history.
     */
    public Trend trendWithPredecessors(Caller caller, long unitId, int from, int to) {
        Map<Integer, Figures> own = trend(caller, unitId, from, to);
        boolean reorganised = !units.predecessors(caller.view(), unitId).isEmpty()
                || !units.successors(caller.view(), unitId).isEmpty();
        List<Trend.Year> years = new ArrayList<>();
        for (int year = Math.min(from, to); year <= Math.max(from, to); year++) {
            List<Predecessor> parts =
                    reorganised ? units.predecessorsOn(caller.view(), unitId, treeOn(year)) : List.of();
            boolean self = parts.size() == 1
                    && parts.get(0).unit().id() == unitId
                    && parts.get(0).share() == Predecessor.Share.WHOLE;
            if (!reorganised || self) {
                if (own.containsKey(year)) {
                    years.add(new Trend.Year(year, Trend.Source.SELF, own.get(year), List.of()));
                }
            } else if (parts.stream().anyMatch(p -> p.share() != Predecessor.Share.WHOLE)) {
                years.add(new Trend.Year(year, Trend.Source.NOT_COMPARABLE, null, parts));
            } else if (!parts.isEmpty()) {
                summaries.ensureFilled(year);
                Map<Indicator, Long> sum = new EnumMap<>(Indicator.class);
                for (Predecessor part : parts) {
                    if (parts.stream()
                            .anyMatch(other -> other != part
                                    && part.unit()
                                            .unitPath()
                                            .within(other.unit().unitPath()))) {
                        continue; // counted with the unit above it (never so for communes)
                    }
                    store.totals(year, part.unit().path()).forEach((i, v) -> sum.merge(i, v, Long::sum));
                }
                years.add(new Trend.Year(year, Trend.Source.PREDECESSORS, new Figures(unitId, year, sum), parts));
            }
        }
        return new Trend(unitId, years);
    }

    /**
     * The figures of the caller's whole view scope for a year: the roots of the scope on the year's tree day
     * (the provinces for the whole country), each with its subtree's figures, and their total. The whole
     * country is read in one pass of the summaries (by province); a scope of several roots adds up its roots'
     * subtrees, which are disjoint, so every indicator adds up (the counts of units and communes included).
     * The figures' unit id is {@link #SCOPE} (0).
     */
    public ScopeFigures scope(Caller caller, int year) {
        caller.require(Permission.REPORTS_READ);
        checkYear(year);
        summaries.ensureFilled(year);
        List<UnitView> roots = scopeRoots(caller, year);
        List<ChildFigures> children = new ArrayList<>();
        Map<Indicator, Long> total;
        if (caller.view().wholeCountry()) {
            Map<Long, Map<Indicator, Long>> byChild = store.byChild(year, "/");
            for (UnitView root : roots) {
                children.add(new ChildFigures(
                        root, new Figures(root.id(), year, byChild.getOrDefault(root.id(), Map.of()))));
            }
            total = store.totals(year, "/", byChild);
        } else {
            total = new EnumMap<>(Indicator.class);
            for (UnitView root : roots) {
                Map<Indicator, Long> values = store.totals(year, root.path());
                children.add(new ChildFigures(root, new Figures(root.id(), year, values)));
                values.forEach((i, v) -> total.merge(i, v, Long::sum));
            }
        }
        return new ScopeFigures(caller.view().wholeCountry(), year, new Figures(SCOPE, year, total), children);
    }

    /** The unit id of the figures of a whole scope (no unit holds them). */
    public static final long SCOPE = 0L;

    /**
     * The figures of a caller's whole view scope ({@link #scope}): {@code wholeCountry} when the scope is the
     * country's, {@code roots} the roots of the scope with their subtrees' figures, in the tree's order.
     */
    public record ScopeFigures(boolean wholeCountry, int year, Figures total, List<ChildFigures> roots) {}

    /**
     * The roots of the caller's view scope on the year's tree day (the provinces for the whole country), in the
     * tree's order; a root under another root is left out (it is counted with it).
     */
    public List<UnitView> scopeRoots(Caller caller, int year) {
        caller.require(Permission.REPORTS_READ);
        checkYear(year);
        List<UnitView> roots = units.roots(caller.view(), treeOn(year));
        return roots.stream()
                .filter(r -> roots.stream()
                        .noneMatch(
                                o -> o != r && o.id() != r.id() && r.unitPath().within(o.unitPath())))
                .toList();
    }

    /**
     * The figures of the caller's whole scope for each year from {@code from} to {@code to}, oldest first (each
     * year's roots as the tree stood that year): the whole country in one read of the summaries for every
     * year, a scope of several roots one read per root's path.
     */
    public Map<Integer, Figures> scopeTrend(Caller caller, int from, int to) {
        caller.require(Permission.REPORTS_READ);
        checkYear(from);
        checkYear(to);
        List<Integer> years = new ArrayList<>();
        for (int year = Math.min(from, to); year <= Math.max(from, to); year++) {
            summaries.ensureFilled(year);
            years.add(year);
        }
        Map<Integer, Map<Indicator, Long>> sums = new java.util.TreeMap<>();
        if (caller.view().wholeCountry()) {
            sums.putAll(store.totals(years, "/"));
        } else {
            Map<String, List<Integer>> yearsByPath = new LinkedHashMap<>();
            for (int year : years) {
                for (UnitView root : scopeRoots(caller, year)) {
                    yearsByPath
                            .computeIfAbsent(root.path(), p -> new ArrayList<>())
                            .add(year);
                }
            }
            yearsByPath.forEach((path, ys) -> store.totals(ys, path)
                    .forEach((year, values) ->
                            values.forEach((i, v) -> sums.computeIfAbsent(year, y -> new EnumMap<>(Indicator.class))
                                    .merge(i, v, Long::sum))));
        }
        Map<Integer, Figures> trend = new LinkedHashMap<>();
        sums.forEach((year, values) -> trend.put(year, new Figures(SCOPE, year, values)));
        return trend;
    }

    /** The units a count of units counts in the caller's whole scope, in tree order. */
    public List<UnitView> countedUnitsInScope(Caller caller, int year, Indicator indicator) {
        List<UnitView> roots = scopeRoots(caller, year);
        if (!indicator.countsUnits()) {
            throw new StatisticsRefusedException("indicator", "statistics.error.notUnits", indicator.code());
        }
        summaries.ensureFilled(year);
        List<Long> ids = new ArrayList<>();
        if (caller.view().wholeCountry()) {
            ids.addAll(store.countedUnits(year, "/", indicator));
        } else {
            for (UnitView root : roots) {
                ids.addAll(store.countedUnits(year, root.path(), indicator));
            }
        }
        return inOrder(caller, ids, year);
    }

    /** The units a count of units counts (areas with no crime, communes with no drug user …), in tree order. */
    public List<UnitView> countedUnits(Caller caller, long unitId, int year, Indicator indicator) {
        UnitView unit = unit(caller, unitId, year);
        if (!indicator.countsUnits()) {
            throw new StatisticsRefusedException("indicator", "statistics.error.notUnits", indicator.code());
        }
        summaries.ensureFilled(year);
        return inOrder(caller, store.countedUnits(year, unit.path(), indicator), year);
    }

    private List<UnitView> inOrder(Caller caller, List<Long> ids, int year) {
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<UnitView> found = new ArrayList<>(units.findAll(caller.view(), ids, treeOn(year)));
        found.sort(Comparator.comparing(u -> order.get(u.id())));
        return found;
    }

    /** Recounts the summaries from the registers (a unit's subtree, or the country) and names every drift. */
    public Summaries.Verification verify(Caller caller, Long unitId, boolean repair) {
        return verify(caller, unitId, null, repair);
    }

    /** The same for some of the filled years only (null or empty: every filled year). */
    public Summaries.Verification verify(Caller caller, Long unitId, Collection<Integer> years, boolean repair) {
        if (!caller.view().wholeCountry()) {
            throw new AccessRefusedException("statistics verify needs the whole country's scope");
        }
        return summaries.verify(unitId, years == null || years.isEmpty() ? null : years, repair);
    }

    private static void checkYear(int year) {
        if (!Summaries.countable(year)) {
            throw new StatisticsRefusedException(
                    "year",
                    "statistics.error.year",
                    MessageArguments.year(Summaries.FIRST_YEAR),
                    MessageArguments.year(Summaries.lastYear()));
        }
    }
}
