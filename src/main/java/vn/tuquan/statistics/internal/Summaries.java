package vn.tuquan.statistics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Keeps the summaries: fills a year whole the first time it is used, recounts the rows a write
 * touched (in the writing transaction: {@link SummaryMaintenance}), and reconciles stored rows with a
 * recount from the registers ({@link #verify}).
 */
@Component
public class Summaries {

    private static final Logger log = LoggerFactory.getLogger(Summaries.class);

    /** The first year the statistics count (the movement's registers hold nothing older). */
    public static final int FIRST_YEAR = 2000;

    private final SummaryStore store;
    private final SummaryCounter counter;
    private final Units units;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate snapshot;

    /** Years verified at once (each in a connection and a transaction of its own). */
    private final int verifyThreads;

    Summaries(
            SummaryStore store,
            SummaryCounter counter,
            Units units,
            PlatformTransactionManager transactions,
            @Value("${tuquan.statistics.verify-threads:0}") int verifyThreads) {
        // 0: as many as the machine has cores, at most 4 (the pool's connections serve the requests too)
        this.verifyThreads = verifyThreads > 0
                ? verifyThreads
                : Math.min(4, Runtime.getRuntime().availableProcessors());
        this.store = store;
        this.counter = counter;
        this.units = units;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // one snapshot for the recount and the stored rows: a write and its recount commit together, so
        // a snapshot never sees one without the other, and the check blocks no writer
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** The latest year the statistics count: the residential areas' period of today, and the next. */
    public static int lastYear() {
        return SummaryCounter.yearOn(Dates.today()) + 1;
    }

    /** Whether a year can be counted at all. */
    public static boolean countable(int year) {
        return year >= FIRST_YEAR && year <= lastYear();
    }

    /**
     * Makes sure the year's rows exist for every unit: fills it whole, in its own transaction, the first
     * time (writers of the year wait meanwhile, then find it filled).
     */
    public void ensureFilled(int year) {
        ensureShape();
        if (!countable(year) || store.filledYears().contains(year)) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            store.lockYearExclusively(year);
            if (store.filled(year)) {
                return;
            }
            long started = System.nanoTime();
            store.deleteYear(year);
            int[] rows = {0};
            counter.countAll(year, chunk -> {
                store.insert(chunk);
                rows[0] += chunk.size();
            });
            store.rollUpYear(year);
            store.markFilled(year);
            log.info(
                    "statistics: year {} filled, {} units in {} ms",
                    year,
                    rows[0],
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Recounts the rows of the units (and of every unit under the subtree roots) for each year given, in
     * the current transaction. The years must be filled ones, read by {@link #lockAndReadFilled} in this
     * transaction (which holds their locks until it ends).
     */
    public void recount(Map<Integer, Set<Long>> unitsByYear, Map<Integer, Set<Long>> subtreesByYear) {
        apply(unitsByYear, subtreesByYear, Map.of(), Map.of(), false);
    }

    /**
     * Recounts the rows of the units (and of every unit under the subtree roots), the households' columns
     * of others (households and commitments written: {@link SummaryCounter#HOUSEHOLD_COLUMNS}), and adds
     * counts to the rows of others (a single write whose contribution is known: an incident recorded or
     * withdrawn), for each year given, in the current transaction; a row recounted whole is neither
     * recounted in part nor added to (the recount, in the writer's transaction, sees the write). The years must be filled ones, read by
     * {@link #lockAndReadFilled} in this transaction; each year's rows are locked once, in id order, and
     * the communes rolled up under their locks — unless the transaction holds the years exclusively
     * ({@code yearsHeld}: a large write), when no other writer of those years can be in flight and no row
     * needs a lock of its own (a file of a hundred thousand rows would otherwise take a lock per row and
     * year, more than PostgreSQL's lock table holds).
     */
    public void apply(
            Map<Integer, Set<Long>> unitsByYear,
            Map<Integer, Set<Long>> subtreesByYear,
            Map<Integer, Set<Long>> householdsByYear,
            Map<Integer, Map<Long, int[]>> deltasByYear,
            boolean yearsHeld) {
        Set<Integer> years = new TreeSet<>(unitsByYear.keySet());
        years.addAll(subtreesByYear.keySet());
        years.addAll(householdsByYear.keySet());
        years.addAll(deltasByYear.keySet());
        for (int year : years) {
            Set<Long> ids = new HashSet<>(unitsByYear.getOrDefault(year, Set.of()));
            for (long root : subtreesByYear.getOrDefault(year, Set.of())) {
                for (UnitView unit :
                        units.subtreeWithRoot(Scope.WHOLE_COUNTRY, root, Set.of(), SummaryCounter.treeOn(year))) {
                    ids.add(unit.id());
                }
            }
            Map<Long, int[]> deltas = new HashMap<>(deltasByYear.getOrDefault(year, Map.of()));
            deltas.keySet().removeAll(ids);
            Set<Long> households = new HashSet<>(householdsByYear.getOrDefault(year, Set.of()));
            households.removeAll(ids);
            if (ids.isEmpty() && deltas.isEmpty() && households.isEmpty()) {
                continue;
            }
            Set<Long> locked = new HashSet<>(ids);
            locked.addAll(deltas.keySet());
            locked.addAll(households);
            if (!yearsHeld) {
                store.lockRows(year, locked);
            }
            Set<Long> communes = new HashSet<>();
            if (!ids.isEmpty()) {
                communes.addAll(store.replace(year, ids, counter.count(ids, year)));
            }
            if (!households.isEmpty()) {
                communes.addAll(
                        store.set(year, SummaryCounter.HOUSEHOLD_COLUMNS, counter.countHouseholds(households, year)));
            }
            communes.addAll(store.add(year, deltas));
            store.rollUp(year, communes, !yearsHeld);
        }
    }

    /**
     * Takes the locks of the years shared and then reads which are filled: a writer that may change
     * rows of these years calls it before deciding which to recount, so that a fill in progress is
     * waited for (and then counted again) rather than missed.
     */
    public TreeSet<Integer> lockAndReadFilled(Collection<Integer> years) {
        return lockAndReadFilled(years, false);
    }

    /**
     * The same, taking the years' locks exclusively when {@code exclusive} (a large write: it then waits
     * for every writer of those years and holds them up until it commits, and locks no row).
     */
    public TreeSet<Integer> lockAndReadFilled(Collection<Integer> years, boolean exclusive) {
        ensureShape();
        if (!years.isEmpty()) {
            if (exclusive) {
                new TreeSet<>(years).forEach(store::lockYearExclusively);
            } else {
                store.lockYearsShared(years);
            }
        }
        return store.filledYears();
    }

    private volatile boolean shapeChecked;

    /**
     * Once per process: when the catalogue of indicators changed since the roll-ups were computed (an
     * upgrade), forgets every year (each is filled again when next used) under every filled year's lock.
     */
    void ensureShape() {
        if (shapeChecked) {
            return;
        }
        String shape = SummaryStore.currentShape();
        if (!shape.equals(store.shape())) {
            ownTransaction.executeWithoutResult(status -> {
                store.lockShape();
                if (shape.equals(store.shape())) {
                    return;
                }
                TreeSet<Integer> filled = store.filledYears();
                filled.forEach(store::lockYearExclusively);
                if (!filled.isEmpty()) {
                    log.info("statistics: the indicators changed; every year will be filled again when next used");
                }
                store.forgetAll();
                store.recordShape(shape);
            });
        }
        shapeChecked = true;
    }

    /** Forgets every filled year (the official tree changed): each is filled again when next used. */
    public void forgetAll() {
        store.forgetAll();
    }

    /** The years filled so far. */
    public TreeSet<Integer> filledYears() {
        return store.filledYears();
    }

    /** A row that differs from its recount: what is stored (null: missing) and what was counted (null: extra). */
    public record Drift(int year, long unitId, SummaryRow stored, SummaryRow counted, List<String> columns) {}

    /** What a reconciliation found and did. */
    public record Verification(Long unitId, List<Integer> years, long rows, List<Drift> drifts, boolean repaired) {}

    /**
     * Recounts every filled year's rows from the registers — of the whole country, or of a unit and the
     * units under it — and names every row that differs; with {@code repair}, replaces them (each year in
     * a transaction of its own: a check reads one snapshot and blocks no writer; a repair holds the year's
     * lock, so writers of that year wait for it and none is lost). Several years are verified at once
     * ({@code tuquan.statistics.verify-threads}; by default the machine's cores, at most 4).
     */
    public Verification verify(Long unitId, boolean repair) {
        return verify(unitId, null, repair);
    }

    /** The same for some of the filled years only (null: every filled year). */
    public Verification verify(Long unitId, Collection<Integer> only, boolean repair) {
        ensureShape();
        List<Integer> years = new ArrayList<>(store.filledYears());
        if (only != null) {
            years.retainAll(only);
        }
        // the years are independent (each its own snapshot, or its own lock to repair): several at once
        int threads = Math.max(1, Math.min(verifyThreads, years.size()));
        Map<Integer, List<Drift>> byYear = new ConcurrentHashMap<>();
        AtomicLong rows = new AtomicLong();
        if (threads == 1) {
            years.forEach(year -> byYear.put(year, verifyYear(unitId, year, repair, rows)));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "statistics-verify");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int year : years) {
                    running.add(pool.submit(() -> byYear.put(year, verifyYear(unitId, year, repair, rows))));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("statistics: verify interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<Drift> drifts = new ArrayList<>();
        years.forEach(year -> drifts.addAll(byYear.getOrDefault(year, List.of())));
        return new Verification(unitId, years, rows.get(), drifts, repair && !drifts.isEmpty());
    }

    /** One year of {@link #verify}: its drifts (repaired with {@code repair}), adding its rows to {@code rows}. */
    private List<Drift> verifyYear(Long unitId, int year, boolean repair, AtomicLong rows) {
        List<Drift> drifts = new ArrayList<>();
        (repair ? ownTransaction : snapshot).executeWithoutResult(status -> {
            if (repair) {
                store.lockYearExclusively(year);
            }
            Map<Long, SummaryRow> counted = new LinkedHashMap<>();
            String prefix = null;
            if (unitId == null) {
                counter.countAll(year, chunk -> chunk.forEach(r -> counted.put(r.unitId(), r)));
            } else {
                counter.countSubtree(unitId, year, chunk -> chunk.forEach(r -> counted.put(r.unitId(), r)));
                prefix = units.find(Scope.WHOLE_COUNTRY, unitId, SummaryCounter.treeOn(year))
                        .map(UnitView::path)
                        .orElse(null);
            }
            Map<Long, SummaryRow> stored = new TreeMap<>();
            if (unitId == null || prefix != null) {
                store.eachRow(year, prefix, r -> stored.put(r.unitId(), r));
            }
            stored.putAll(store.rows(year, counted.keySet()));
            rows.addAndGet(counted.size());
            List<Drift> found = new ArrayList<>();
            for (SummaryRow row : counted.values()) {
                SummaryRow was = stored.get(row.unitId());
                if (was == null) {
                    found.add(new Drift(year, row.unitId(), null, row, List.of("row")));
                } else if (!was.differences(row).isEmpty()) {
                    found.add(new Drift(year, row.unitId(), was, row, was.differences(row)));
                }
            }
            for (SummaryRow was : stored.values()) {
                if (!counted.containsKey(was.unitId())) {
                    found.add(new Drift(year, was.unitId(), was, null, List.of("row")));
                }
            }
            List<Drift> rolled = new ArrayList<>();
            if (unitId == null || prefix != null) {
                // the communes' roll-ups against the stored rows (those of communes whose rows drifted
                // are named by their rows, and rolled up again by their repair)
                Set<Long> drifted = new HashSet<>();
                for (Drift d : found) {
                    for (SummaryRow r : new SummaryRow[] {d.stored(), d.counted()}) {
                        if (r != null && r.communeId() != null) {
                            drifted.add(r.communeId());
                        }
                    }
                }
                Map<Long, List<Long>> kept = store.rollUps(year, prefix, false);
                Map<Long, List<Long>> recounted = store.rollUps(year, prefix, true);
                Set<Long> communes = new TreeSet<>(kept.keySet());
                communes.addAll(recounted.keySet());
                for (long commune : communes) {
                    List<Long> was = kept.get(commune);
                    List<Long> is = recounted.get(commune);
                    if (!drifted.contains(commune) && !Objects.equals(was, is)) {
                        List<String> columns = new ArrayList<>();
                        for (Indicator i : Indicator.values()) {
                            if (was == null
                                    || is == null
                                    || was.size() <= i.ordinal()
                                    || !was.get(i.ordinal()).equals(is.get(i.ordinal()))) {
                                columns.add("roll-up:" + i.code());
                            }
                        }
                        rolled.add(new Drift(year, commune, null, null, columns));
                    }
                }
            }
            if (repair && !(rolled.isEmpty() && found.isEmpty())) {
                // the repair holds the year's lock: no writer of the year is in flight
                Set<Long> communes = new HashSet<>();
                rolled.forEach(d -> communes.add(d.unitId()));
                if (!found.isEmpty()) {
                    communes.addAll(store.replace(
                            year,
                            found.stream().map(Drift::unitId).toList(),
                            found.stream()
                                    .map(Drift::counted)
                                    .filter(r -> r != null)
                                    .toList()));
                }
                store.rollUp(year, communes, false);
            }
            drifts.addAll(found);
            drifts.addAll(rolled);
        });
        return drifts;
    }
}
