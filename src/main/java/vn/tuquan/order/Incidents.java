package vn.tuquan.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;
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

    /** How far ahead of the server's clock an occurrence may lie (a phone's clock runs a little fast). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_SUMMARY = 4000;
    /** A status change's note and a withdrawal's reason. */
    static final int MAX_NOTE = 500;
    static final int MAX_KEY = 200;
    static final Set<UnitKind> NOT_RECORDED_ON = Set.of(UnitKind.PROVINCE, UnitKind.DISTRICT);

    static final String COLUMNS = """
            i.id, i.unit_id, i.category_code, c.kind, i.severity, i.subjective_cause, i.occurred_at, i.reported_at,
            i.status, i.source, i.latitude, i.longitude, i.summary, i.created_at, i.created_by, i.withdrawn""";
    static final String FROM = " FROM incident i JOIN incident_category c ON c.code = i.category_code";

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final IncidentIngestWriter writer;
    private volatile Map<String, IncidentCategory> catalogue;

    Incidents(JdbcClient jdbc, Units units, ApplicationEventPublisher events, IncidentIngestWriter writer) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.writer = writer;
    }

    /** One page of a list, with how many match in all. */
    public record IncidentPage(List<Incident> incidents, long total, int page, int size) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** What an ingest answered: the incident, and whether it was recorded by an earlier request with the same key. */
    public record Ingested(Incident incident, boolean replayed) {
    }

    /** A checked form, ready to store. */
    record Checked(long unitId, IncidentCategory category, String severity, Boolean subjectiveCause,
            OffsetDateTime occurredAt, OffsetDateTime reportedAt, IncidentSource source, Double latitude,
            Double longitude, String summary) {
    }

    // ---- the catalogue ---------------------------------------------------------------------

    /** Every category, groups first within each kind, in the catalogue's order. */
    public List<IncidentCategory> categories() {
        return List.copyOf(catalogue().values());
    }

    public Optional<IncidentCategory> category(String code) {
        return Optional.ofNullable(code == null ? null : catalogue().get(code));
    }

    private Map<String, IncidentCategory> catalogue() {
        Map<String, IncidentCategory> found = catalogue;
        if (found == null) {
            Map<String, IncidentCategory> loaded = new LinkedHashMap<>();
            jdbc.sql("SELECT code, parent_code, name_vi, name_en, kind, position FROM incident_category WHERE active"
                            + " ORDER BY position")
                    .query((rs, n) -> new IncidentCategory(rs.getString("code"), rs.getString("parent_code"),
                            rs.getString("name_vi"), rs.getString("name_en"), IncidentKind.valueOf(rs.getString("kind")),
                            rs.getInt("position")))
                    .list().forEach(c -> loaded.put(c.code(), c));
            found = java.util.Collections.unmodifiableMap(loaded);
            catalogue = found;
        }
        return found;
    }

    // ---- writes ----------------------------------------------------------------------------

    /** Records an incident on a unit of the caller's capture scope. */
    @Transactional
    public Incident record(Caller caller, IncidentForm form) {
        Checked checked = check(caller, form, Dates.now().atOffset(ZoneOffset.UTC));
        Incident incident = insert(checked, caller.username());
        events.publishEvent(new IncidentRecorded(incident));
        return incident;
    }

    /**
     * Records an incident once per idempotency key of the caller: a retry with the same key and the
     * same form answers the incident the first request recorded and stores nothing; the same key
     * with another form is refused. Concurrent duplicates meet at the key's primary key: the second
     * waits for the first to commit and then finds its incident.
     */
    public Ingested ingest(Caller caller, String key, IncidentForm form) {
        caller.require(Permission.ORDER_WRITE);
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IncidentRefusedException("Idempotency-Key", "order.incident.refused.key", MAX_KEY);
        }
        Checked checked = check(caller, form, Dates.now().atOffset(ZoneOffset.UTC));
        return writer.submit(caller.username(), key, hash(form), checked);
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
            throw new IncidentRefusedException("status", "order.incident.refused.transition",
                    new DefaultMessageSourceResolvable("order.incident.status." + before.status()),
                    new DefaultMessageSourceResolvable("order.incident.status." + to));
        }
        if (TextLimits.tooLong(note, MAX_NOTE)) {
            throw new IncidentRefusedException("note", "order.incident.refused.noteTooLong", MAX_NOTE,
                    TextLimits.length(note));
        }
        jdbc.sql("UPDATE incident SET status = :to WHERE id = :id").param("to", to.name()).param("id", incidentId).update();
        // the product's time, as the first step's (its report time) is: the history is ordered by it
        jdbc.sql("INSERT INTO incident_status (incident_id, changed_at, changed_by, from_status, to_status, note)"
                        + " VALUES (:id, :now, :by, :from, :to, :note)")
                .param("id", incidentId).param("now", Dates.nowInVietnam()).param("by", caller.username())
                .param("from", before.status().name()).param("to", to.name()).param("note", blankToNull(note)).update();
        events.publishEvent(new IncidentStatusChanged(incidentId, before.unitId(), before.status(), to, blankToNull(note)));
        return findAny(incidentId).orElseThrow();
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
            throw new IncidentRefusedException("reason", "order.incident.refused.reasonTooLong", MAX_NOTE,
                    TextLimits.length(reason));
        }
        jdbc.sql("UPDATE incident SET withdrawn = true, withdrawn_at = :now, withdrawn_by = :by,"
                        + " withdrawn_reason = :reason WHERE id = :id")
                .param("by", caller.username()).param("reason", reason.strip()).param("id", incidentId)
                .param("now", Dates.nowInVietnam()).update();
        events.publishEvent(new IncidentWithdrawn(before, reason.strip()));
        return findAny(incidentId).orElseThrow();
    }

    private Incident locked(Caller caller, long incidentId) {
        Incident found = jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = :id FOR UPDATE OF i")
                .param("id", incidentId).query(Incidents::row).optional()
                .orElseThrow(() -> new IncidentRefusedException(null, "order.incident.refused.unknown", incidentId));
        units.latest(caller.capture(), found.unitId());
        if (found.withdrawn()) {
            throw new IncidentRefusedException(null, "order.incident.refused.withdrawn", incidentId);
        }
        return found;
    }

    /**
     * Checks a form against the catalogue and the caller's capture scope; refused with the field it
     * is about, or with {@link AccessRefusedException} when the unit lies outside the capture scope.
     */
    Checked check(Caller caller, IncidentForm form, OffsetDateTime now) {
        return check(caller, form, now, null);
    }

    /** The same, looking units up once per batch in {@code seen} (when not null). */
    Checked check(Caller caller, IncidentForm form, OffsetDateTime now, Map<Long, UnitView> seen) {
        caller.require(Permission.ORDER_WRITE);
        if (form == null || form.unitId() == null) {
            throw new IncidentRefusedException("unitId", "order.incident.refused.unitMissing");
        }
        UnitView cached = seen == null ? null : seen.get(form.unitId());
        UnitView unit = cached != null ? cached : units.latest(caller.capture(), form.unitId())
                .orElseThrow(() -> new IncidentRefusedException("unitId", "order.incident.refused.unitUnknown",
                        form.unitId()));
        if (seen != null) {
            seen.put(unit.id(), unit);
        }
        if (NOT_RECORDED_ON.contains(unit.kind())) {
            throw new IncidentRefusedException("unitId", "order.incident.refused.unitKind", unit.name());
        }
        IncidentCategory category = category(form.categoryCode() == null ? null : form.categoryCode().strip())
                .orElseThrow(() -> form.categoryCode() == null || form.categoryCode().isBlank()
                        ? new IncidentRefusedException("categoryCode", "order.incident.refused.categoryMissing")
                        : new IncidentRefusedException("categoryCode", "order.incident.refused.categoryUnknown",
                                form.categoryCode()));
        String severity = blankToNull(form.severity());
        severity = severity == null ? null : severity.toUpperCase(Locale.ROOT);
        IncidentKind kind = category.kind();
        if (severity == null && kind.severityRequired()) {
            throw new IncidentRefusedException("severity", "order.incident.refused.severityRequired", category.nameVi());
        }
        if (severity != null && !kind.severities().contains(severity)) {
            throw new IncidentRefusedException("severity", kind.severities().isEmpty()
                    ? "order.incident.refused.severityNone" : "order.incident.refused.severityNotAllowed",
                    severity, category.nameVi());
        }
        if (form.occurredAt() == null) {
            throw new IncidentRefusedException("occurredAt", "order.incident.refused.occurredMissing");
        }
        if (form.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new IncidentRefusedException("occurredAt", "order.incident.refused.occurredFuture");
        }
        OffsetDateTime reported = form.reportedAt() == null ? later(form.occurredAt(), now) : form.reportedAt();
        if (reported.isBefore(form.occurredAt())) {
            throw new IncidentRefusedException("reportedAt", "order.incident.refused.reportedBefore");
        }
        if (reported.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IncidentRefusedException("reportedAt", "order.incident.refused.reportedFuture");
        }
        IncidentSource source = source(form.source());
        if ((form.latitude() == null) != (form.longitude() == null)) {
            throw new IncidentRefusedException(form.latitude() == null ? "latitude" : "longitude",
                    "order.incident.refused.coordinatesPair");
        }
        if (form.latitude() != null && (Math.abs(form.latitude()) > 90 || Math.abs(form.longitude()) > 180
                || form.latitude().isNaN() || form.longitude().isNaN())) {
            throw new IncidentRefusedException("latitude", "order.incident.refused.coordinates");
        }
        String summary = blankToNull(form.summary());
        if (TextLimits.tooLong(summary, MAX_SUMMARY)) {
            throw new IncidentRefusedException("summary", "order.incident.refused.summaryTooLong", MAX_SUMMARY,
                    TextLimits.length(summary));
        }
        Boolean subjective = kind.hasSubjectiveCause() ? form.subjectiveCause() : null;
        return new Checked(unit.id(), category, severity, subjective, form.occurredAt(), reported, source,
                form.latitude(), form.longitude(), summary);
    }

    private static OffsetDateTime later(OffsetDateTime occurred, OffsetDateTime now) {
        return now.isBefore(occurred) ? occurred : now;
    }

    static IncidentSource source(String source) {
        if (source == null || source.isBlank()) {
            throw new IncidentRefusedException("source", "order.incident.refused.sourceMissing");
        }
        try {
            return IncidentSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IncidentRefusedException("source", "order.incident.refused.sourceUnknown", source);
        }
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
        Map<Long, UnitView> seen = new java.util.HashMap<>();
        List<Checked> checked = new ArrayList<>(forms.size());
        for (IncidentForm form : forms) {
            checked.add(check(caller, form, now, seen));
        }
        List<Long> ids = insertAll(checked, reached, caller.username());
        Long unit = checked.stream().map(Checked::unitId).distinct().count() == 1 ? checked.get(0).unitId() : null;
        events.publishEvent(new IncidentsImported(what, ids.size(), unit));
        return ids;
    }

    List<Long> insertAll(List<Checked> rows, List<IncidentStatus> reached, String username) {
        return insertAll(jdbc, rows, reached, java.util.Collections.nCopies(rows.size(), username));
    }

    /**
     * Checked incidents in one statement (arrays unnested in order), and their status histories in
     * another, each recorded by its user.
     */
    static List<Long> insertAll(JdbcClient jdbc, List<Checked> rows, List<IncidentStatus> reached,
            List<String> usernames) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        String[] unit = new String[n];
        String[] category = new String[n];
        String[] severity = new String[n];
        String[] subjective = new String[n];
        String[] occurred = new String[n];
        String[] reported = new String[n];
        String[] status = new String[n];
        String[] source = new String[n];
        String[] lat = new String[n];
        String[] lon = new String[n];
        String[] summary = new String[n];
        String[] by = usernames.toArray(String[]::new);
        for (int i = 0; i < n; i++) {
            Checked c = rows.get(i);
            unit[i] = Long.toString(c.unitId());
            category[i] = c.category().code();
            severity[i] = c.severity();
            subjective[i] = c.subjectiveCause() == null ? null : c.subjectiveCause().toString();
            occurred[i] = c.occurredAt().toString();
            reported[i] = c.reportedAt().toString();
            status[i] = (reached == null ? IncidentStatus.REPORTED : reached.get(i)).name();
            source[i] = c.source().name();
            lat[i] = c.latitude() == null ? null : c.latitude().toString();
            lon[i] = c.longitude() == null ? null : c.longitude().toString();
            summary[i] = c.summary();
        }
        List<Long> ids = jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at, status,
                                      source, latitude, longitude, summary, created_by, created_at)
                SELECT CAST(u AS bigint), c, s, CAST(sc AS boolean), CAST(o AS timestamptz), CAST(r AS timestamptz), st, src,
                       CAST(la AS double precision), CAST(lo AS double precision), su, b, CAST(:now AS timestamptz)
                  FROM unnest(CAST(:unit AS text[]), CAST(:category AS text[]), CAST(:severity AS text[]),
                              CAST(:subjective AS text[]), CAST(:occurred AS text[]), CAST(:reported AS text[]),
                              CAST(:status AS text[]), CAST(:source AS text[]), CAST(:lat AS text[]), CAST(:lon AS text[]),
                              CAST(:summary AS text[]), CAST(:by AS text[]))
                       WITH ORDINALITY AS t(u, c, s, sc, o, r, st, src, la, lo, su, b, n)
                 ORDER BY n
                RETURNING id""")
                .param("unit", unit).param("category", category).param("severity", severity)
                .param("subjective", subjective).param("occurred", occurred).param("reported", reported)
                .param("status", status).param("source", source).param("lat", lat).param("lon", lon)
                .param("summary", summary).param("by", by).param("now", Dates.nowInVietnam()).query(Long.class).list();
        jdbc.sql("""
                INSERT INTO incident_status (incident_id, changed_at, changed_by, from_status, to_status)
                SELECT i.id, i.reported_at + s.n * interval '3 days', i.created_by, (CAST(:steps AS text[]))[s.n],
                       (CAST(:steps AS text[]))[s.n + 1]
                  FROM incident i CROSS JOIN generate_series(0, 3) AS s(n)
                 WHERE i.id = ANY (CAST(:ids AS bigint[])) AND s.n < array_position(CAST(:steps AS text[]), i.status)
                 ORDER BY i.id, s.n""")
                .param("steps", java.util.Arrays.stream(IncidentStatus.values()).map(Enum::name)
                        .toArray(String[]::new))
                .param("ids", ids.toArray(Long[]::new)).update();
        return ids;
    }

    Incident insert(Checked c, String username) {
        OffsetDateTime now = Dates.nowInVietnam();
        long id = jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at, status,
                                      source, latitude, longitude, summary, created_by, created_at)
                VALUES (:unit, :category, :severity, :subjective, :occurred, :reported, 'REPORTED', :source, :lat, :lon,
                        :summary, :by, :now) RETURNING id""")
                .param("unit", c.unitId()).param("category", c.category().code()).param("severity", c.severity())
                .param("subjective", c.subjectiveCause()).param("occurred", c.occurredAt())
                .param("reported", c.reportedAt()).param("source", c.source().name()).param("lat", c.latitude())
                .param("lon", c.longitude()).param("summary", c.summary()).param("by", username).param("now", now)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO incident_status (incident_id, changed_at, changed_by, to_status)"
                        + " VALUES (:id, :now, :by, 'REPORTED')")
                .param("id", id).param("now", now).param("by", username).update();
        return incident(id, c, username, now);
    }

    /** A checked incident just recorded under an id. */
    static Incident incident(long id, Checked c, String username, OffsetDateTime now) {
        return new Incident(id, c.unitId(), c.category().code(), c.category().kind(), c.severity(), c.subjectiveCause(),
                vietnam(c.occurredAt()), vietnam(c.reportedAt()), IncidentStatus.REPORTED, c.source(), c.latitude(),
                c.longitude(), c.summary(), now, username, false);
    }

    // ---- reads -----------------------------------------------------------------------------

    /** An incident (withdrawn ones too); refused when its unit lies outside the scope. */
    public Optional<Incident> find(Scope scope, long incidentId) {
        Optional<Incident> found = findAny(incidentId);
        found.ifPresent(i -> units.latest(scope, i.unitId()));
        return found;
    }

    /**
     * An incident of a unit (recorded on that very unit); refused when the unit lies outside the
     * scope, empty when the unit has no such incident.
     */
    public Optional<Incident> findIn(Scope scope, long unitId, long incidentId) {
        units.latest(scope, unitId);
        return findAny(incidentId).filter(i -> i.unitId() == unitId);
    }

    /** The statuses an incident went through, the first (its recording) first. */
    public List<IncidentStatusChange> history(Scope scope, long incidentId) {
        if (find(scope, incidentId).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT changed_at, changed_by, from_status, to_status, note FROM incident_status"
                        + " WHERE incident_id = :id ORDER BY changed_at, to_status")
                .param("id", incidentId).query((rs, n) -> new IncidentStatusChange(
                        vietnam(rs.getObject("changed_at", OffsetDateTime.class)), rs.getString("changed_by"),
                        rs.getString("from_status") == null ? null : IncidentStatus.valueOf(rs.getString("from_status")),
                        IncidentStatus.valueOf(rs.getString("to_status")), rs.getString("note")))
                .list();
    }

    /** One page (from 0) of the incidents a filter selects, the latest occurrence first. */
    public IncidentPage list(Scope scope, IncidentFilter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 1000));
        int pageNumber = Math.max(0, page);
        Query query = query(scope, filter);
        if (query == null) {
            return new IncidentPage(List.of(), 0, pageNumber, pageSize);
        }
        long total = bind(jdbc.sql("SELECT count(*)" + FROM + query.where()), query.params()).query(Long.class).single();
        List<Incident> items = bind(jdbc.sql("SELECT " + COLUMNS + FROM + query.where()
                        + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :limit OFFSET :offset"), query.params())
                .param("limit", pageSize).param("offset", (long) pageNumber * pageSize).query(Incidents::row).list();
        return new IncidentPage(items, total, pageNumber, pageSize);
    }

    /**
     * Every incident a filter selects, the latest first, handed over one at a time as PostgreSQL's
     * cursor reads them ({@link SheetExports#FETCH_SIZE} rows at a time): an export, whatever the
     * count. Read-only; in the caller's transaction when there is one (the export's snapshot).
     */
    @Transactional(readOnly = true)
    public void each(Scope scope, IncidentFilter filter, Consumer<Incident> each) {
        Query query = query(scope, filter);
        if (query == null) {
            return;
        }
        bind(jdbc.sql("SELECT " + COLUMNS + FROM + query.where() + " ORDER BY i.occurred_at DESC, i.id DESC"),
                query.params()).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
                    each.accept(row(rs, 0));
                });
    }

    /**
     * The incidents a filter selects that have a place (latitude and longitude), the latest first, at
     * most {@code limit}, and how many there are in all: the points of a map, which says when it
     * shows only the latest ones.
     */
    public Placed placed(Scope scope, IncidentFilter filter, int limit) {
        Query query = query(scope, filter);
        if (query == null) {
            return new Placed(List.of(), 0);
        }
        String where = query.where() + " AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL";
        long total = bind(jdbc.sql("SELECT count(*)" + FROM + where), query.params()).query(Long.class).single();
        List<Incident> items = bind(jdbc.sql("SELECT " + COLUMNS + FROM + where
                        + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :limit"), query.params())
                .param("limit", Math.max(0, limit)).query(Incidents::row).list();
        return new Placed(items, total);
    }

    /** The latest placed incidents a map shows, and how many placed incidents there are in all. */
    public record Placed(List<Incident> incidents, long total) {
    }

    /**
     * The units a caller may record on under the units of their capture scope, in tree order, at most
     * {@value #MAX_RECORDABLE} (a commune officer's commune and its villages and organisations; a
     * province's first units only — a larger scope picks the unit from a list page instead).
     */
    public List<UnitView> recordableUnits(Caller caller) {
        List<UnitView> found = new ArrayList<>();
        LocalDate today = Dates.today();
        for (UnitView root : units.roots(caller.capture(), today)) {
            if (!NOT_RECORDED_ON.contains(root.kind())) {
                found.add(root);
            }
            Units.Page page = units.subtree(caller.capture(), root.id(), Set.of(), today, MAX_RECORDABLE, 0);
            page.units().stream().filter(u -> !NOT_RECORDED_ON.contains(u.kind())).forEach(found::add);
            if (found.size() >= MAX_RECORDABLE) {
                return found.subList(0, MAX_RECORDABLE);
            }
        }
        return found;
    }

    static final int MAX_RECORDABLE = 1000;

    record Query(String where, Map<String, Object> params) {
    }

    /** The WHERE clause of a filter, or null when it can select nothing (a unit with no units under it). */
    private Query query(Scope scope, IncidentFilter f) {
        StringBuilder where = new StringBuilder(" WHERE NOT i.withdrawn");
        Map<String, Object> params = new LinkedHashMap<>();
        List<Long> ids = unitIds(scope, f);
        if (ids != null) {
            if (ids.isEmpty()) {
                return null;
            }
            where.append(" AND i.unit_id = ANY (CAST(:units AS bigint[]))");
            params.put("units", ids.toArray(Long[]::new));
        }
        if (f.period() != null) {
            where.append(" AND i.occurred_at >= :from AND i.occurred_at < :until");
            params.put("from", start(f.period()));
            params.put("until", end(f.period()));
        }
        if (!f.categoryCodes().isEmpty()) {
            where.append(" AND (i.category_code = ANY (CAST(:categories AS text[])) OR c.parent_code = ANY (CAST(:categories AS text[])))");
            params.put("categories", f.categoryCodes().toArray(String[]::new));
        }
        if (!f.kinds().isEmpty()) {
            where.append(" AND c.kind = ANY (CAST(:kinds AS text[]))");
            params.put("kinds", f.kinds().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!f.severities().isEmpty()) {
            where.append(" AND i.severity = ANY (CAST(:severities AS text[]))");
            params.put("severities", f.severities().toArray(String[]::new));
        }
        if (f.subjectiveCause() != null) {
            where.append(" AND i.subjective_cause = :subjective");
            params.put("subjective", f.subjectiveCause());
        }
        if (f.status() != null) {
            where.append(" AND i.status = :status");
            params.put("status", f.status().name());
        }
        return new Query(where.toString(), params);
    }

    /** The units a filter covers, or null for the whole country. */
    private List<Long> unitIds(Scope scope, IncidentFilter f) {
        // a period's list takes the tree its facts were counted on (FactWindow), so it lists what they counted
        LocalDate asOf = f.asOf() != null ? f.asOf() : f.period() != null ? FactWindow.treeOn(f.period().year()) : Dates.today();
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
        UnitView root = units.latest(scope, unitId).orElseThrow(() -> new IncidentRefusedException("unitId",
                "order.incident.refused.unitUnknown", unitId));
        LocalDate on = root.validOn(asOf) ? asOf : root.validTo() == null ? Dates.today() : root.validTo().minusDays(1);
        return units.subtreeWithRoot(scope, root.id(), Set.of(), on).stream().map(UnitView::id).toList();
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

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        JdbcClient.StatementSpec bound = spec;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            bound = bound.param(e.getKey(), e.getValue());
        }
        return bound;
    }

    Optional<Incident> findAny(long incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = :id").param("id", incidentId)
                .query(Incidents::row).optional();
    }

    /** The SHA-256 of a form, in a fixed order of its fields: what "the same request" means for a key. */
    static String hash(IncidentForm form) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(form.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime vietnam(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(Dates.VIETNAM).toOffsetDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Incident row(ResultSet rs, int n) throws SQLException {
        Object subjective = rs.getObject("subjective_cause");
        Object lat = rs.getObject("latitude");
        Object lon = rs.getObject("longitude");
        return new Incident(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("category_code"),
                IncidentKind.valueOf(rs.getString("kind")), rs.getString("severity"), (Boolean) subjective,
                vietnam(rs.getObject("occurred_at", OffsetDateTime.class)),
                vietnam(rs.getObject("reported_at", OffsetDateTime.class)), IncidentStatus.valueOf(rs.getString("status")),
                IncidentSource.valueOf(rs.getString("source")), lat == null ? null : ((Number) lat).doubleValue(),
                lon == null ? null : ((Number) lon).doubleValue(), rs.getString("summary"),
                vietnam(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("created_by"),
                rs.getBoolean("withdrawn"));
    }
}
