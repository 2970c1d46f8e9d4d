package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.evaluation.internal.ComputedVerdict;
import vn.tuquan.evaluation.internal.ComputedVerdicts;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.internal.FactsGatherer;
import vn.tuquan.evaluation.internal.GatheredUnit;
import vn.tuquan.evaluation.internal.VerdictComputer;
import vn.tuquan.evaluation.rules.Criteria;
import vn.tuquan.evaluation.rules.Entry;
import vn.tuquan.households.RegistrationRate;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The bulk run of the yearly evaluation: for every evaluated unit under a unit ({@link EvaluatedUnits})
 * the facts are gathered from the registers in one pass ({@link FactsGatherer}), each unit's criteria
 * set is taken from the rulebook in force at its period's end in its province ({@link Rulebooks#inForce})
 * and the proposed verdict computed — residential areas and organisations first, then the communes with
 * their children's verdicts of the same run. The verdicts are stored in {@code evaluation} (with the
 * facts and every comparison as JSON) by multi-row upserts that leave a row alone when nothing changed,
 * and never touch an evaluation that is locked or decided (RECOGNISED / REJECTED).
 *
 * <p>Memory: a run over a province or below is one chunk; the whole country is run province by
 * province ({@link #runCountry}), each in its own transaction. A chunk holds the units of one province
 * with their counts — never a household or an incident: every register's read is grouped per unit in
 * the database.
 */
@Service
public class EvaluationRuns {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private static final int BATCH = 2_000;

    private final EvaluationStore store;
    private final Units units;
    private final Rulebooks rulebooks;
    private final FactsGatherer gatherer;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    EvaluationRuns(
            EvaluationStore store,
            Units units,
            Rulebooks rulebooks,
            FactsGatherer gatherer,
            ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.store = store;
        this.units = units;
        this.rulebooks = rulebooks;
        this.gatherer = gatherer;
        this.events = events;
        this.tx = tx;
    }

    /** Computes and stores the proposed verdicts of every evaluated unit under the unit (itself included). */
    public RunSummary run(Caller caller, long unitId, int year) {
        caller.require(Permission.EVALUATION_WRITE);
        checkYear(year);
        UnitView root = units.find(caller.capture(), unitId, asOf(year))
                .orElseThrow(() -> new UnknownEvaluationException(unitId, year));
        return runChunk(caller, root, year, null);
    }

    /**
     * Recomputes a commune's proposed verdict (and its subtree's undecided ones) after a decision on one
     * of its units: the commune's "≥ 70% recognised" reads its children's decisions. For a step already
     * authorised on the commune (the approver's side), so no permission of its own.
     */
    RunSummary refresh(Caller caller, long communeId, int year) {
        UnitView root = units.find(Scope.WHOLE_COUNTRY, communeId, asOf(year))
                .orElseThrow(() -> new UnknownEvaluationException(communeId, year));
        return runChunk(caller, root, year, null);
    }

    /**
     * {@link #run} for every province, one after the other, each in its own transaction; the
     * households' registration rates of the whole country are read first in one pass (one entry per
     * residential area), the other registers per province. While a province's verdicts are computed
     * and written, the next province's facts are read on a second thread (two provinces in memory at
     * most).
     */
    public RunSummary runCountry(Caller caller, int year) {
        caller.require(Permission.EVALUATION_WRITE);
        checkYear(year);
        if (!caller.capture().wholeCountry()) {
            throw new AccessRefusedException("the whole country is outside the caller's scope");
        }
        long t0 = System.nanoTime();
        Map<Long, RegistrationRate> rates = gatherer.everyAreaRate(year);
        log.debug("households' rates of {} areas in {} ms", rates.size(), (System.nanoTime() - t0) / 1_000_000);
        List<UnitView> provinces = units.roots(Scope.WHOLE_COUNTRY, asOf(year));
        RunSummary total = new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
        if (provinces.isEmpty()) {
            return total;
        }
        var reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "evaluation-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Chunk> next = reader.submit(() -> read(caller.capture(), provinces.get(0), year, rates));
            for (int i = 0; i < provinces.size(); i++) {
                Chunk chunk = next.get();
                if (i + 1 < provinces.size()) {
                    UnitView following = provinces.get(i + 1);
                    next = reader.submit(() -> read(caller.capture(), following, year, rates));
                }
                total = total.plus(storeChunk(chunk, year));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            reader.shutdownNow();
        }
        return total;
    }

    private RunSummary runChunk(Caller caller, UnitView root, int year, Map<Long, RegistrationRate> rates) {
        return storeChunk(read(caller.capture(), root, year, rates), year);
    }

    /** Computes a chunk's verdicts and stores them in one transaction, with its event. */
    private RunSummary storeChunk(Chunk chunk, int year) {
        return tx.execute(s -> {
            long t0 = System.nanoTime();
            Computed computed = compute(chunk, year, null);
            long t1 = System.nanoTime();
            RunSummary summary = store(computed);
            if (log.isDebugEnabled()) {
                log.debug(
                        "run of {} for {}: computed in {} ms, stored in {} ms: {}",
                        chunk.root().id(),
                        year,
                        (t1 - t0) / 1_000_000,
                        (System.nanoTime() - t1) / 1_000_000,
                        summary);
            }
            events.publishEvent(new EvaluationRunCompleted(chunk.root().id(), year, summary));
            return summary;
        });
    }

    /**
     * "What if": the subtree's facts read once, the verdicts computed twice — as they are and with a
     * criterion's parameters changed — and nothing stored.
     */
    public WhatIfPreview preview(Scope scope, long unitId, int year, String criterion, Map<String, String> params) {
        checkYear(year);
        UnitView root =
                units.find(scope, unitId, asOf(year)).orElseThrow(() -> new UnknownEvaluationException(unitId, year));
        if (criterion == null || !Criteria.exists(criterion)) {
            throw new EvaluationRunRefusedException("criterion", "evaluation.run.error.criterion", criterion);
        }
        ChangedParams override = new ChangedParams(criterion, params == null ? Map.of() : params);
        if (override.params().isEmpty() || override.params().keySet().stream().anyMatch(String::isBlank)) {
            throw new EvaluationRunRefusedException("params", "evaluation.run.error.params", override.params());
        }
        Chunk chunk = read(scope, root, year, null);
        Computed now = compute(chunk, year, null);
        Computed then;
        try {
            then = compute(chunk, year, override);
        } catch (IllegalArgumentException e) {
            throw new EvaluationRunRefusedException("params", "evaluation.run.error.params", e.getMessage());
        }
        Map<Long, ComputedVerdict> after = new HashMap<>();
        then.verdicts().forEach(v -> after.put(v.unit().unitId(), v));
        List<VerdictChange> changes = new ArrayList<>();
        for (ComputedVerdict v : now.verdicts()) {
            ComputedVerdict w = after.get(v.unit().unitId());
            if (w != null && w.evaluation().result() != v.evaluation().result()) {
                changes.add(new VerdictChange(
                        v.unit().unitId(),
                        v.unit().code(),
                        v.unit().name(),
                        v.unit().criteriaKind(),
                        v.evaluation().result(),
                        w.evaluation().result()));
            }
        }
        return new WhatIfPreview(
                unitId, year, criterion, override.params(), now.verdicts().size(), changes);
    }

    // ---- computing ----------------------------------------------------------------------------

    /** The verdicts of a chunk, the rows kept as they are (locked or decided), the units without a rulebook. */
    record Computed(
            List<ComputedVerdict> verdicts,
            int kept,
            int withoutRulebook,
            Set<Long> frozen,
            Map<Long, String> fingerprints) {}

    /** What a chunk's run reads before computing: the units with their facts, their stored evaluations, the entries. */
    private record Chunk(
            UnitView root,
            List<GatheredUnit> tree,
            Map<Long, EvaluationStore.Existing> existing,
            Map<Long, Map<String, Entry>> entered) {}

    private Chunk read(Scope scope, UnitView root, int year, Map<Long, RegistrationRate> rates) {
        List<GatheredUnit> tree = gatherer.gather(scope, root.id(), year, Map.of(), rates);
        Long[] ids = tree.stream()
                .filter(GatheredUnit::evaluated)
                .map(GatheredUnit::unitId)
                .toArray(Long[]::new);
        return new Chunk(root, tree, store.existing(ids, year), store.entries(ids, year));
    }

    /** The chunk's verdicts ({@link VerdictComputer}), with the rows a run keeps as they are (locked or decided). */
    private Computed compute(Chunk chunk, int year, ChangedParams override) {
        Map<Long, EvaluationStore.Existing> existing = chunk.existing();
        Long province = provinceOf(chunk.root());
        ComputedVerdicts computed = VerdictComputer.compute(
                chunk.tree(),
                id -> existing.containsKey(id) ? existing.get(id).status() : null,
                chunk.entered(),
                (kind, periodTo) -> rulebooks.inForce(kind, periodTo, province),
                override);
        List<ComputedVerdict> verdicts = computed.verdicts();
        Set<Long> frozen = new HashSet<>();
        Map<Long, String> fingerprints = new HashMap<>();
        existing.forEach((id, e) -> {
            if (e.frozen()) {
                frozen.add(id);
            }
            if (e.fingerprint() != null) {
                fingerprints.put(id, e.fingerprint());
            }
        });
        int kept = (int) verdicts.stream()
                .filter(v -> frozen.contains(v.unit().unitId()))
                .count();
        return new Computed(verdicts, kept, computed.withoutRulebook(), frozen, fingerprints);
    }

    private static Long provinceOf(UnitView unit) {
        return unit.unitPath().provinceId();
    }

    // ---- storing ------------------------------------------------------------------------------

    /** A verdict as the store writes it. */
    private EvaluationStore.Proposal row(ComputedVerdict v) {
        return new EvaluationStore.Proposal(
                v.unit().unitId(),
                v.facts().year(),
                v.unit().criteriaKind(),
                v.facts().periodFrom(),
                v.facts().periodTo(),
                v.rulebook().rulebook().id(),
                v.evaluation().result().name(),
                store.encode(
                        v.rulebook().rulebook().id(),
                        v.unit().criteriaKind(),
                        v.evaluation().result(),
                        v.facts(),
                        v.evaluation().outcomes()));
    }

    private RunSummary store(Computed c) {
        int met = 0, notMet = 0, needsInput = 0, inserted = 0, updated = 0, sent = 0;
        long serialising = 0;
        OffsetDateTime now = Dates.nowInVietnam();
        List<EvaluationStore.Proposal> batch = new ArrayList<>(BATCH);
        for (ComputedVerdict v : c.verdicts()) {
            switch (v.evaluation().result()) {
                case MET -> met++;
                case NOT_MET -> notMet++;
                case NEEDS_INPUT -> needsInput++;
            }
            if (c.frozen().contains(v.unit().unitId())) {
                continue;
            }
            long r0 = System.nanoTime();
            EvaluationStore.Proposal row = row(v);
            serialising += System.nanoTime() - r0;
            sent++;
            if (row.encoded().fingerprint().equals(c.fingerprints().get(v.unit().unitId()))) {
                continue;
            }
            batch.add(row);
            if (batch.size() == BATCH) {
                int[] n = store.upsert(batch, now);
                inserted += n[0];
                updated += n[1];
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            int[] n = store.upsert(batch, now);
            inserted += n[0];
            updated += n[1];
        }
        log.debug("rows of {} verdicts serialised and fingerprinted in {} ms", sent, serialising / 1_000_000);
        return new RunSummary(
                c.verdicts().size(),
                met,
                notMet,
                needsInput,
                c.withoutRulebook(),
                inserted,
                updated,
                sent - inserted - updated,
                c.kept());
    }

    /** The tree a run reads for a year: as of the residential areas' period end. */
    static LocalDate asOf(int year) {
        return Period.residentialArea(year).to();
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new EvaluationRunRefusedException("year", "evaluation.run.error.year", MessageArguments.year(year));
        }
    }
}
