package vn.tuquan.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.ShortLived;

/**
 * What a scope covers on a date, as path prefixes. A unit of a scope stands for what it is today:
 * itself, or — when a reorganisation closed it — the units that took it over (its successions,
 * followed forward). On any date the scope covers what then lay in those units, and in every unit
 * that later went into them (their successions, followed back). So after the 2025 reform an officer
 * of a commune merged into a new one reads the new commune, and the officer of the new commune
 * reads, before 1 July 2025, every commune it was made of — also when it kept the code (and so the
 * id) of one of them, as most did. A unit closed without successors (a district abolished in 2025)
 * covers its own subtree while it existed, and nothing after.
 */
final class ScopePaths {

    private static final int MAX_DEPTH = 6;
    /** How many units linked through successions a scope's periods look at, at most. */
    private static final int MAX_LINKED = 2_000;

    private final Units units;
    /** A scope's prefixes on a date, kept a few seconds for reads outside a writing transaction. */
    private final ShortLived<On, List<String>> kept;
    /** A scope's periods, as of a day (today), kept like the prefixes. */
    private final ShortLived<On, List<ScopePeriod>> periodsKept;

    private record On(Scope scope, LocalDate date) {}

    ScopePaths(Units units, long ttlMillis) {
        this.units = units;
        this.kept = new ShortLived<>(ttlMillis, 10_000);
        this.periodsKept = new ShortLived<>(ttlMillis, 1_000);
    }

    void forget() {
        kept.clear();
        periodsKept.clear();
    }

    /**
     * What the scope covers on every day at once: each prefix with the days it is one of the scope's
     * prefixes, so that for any day {@code d} the paths of the periods holding {@code d} are exactly
     * {@link #prefixes prefixes(scope, d)}; {@code null} for the whole country.
     *
     * <p>The prefixes of a day depend only on the versions and successions of the units the scope's
     * units are linked to through successions (any number of steps, either way): they change only on
     * the days such a version begins or ends or such a succession takes effect, and — through "today"
     * — the day after today. So the prefixes are read once for each of those days, for the days up to
     * the next one. (Units linked through more than {@link #MAX_LINKED} units or steps are left out.)
     */
    List<ScopePeriod> periods(Scope scope) {
        if (scope.wholeCountry()) {
            return null;
        }
        On on = new On(scope, Dates.today());
        return Units.writing() ? readPeriods(on) : periodsKept.get(on, this::readPeriods, found -> true);
    }

    private List<ScopePeriod> readPeriods(On on) {
        TreeSet<LocalDate> changes = new TreeSet<>(units.changeDays(on.scope().unitIds(), 4 * MAX_DEPTH, MAX_LINKED));
        changes.add(on.date().plusDays(1));
        List<LocalDate> days = new ArrayList<>();
        days.add(changes.first().minusDays(1)); // before every change: stands for all the days before
        days.addAll(changes);
        Map<String, List<LocalDate[]>> byPath = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate from = i == 0 ? null : days.get(i);
            LocalDate to = i + 1 < days.size() ? days.get(i + 1) : null;
            for (String path : read(new On(on.scope(), days.get(i)))) {
                List<LocalDate[]> spans = byPath.computeIfAbsent(path, p -> new ArrayList<>());
                LocalDate[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (last != null && last[1] != null && last[1].equals(from)) {
                    last[1] = to; // the same path on the next days: one period
                } else {
                    spans.add(new LocalDate[] {from, to});
                }
            }
        }
        List<ScopePeriod> periods = new ArrayList<>();
        byPath.forEach((path, spans) -> spans.forEach(s -> periods.add(new ScopePeriod(path, s[0], s[1]))));
        return List.copyOf(periods);
    }

    /** The prefixes (a list that cannot be changed), or {@code null} for the whole country (no condition). */
    List<String> prefixes(Scope scope, LocalDate date) {
        if (scope.wholeCountry()) {
            return null;
        }
        On on = new On(scope, date);
        return Units.writing() ? read(on) : kept.get(on, this::read, found -> true);
    }

    private List<String> read(On on) {
        Scope scope = on.scope();
        LocalDate date = on.date();
        LocalDate today = Dates.today();
        LocalDate anchor = date.isAfter(today) ? date : today;
        Set<String> prefixes = new LinkedHashSet<>();
        for (long id : scope.unitIds()) {
            List<UnitView> now = units.continuationsOnAny(id, anchor);
            if (now.isEmpty()) {
                collect(id, date, prefixes, new LinkedHashSet<>(), 0);
            } else {
                Set<Long> seen = new LinkedHashSet<>();
                now.forEach(u -> back(u.id(), date, prefixes, seen, 0));
            }
        }
        return List.copyOf(prefixes);
    }

    /** The unit's subtree on the date (when it existed then), and those of the units that went into it after the date. */
    private void back(long id, LocalDate date, Set<String> prefixes, Set<Long> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(id)) {
            return;
        }
        units.findAny(id, date).ifPresent(u -> prefixes.add(u.path()));
        units.predecessorsAny(id).stream()
                .filter(s -> s.effectiveDate().isAfter(date))
                .forEach(s -> back(s.predecessorId(), date, prefixes, seen, depth + 1));
    }

    /** A unit with no continuation today: its subtree on the date, or what it came from or went into then. */
    private void collect(long id, LocalDate date, Set<String> prefixes, Set<Long> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(id)) {
            return;
        }
        var on = units.findAny(id, date);
        if (on.isPresent()) {
            prefixes.add(on.get().path());
            return;
        }
        var latest = units.latestAny(id);
        if (latest.isEmpty()) {
            return;
        }
        List<UnitView> history = units.historyAny(id);
        boolean notYet = history.get(0).validFrom().isAfter(date);
        if (notYet) {
            units.predecessorsAny(id).forEach(s -> collect(s.predecessorId(), date, prefixes, seen, depth + 1));
        } else {
            units.successorsAny(id).stream()
                    .filter(s -> !s.effectiveDate().isAfter(date))
                    .forEach(s -> collect(s.successorId(), date, prefixes, seen, depth + 1));
        }
    }

    /** The SQL condition for a query's {@code path} column, with the parameter {@code :scopePrefixes}. */
    static String condition(List<String> prefixes) {
        return prefixes == null
                ? ""
                : " AND path LIKE ANY (SELECT p || '%' FROM unnest(CAST(:scopePrefixes AS text[])) AS p)";
    }
}
