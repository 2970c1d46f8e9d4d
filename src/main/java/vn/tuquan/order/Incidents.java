package vn.tuquan.order;

import static vn.tuquan.shared.Texts.blankToNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.order.internal.CheckedIncident;
import vn.tuquan.order.internal.IncidentChecks;
import vn.tuquan.order.internal.IncidentIngestWriter;
import vn.tuquan.order.internal.IncidentStore;
import vn.tuquan.order.internal.IncidentWhere;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The register of incidents: recorded by commune police (pages, the idempotent ingest API, files),
 * moved through their statuses, withdrawn when recorded in error, and listed with filters. Reads
 * take the caller's view scope, writes the caller (ORDER_WRITE, capture scope). Every write is
 * audited through an event.
 *
 * <p>Time: an instant belongs to a period when it lies in [first day 00:00, day after the last
 * 00:00) in Vietnam's time (UTC+7); the bounds are computed here and bound, never {@code date()} in SQL.
 */
@Service
public class Incidents {

    /** A status change's note and a withdrawal's reason. */
    static final int MAX_NOTE = 500;

    static final int MAX_KEY = 200;

    private final IncidentStore store;
    private final IncidentChecks checks;
    private final IncidentIngestWriter writer;
    private final Units units;
    private final ApplicationEventPublisher events;

    Incidents(
            IncidentStore store,
            IncidentChecks checks,
            IncidentIngestWriter writer,
            Units units,
            ApplicationEventPublisher events) {
        this.store = store;
        this.checks = checks;
        this.writer = writer;
        this.units = units;
        this.events = events;
    }

    /** One page of a list, with how many match in all. */
    public record IncidentPage(List<Incident> incidents, long total, int page, int size) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    // ---- the catalogue ---------------------------------------------------------------------

    /** Every category, groups first within each kind, in the catalogue's order. */
    public List<IncidentCategory> categories() {
        return List.copyOf(store.catalogue().values());
    }

    public Optional<IncidentCategory> category(String code) {
        return Optional.ofNullable(code == null ? null : store.catalogue().get(code));
    }

    // ---- writes ----------------------------------------------------------------------------

    /** Records an incident on a unit of the caller's capture scope. */
    @Transactional
    public Incident record(Caller caller, IncidentForm form) {
        CheckedIncident checked = checks.check(caller, form, Dates.now().atOffset(ZoneOffset.UTC));
        Incident incident = store.insert(checked, caller.username());
        events.publishEvent(new IncidentRecorded(incident));
        return incident;
    }

    /**
     * Records an incident once per idempotency key of the caller: a retry with the same key and the
     * same form answers the incident the first request recorded and stores nothing; the same key
     * with another form is refused. Concurrent duplicates meet at the key's primary key: the second
     * waits for the first to commit and then finds its incident.
     */
    public IngestedIncident ingest(Caller caller, String key, IncidentForm form) {
        caller.require(Permission.ORDER_WRITE);
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IncidentRefusedException("Idempotency-Key", "order.incident.refused.key", MAX_KEY);
        }
        CheckedIncident checked = checks.check(caller, form, Dates.now().atOffset(ZoneOffset.UTC));
        return writer.submit(caller.username(), key, form, checked);
    }

    /** Moves an incident one step on: reported → verified → under investigation → closed. */
    @Transactional
    public Incident changeStatus(Caller caller, long incidentId, IncidentStatus to, String note) {
        caller.require(Permission.ORDER_WRITE);
        Incident before = locked(caller, incidentId);
        if (to == null) {
            throw new IncidentRefusedException("status", "order.incident.refused.statusMissing");
        }
        if (before.status().next().filter(to::equals).isEmpty()) {
            throw new IncidentRefusedException(
                    "status",
                    "order.incident.refused.transition",
                    new DefaultMessageSourceResolvable("order.incident.status." + before.status()),
                    new DefaultMessageSourceResolvable("order.incident.status." + to));
        }
        if (TextLimits.tooLong(note, MAX_NOTE)) {
            throw new IncidentRefusedException(
                    "note", "order.incident.refused.noteTooLong", MAX_NOTE, TextLimits.length(note));
        }
        String stripped = blankToNull(note);
        store.changeStatus(incidentId, before.status(), to, caller.username(), stripped);
        events.publishEvent(new IncidentStatusChanged(incidentId, before.unitId(), before.status(), to, stripped));
        return store.find(incidentId).orElseThrow();
    }

    /** Withdraws an incident recorded in error: it stays in the register, marked, and counts nowhere. */
    @Transactional
    public Incident withdraw(Caller caller, long incidentId, String reason) {
        caller.require(Permission.ORDER_WRITE);
        Incident before = locked(caller, incidentId);
        if (reason == null || reason.isBlank()) {
            throw new IncidentRefusedException("reason", "order.incident.refused.reasonMissing");
        }
        if (TextLimits.tooLong(reason, MAX_NOTE)) {
            throw new IncidentRefusedException(
                    "reason", "order.incident.refused.reasonTooLong", MAX_NOTE, TextLimits.length(reason));
        }
        store.withdraw(incidentId, caller.username(), reason.strip());
        events.publishEvent(new IncidentWithdrawn(before, reason.strip()));
        return store.find(incidentId).orElseThrow();
    }

    private Incident locked(Caller caller, long incidentId) {
        Incident found = store.lock(incidentId)
                .orElseThrow(() -> new IncidentRefusedException(null, "order.incident.refused.unknown", incidentId));
        units.latest(caller.capture(), found.unitId());
        if (found.withdrawn()) {
            throw new IncidentRefusedException(null, "order.incident.refused.withdrawn", incidentId);
        }
        return found;
    }

    /**
     * Records many incidents at once, each checked as {@link #record} checks one, with the status
     * each has reached (its history filled in, a step every three days from its report): for the
     * demo and for files. All or nothing; one audit entry for the lot.
     *
     * @return the ids, in the order of the forms
     */
    @Transactional
    public List<Long> recordAll(Caller caller, String what, List<IncidentForm> forms, List<IncidentStatus> reached) {
        caller.require(Permission.ORDER_WRITE);
        OffsetDateTime now = Dates.now().atOffset(ZoneOffset.UTC);
        Map<Long, UnitView> seen = new HashMap<>();
        List<CheckedIncident> checked = new ArrayList<>(forms.size());
        for (IncidentForm form : forms) {
            checked.add(checks.check(caller, form, now, seen));
        }
        List<Long> ids = store.insertAll(checked, reached, Collections.nCopies(checked.size(), caller.username()));
        events.publishEvent(IncidentsImported.of(what, checked));
        return ids;
    }

    // ---- reads -----------------------------------------------------------------------------

    /** An incident (withdrawn ones too); refused when its unit lies outside the scope. */
    public Optional<Incident> find(Scope scope, long incidentId) {
        Optional<Incident> found = store.find(incidentId);
        found.ifPresent(i -> units.latest(scope, i.unitId()));
        return found;
    }

    /**
     * An incident of a unit (recorded on that very unit); refused when the unit lies outside the
     * scope, empty when the unit has no such incident.
     */
    public Optional<Incident> findIn(Scope scope, long unitId, long incidentId) {
        units.latest(scope, unitId);
        return store.find(incidentId).filter(i -> i.unitId() == unitId);
    }

    /** The statuses an incident went through, the first (its recording) first. */
    public List<IncidentStatusChange> history(Scope scope, long incidentId) {
        if (find(scope, incidentId).isEmpty()) {
            return List.of();
        }
        return store.history(incidentId);
    }

    /** One page (from 0) of the incidents a filter selects, the latest occurrence first. */
    public IncidentPage list(Scope scope, IncidentFilter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 1000));
        int pageNumber = Math.max(0, page);
        IncidentWhere where = where(scope, filter);
        if (where == null) {
            return new IncidentPage(List.of(), 0, pageNumber, pageSize);
        }
        long total = store.count(where, false);
        List<Incident> items = store.latest(where, false, pageSize, (long) pageNumber * pageSize);
        return new IncidentPage(items, total, pageNumber, pageSize);
    }

    /**
     * Every incident a filter selects, the latest first, handed over one at a time as PostgreSQL's
     * cursor reads them ({@link SheetExports#FETCH_SIZE} rows at a time): an export, whatever the
     * count. Read-only; in the caller's transaction when there is one (the export's snapshot).
     */
    @Transactional(readOnly = true)
    public void each(Scope scope, IncidentFilter filter, Consumer<Incident> each) {
        IncidentWhere where = where(scope, filter);
        if (where == null) {
            return;
        }
        store.each(where, each);
    }

    /**
     * The incidents a filter selects that have a place (latitude and longitude), the latest first, at
     * most {@code limit}, and how many there are in all: the points of a map, which says when it
     * shows only the latest ones.
     */
    public Placed placed(Scope scope, IncidentFilter filter, int limit) {
        IncidentWhere where = where(scope, filter);
        if (where == null) {
            return new Placed(List.of(), 0);
        }
        long total = store.count(where, true);
        List<Incident> items = store.latest(where, true, Math.max(0, limit), 0);
        return new Placed(items, total);
    }

    /** The latest placed incidents a map shows, and how many placed incidents there are in all. */
    public record Placed(List<Incident> incidents, long total) {}

    /**
     * The units a caller may record on under the units of their capture scope, in tree order, at most
     * {@value #MAX_RECORDABLE} (a commune officer's commune and its villages and organisations; a
     * province's first units only — a larger scope picks the unit from a list page instead).
     */
    public List<UnitView> recordableUnits(Caller caller) {
        List<UnitView> found = new ArrayList<>();
        LocalDate today = Dates.today();
        for (UnitView root : units.roots(caller.capture(), today)) {
            if (IncidentChecks.recordedOn(root.kind())) {
                found.add(root);
            }
            Units.Page page = units.subtree(caller.capture(), root.id(), Set.of(), today, MAX_RECORDABLE, 0);
            page.units().stream()
                    .filter(u -> IncidentChecks.recordedOn(u.kind()))
                    .forEach(found::add);
            if (found.size() >= MAX_RECORDABLE) {
                return found.subList(0, MAX_RECORDABLE);
            }
        }
        return found;
    }

    static final int MAX_RECORDABLE = 1000;

    /** The conditions of a filter, or null when it can select nothing (a unit with no units under it). */
    private IncidentWhere where(Scope scope, IncidentFilter f) {
        List<Long> ids = unitIds(scope, f);
        if (ids != null && ids.isEmpty()) {
            return null;
        }
        return f.period() == null
                ? store.where(f, ids, null, null)
                : store.where(f, ids, start(f.period()), end(f.period()));
    }

    /** The units a filter covers, or null for the whole country. */
    private List<Long> unitIds(Scope scope, IncidentFilter f) {
        // a period's list takes the tree its facts were counted on (FactWindow), so it lists what they counted
        LocalDate asOf = f.asOf() != null
                ? f.asOf()
                : f.period() != null ? FactWindow.treeOn(f.period().year()) : Dates.today();
        if (f.unitId() == null) {
            if (scope.wholeCountry()) {
                return null;
            }
            // the units the scope covers on that date (after a reorganisation: what its units were made of, or became)
            List<Long> ids = new ArrayList<>();
            for (UnitView root : units.roots(scope, asOf)) {
                ids.addAll(subtree(scope, root.id(), asOf));
            }
            return ids;
        }
        return subtree(scope, f.unitId(), asOf);
    }

    /**
     * A unit and every unit under it on a date; for a unit that did not exist then, the tree of its last
     * day (today's when it exists today) — not {@link Units#subtreeWithRoot}'s unit alone.
     */
    private List<Long> subtree(Scope scope, long unitId, LocalDate asOf) {
        UnitView root = units.latest(scope, unitId)
                .orElseThrow(
                        () -> new IncidentRefusedException("unitId", "order.incident.refused.unitUnknown", unitId));
        LocalDate on = root.validOn(asOf)
                ? asOf
                : root.validTo() == null ? Dates.today() : root.validTo().minusDays(1);
        return units.subtreeWithRoot(scope, root.id(), Set.of(), on).stream()
                .map(UnitView::id)
                .toList();
    }

    /**
     * The first instant an incident is counted in a period: its first event day at 00:00 in Vietnam
     * ({@link Period#firstEventDay()}: under TT 23, 31 October belongs to the period it ends only).
     */
    public static OffsetDateTime start(Period period) {
        return period.firstEventDay().atStartOfDay(Dates.VIETNAM).toOffsetDateTime();
    }

    /** The first instant after a period: the day after its last day at 00:00 in Vietnam. */
    public static OffsetDateTime end(Period period) {
        return period.to().plusDays(1).atStartOfDay(Dates.VIETNAM).toOffsetDateTime();
    }
}
