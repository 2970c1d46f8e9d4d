package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The stored verdicts that {@link EvaluationRuns} wrote: a page of them under a unit with the counts by
 * proposed verdict, and one unit's stored evaluation with its facts and outcomes as stored. Refused
 * outside the scope, as the runs are.
 */
@Service
public class StoredVerdicts {

    private static final Set<UnitKind> EVALUATED_KINDS = EnumSet.of(
            UnitKind.RESIDENTIAL_AREA,
            UnitKind.COMMUNE,
            UnitKind.AGENCY,
            UnitKind.ENTERPRISE,
            UnitKind.SCHOOL,
            UnitKind.HOSPITAL);

    private final EvaluationStore store;
    private final Units units;

    StoredVerdicts(EvaluationStore store, Units units) {
        this.store = store;
        this.units = units;
    }

    /** The stored verdicts of the evaluated units under a unit (itself included), optionally of one verdict. */
    public ResultsPage results(Scope scope, long unitId, int year, String proposed, int limit, int offset) {
        EvaluationRuns.checkYear(year);
        LocalDate asOf = EvaluationRuns.asOf(year);
        UnitView root = units.find(scope, unitId, asOf).orElseThrow(() -> new UnknownEvaluationException(unitId, year));
        if (proposed != null
                && !proposed.isBlank()
                && !Set.of("MET", "NOT_MET", "NEEDS_INPUT").contains(proposed)) {
            throw new EvaluationRunRefusedException("proposed", "evaluation.run.error.proposed", proposed);
        }
        String only = proposed == null || proposed.isBlank() ? null : proposed;
        int size = Math.max(1, Math.min(limit, 500));
        int from = Math.max(0, offset);
        Map<Long, UnitView> tree = new HashMap<>();
        tree.put(root.id(), root); // whatever its kind
        units.subtreeWithRoot(scope, unitId, EVALUATED_KINDS, asOf).forEach(u -> tree.put(u.id(), u));
        Long[] ids = tree.keySet().toArray(Long[]::new);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Result r : Result.values()) {
            counts.put(r.name(), 0L);
        }
        counts.putAll(store.countByProposed(year, ids));
        long total = only == null
                ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(only, 0L);
        List<StoredVerdict> rows = store.listed(year, ids, only, size, from).stream()
                .map(r -> {
                    UnitView u = tree.get(r.unitId());
                    return new StoredVerdict(
                            r.unitId(),
                            u == null ? null : u.code(),
                            u == null ? null : u.name(),
                            r.unitKind(),
                            r.status(),
                            r.proposed(),
                            r.locked(),
                            r.computedAt());
                })
                .toList();
        return new ResultsPage(unitId, year, counts, total, rows, size, from);
    }

    /** One unit's stored evaluation for the year, with its facts and outcomes. */
    public Optional<StoredEvaluation> one(Scope scope, long unitId, int year) {
        EvaluationRuns.checkYear(year);
        UnitView unit = units.find(scope, unitId, EvaluationRuns.asOf(year))
                .orElseThrow(() -> new UnknownEvaluationException(unitId, year));
        return store.stored(unitId, year)
                .map(e -> new StoredEvaluation(
                        unitId,
                        unit.code(),
                        unit.name(),
                        year,
                        e.unitKind(),
                        e.periodFrom(),
                        e.periodTo(),
                        e.status(),
                        e.proposed(),
                        e.locked(),
                        e.rulebookId(),
                        e.rulebook(),
                        e.regulation(),
                        e.computedAt(),
                        e.facts(),
                        e.outcomes()));
    }
}
