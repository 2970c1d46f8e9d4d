package vn.tuquan.units;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.tuquan.shared.Scope;
import vn.tuquan.shared.ShortLived;

/**
 * What a scope covers on a date, as path prefixes. A unit of the scope that exists on the date
 * covers its subtree; one that did not exist yet covers what its predecessors covered; one that no
 * longer exists covers what took it over — so a commune officer of a ward formed in 2025 sees the
 * old communes it was made of, and a scope set on an old commune follows it into the new one.
 */
final class ScopePaths {

    private static final int MAX_DEPTH = 6;

    private final Units units;
    /** A scope's prefixes on a date, kept a few seconds for reads outside a writing transaction. */
    private final ShortLived<On, List<String>> kept;

    private record On(Scope scope, LocalDate date) {
    }

    ScopePaths(Units units, long ttlMillis) {
        this.units = units;
        this.kept = new ShortLived<>(ttlMillis, 10_000);
    }

    void forget() {
        kept.clear();
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
        Set<String> prefixes = new LinkedHashSet<>();
        for (long id : scope.unitIds()) {
            collect(id, date, prefixes, new LinkedHashSet<>(), 0);
        }
        return List.copyOf(prefixes);
    }

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
            units.successorsAny(id).stream().filter(s -> !s.effectiveDate().isAfter(date))
                    .forEach(s -> collect(s.successorId(), date, prefixes, seen, depth + 1));
        }
    }

    /** The SQL condition for a query's {@code path} column, with the parameter {@code :scopePrefixes}. */
    static String condition(List<String> prefixes) {
        return prefixes == null ? "" : " AND path LIKE ANY (SELECT p || '%' FROM unnest(CAST(:scopePrefixes AS text[])) AS p)";
    }
}
