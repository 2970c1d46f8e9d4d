package vn.tuquan.statistics.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.evaluation.ClassificationRecorded;
import vn.tuquan.evaluation.EvaluationStepTaken;
import vn.tuquan.households.CommitmentChanged;
import vn.tuquan.households.CommitmentWithdrawn;
import vn.tuquan.households.CommitmentsRecorded;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdAdded;
import vn.tuquan.households.HouseholdEdited;
import vn.tuquan.households.HouseholdMoved;
import vn.tuquan.households.Households;
import vn.tuquan.households.HouseholdsImported;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.movement.MovementRecorded;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.TitleAwardRemoved;
import vn.tuquan.order.CampaignRecorded;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.HotspotRecorded;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentRecorded;
import vn.tuquan.order.IncidentWithdrawn;
import vn.tuquan.order.IncidentsImported;
import vn.tuquan.order.IncidentsRecorded;
import vn.tuquan.order.PersonRecorded;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitClosed;
import vn.tuquan.units.LocalUnitCreated;
import vn.tuquan.units.LocalUnitEdited;
import vn.tuquan.units.LocalUnitMoved;
import vn.tuquan.units.LocalUnitsImported;
import vn.tuquan.units.OfficialListImported;

/**
 * Keeps the summaries current in the transaction that writes a register: each event of a write says
 * which units and years it may have changed; they are collected for the transaction and recounted
 * once, just before it commits ({@link TransactionSynchronization#beforeCommit}), so a write and its
 * summaries commit together or not at all, and a file of ten thousand rows is one set-based recount,
 * not ten thousand. An event published outside a transaction is recounted at once, in its own.
 *
 * <p>What each write touches: an event (an incident, a mediation, a case) the year its day falls in;
 * a state that holds from a day on (a household living somewhere, a drug user's status, a unit's place
 * in the tree) every year from that day's; a commitment its own year. A change of the official tree
 * forgets every year (each is filled again when next used).
 */
@Component
class SummaryMaintenance {

    private final Summaries summaries;
    private final Households households;
    private final TransactionTemplate ownTransaction;

    SummaryMaintenance(Summaries summaries, Households households, PlatformTransactionManager transactions) {
        this.summaries = summaries;
        this.households = households;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    // ---- order ---------------------------------------------------------------------------------

    @EventListener
    void on(IncidentRecorded e) {
        if (!e.incident().withdrawn()) {
            incident(e.incident(), 1);
        }
    }

    @EventListener
    void on(IncidentsRecorded e) {
        for (Incident incident : e.incidents()) {
            if (!incident.withdrawn()) {
                incident(incident, 1);
            }
        }
    }

    @EventListener
    void on(IncidentsImported e) {
        if (e.firstDay() == null) {
            return;
        }
        Work work = work();
        for (long unit : e.unitIds()) {
            work.units(unit, SummaryCounter.yearOn(e.firstDay()), SummaryCounter.yearOn(e.lastDay()));
        }
        work.done();
    }

    @EventListener
    void on(PersonRecorded e) {
        Work work = work();
        if (e.entityId() == null) {
            work.subtree(e.unitId(), Summaries.FIRST_YEAR, null);
        } else {
            work.units(e.unitId(), Summaries.FIRST_YEAR, null);
        }
        work.done();
    }

    /**
     * A hotspot designated, corrected (its units may change, and with them the first, where it counts),
     * its status changed or withdrawn, removed: each of its units before and after, every year.
     */
    @EventListener
    void on(HotspotRecorded e) {
        Work work = work();
        for (Object side : new Object[] {e.before(), e.after()}) {
            if (side instanceof Hotspot h) {
                for (long unit : h.unitIds()) {
                    work.units(unit, Summaries.FIRST_YEAR, null);
                }
            }
        }
        work.done();
    }

    /** A campaign recorded, its results or what was recorded corrected (its days may move): its organiser, every year. */
    @EventListener
    void on(CampaignRecorded e) {
        Work work = work();
        work.units(e.organisingUnitId(), Summaries.FIRST_YEAR, null);
        if (e.before() != null) {
            work.units(e.before().organisingUnitId(), Summaries.FIRST_YEAR, null);
        }
        work.done();
    }

    @EventListener
    void on(IncidentWithdrawn e) {
        if (!e.incident().withdrawn()) {
            incident(e.incident(), -1);
        }
    }

    /**
     * An incident recorded or withdrawn adds to (takes from) its unit's row of its year what it counts
     * for — one row updated, not the unit counted again; {@code statistics verify} recounts.
     */
    private void incident(Incident incident, int sign) {
        int year = SummaryCounter.yearOn(day(incident.occurredAt()));
        Work work = work();
        work.add(incident.unitId(), year, year, SummaryCounter.incident(incident, sign));
        work.done();
    }

    // ---- movement ----------------------------------------------------------------------------------

    @EventListener
    void on(MovementRecorded e) {
        if (e.unitId() == null) {
            return; // a model type: no unit's counts
        }
        Work work = work();
        work.units(e.unitId(), Summaries.FIRST_YEAR, null);
        // a commune's decision awards its households a title: each award is the household's area's
        for (Object side : new Object[] {e.before(), e.after()}) {
            for (Object record : side instanceof Collection<?> many ? many : Collections.singleton(side)) {
                if (record instanceof Title.Award award) {
                    work.units(award.unitId(), Summaries.FIRST_YEAR, null);
                }
            }
        }
        work.done();
    }

    @EventListener
    void on(TitleAwardRemoved e) {
        Work work = work();
        work.units(e.award().unitId(), Summaries.FIRST_YEAR, null);
        work.done();
    }

    // ---- evaluation ----------------------------------------------------------------------------

    @EventListener
    void on(EvaluationStepTaken e) {
        Work work = work();
        work.units(e.unitId(), e.year(), e.year());
        work.done();
    }

    @EventListener
    void on(ClassificationRecorded e) {
        Work work = work();
        work.units(e.unitId(), e.year(), e.year());
        work.done();
    }

    // ---- households ------------------------------------------------------------------------------

    /**
     * A new household adds one to its area's households every year from its day (a new household has
     * no commitment yet); {@code statistics verify} recounts.
     */
    @EventListener
    void on(OrganisationCommitments.OrganisationCommitmentRecorded e) {
        Work work = work();
        work.units(
                e.commitment().unitId(), e.commitment().year(), e.commitment().year());
        work.done();
    }

    @EventListener
    void on(HouseholdAdded e) {
        boolean catholic = households.findAll(Scope.WHOLE_COUNTRY, List.of(e.householdId()), e.from()).stream()
                .anyMatch(Household::catholic);
        Work work = work();
        work.add(e.areaId(), from(e.from()), null, SummaryCounter.households(1, catholic ? 1 : 0));
        work.done();
    }

    @EventListener
    void on(HouseholdEdited e) {
        households(e.areaId(), null);
    }

    @EventListener
    void on(HouseholdMoved e) {
        households(e.fromAreaId(), e.on());
        households(e.toAreaId(), e.on());
    }

    /** A file of new households: each area its rows named holds that many more, every year from its day. */
    @EventListener
    void on(HouseholdsImported e) {
        Work work = work();
        e.added()
                .forEach((area, added) -> work.add(
                        area,
                        from(e.from()),
                        null,
                        SummaryCounter.households(added, e.catholic().getOrDefault(area, 0))));
        work.done();
    }

    /** A household written: the households' columns of its area, every year from the day. */
    private void households(long areaId, LocalDate from) {
        Work work = work();
        work.households(areaId, from(from), null);
        work.done();
    }

    @EventListener
    void on(CommitmentsRecorded e) {
        commitments(e.areaId(), e.periodYear(), e.householdIds());
    }

    @EventListener
    void on(CommitmentChanged e) {
        commitments(e.areaId(), e.periodYear(), List.of(e.householdId()));
    }

    @EventListener
    void on(CommitmentWithdrawn e) {
        commitments(e.areaId(), e.periodYear(), List.of(e.householdId()));
    }

    /**
     * A year's commitments count in the area each household lived in on the period's last day, which
     * may not be the area it was registered in (it moved later that year).
     */
    private void commitments(long areaId, int year, Collection<Long> householdIds) {
        Work work = work();
        work.households(areaId, year, year);
        if (Summaries.countable(year)) {
            for (Household h : households.findAll(Scope.WHOLE_COUNTRY, householdIds, SummaryCounter.treeOn(year))) {
                work.households(h.areaId(), year, year);
            }
        }
        work.done();
    }

    // ---- units -------------------------------------------------------------------------------------

    @EventListener
    void on(LocalUnitCreated e) {
        state(e.unit().id(), e.unit().validFrom());
    }

    @EventListener
    void on(LocalUnitEdited e) {
        Work work = work();
        work.subtree(e.after().id(), from(e.after().validFrom()), null);
        work.done();
    }

    @EventListener
    void on(LocalUnitMoved e) {
        Work work = work();
        work.subtree(e.after().id(), from(e.after().validFrom()), null);
        work.done();
    }

    @EventListener
    void on(LocalUnitClosed e) {
        Work work = work();
        // closed: the unit and what stood under it leave the tree from that day (their rows are removed)
        work.subtree(e.before().id(), from(e.on()), null);
        work.units(e.before().id(), from(e.on()), null);
        work.done();
    }

    @EventListener
    void on(LocalUnitsImported e) {
        Work work = work();
        for (long unit : e.unitIds()) {
            work.units(unit, from(e.from()), null);
        }
        work.done();
    }

    @EventListener
    void on(OfficialListImported e) {
        summaries.forgetAll();
    }

    private void state(long unitId, LocalDate from) {
        Work work = work();
        work.units(unitId, from(from), null);
        work.done();
    }

    private static int from(LocalDate day) {
        return day == null ? Summaries.FIRST_YEAR : Math.max(Summaries.FIRST_YEAR, SummaryCounter.yearOn(day));
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(Dates.VIETNAM).toLocalDate();
    }

    // ---- the work of one transaction ---------------------------------------------------------------

    /** The work collected in the current transaction (bound to it), or a work done at once outside one. */
    private Work work() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Work(true);
        }
        Work work = (Work) TransactionSynchronizationManager.getResource(this);
        if (work == null) {
            work = new Work(false);
            TransactionSynchronizationManager.bindResource(this, work);
            Work bound = work;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    bound.run();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SummaryMaintenance.this);
                }
            });
        }
        return work;
    }

    /** Rows (units times years) above which a write takes its years exclusively instead of a lock per row. */
    static final int LARGE = 500;

    /** Units and subtrees to recount, each from a year to a year (null: every filled year from then). */
    private final class Work {

        /** What of a unit to recount: its row, its subtree's rows, or its households' columns. */
        private enum What {
            ROW,
            SUBTREE,
            HOUSEHOLDS
        }

        private record Touch(long unitId, What what, int from, Integer to) {}

        private record Delta(long unitId, int from, Integer to, int[] values) {}

        private final boolean immediate;
        private final List<Touch> touches = new ArrayList<>();
        private final List<Delta> deltas = new ArrayList<>();

        Work(boolean immediate) {
            this.immediate = immediate;
        }

        void units(long unitId, int from, Integer to) {
            touches.add(new Touch(unitId, What.ROW, from, to));
        }

        void subtree(long unitId, int from, Integer to) {
            touches.add(new Touch(unitId, What.SUBTREE, from, to));
        }

        void households(long unitId, int from, Integer to) {
            touches.add(new Touch(unitId, What.HOUSEHOLDS, from, to));
        }

        /** Counts to add to a unit's row of each year from a year to a year (null: every filled year from then). */
        void add(long unitId, int from, Integer to, int[] values) {
            deltas.add(new Delta(unitId, from, to, values));
        }

        /** The end of one event's touches: recounted now outside a transaction, else at its commit. */
        void done() {
            if (immediate) {
                ownTransaction.executeWithoutResult(status -> run());
            }
        }

        void run() {
            if (touches.isEmpty() && deltas.isEmpty()) {
                return;
            }
            Set<Integer> candidates = new TreeSet<>();
            int last = Summaries.lastYear();
            for (Touch t : touches) {
                for (int year = Math.max(t.from, Summaries.FIRST_YEAR);
                        year <= (t.to == null ? last : Math.min(t.to, last));
                        year++) {
                    candidates.add(year);
                }
            }
            for (Delta d : deltas) {
                for (int year = Math.max(d.from, Summaries.FIRST_YEAR);
                        year <= (d.to == null ? last : Math.min(d.to, last));
                        year++) {
                    candidates.add(year);
                }
            }
            // a large write (a subtree, a file): the years exclusively rather than a lock per row and year
            long rows = (long) (touches.size() + deltas.size()) * Math.max(1, candidates.size());
            boolean large = rows > LARGE || touches.stream().anyMatch(t -> t.what == What.SUBTREE);
            TreeSet<Integer> filled = summaries.lockAndReadFilled(candidates, large);
            Map<Integer, Set<Long>> units = new HashMap<>();
            Map<Integer, Set<Long>> subtrees = new HashMap<>();
            Map<Integer, Set<Long>> households = new HashMap<>();
            for (Touch t : touches) {
                if (t.to != null && t.to < t.from) {
                    continue;
                }
                for (int year : t.to == null ? filled.tailSet(t.from, true) : filled.subSet(t.from, true, t.to, true)) {
                    (switch (t.what) {
                                case ROW -> units;
                                case SUBTREE -> subtrees;
                                case HOUSEHOLDS -> households;
                            })
                            .computeIfAbsent(year, y -> new HashSet<>())
                            .add(t.unitId);
                }
            }
            Map<Integer, Map<Long, int[]>> added = new HashMap<>();
            for (Delta d : deltas) {
                if (d.to != null && d.to < d.from) {
                    continue;
                }
                for (int year : d.to == null ? filled.tailSet(d.from, true) : filled.subSet(d.from, true, d.to, true)) {
                    int[] sum = added.computeIfAbsent(year, y -> new HashMap<>())
                            .computeIfAbsent(d.unitId, u -> new int[d.values.length]);
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += d.values[i];
                    }
                }
            }
            touches.clear();
            deltas.clear();
            summaries.apply(units, subtrees, households, added, large);
        }
    }
}
