package vn.tuquan.order.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.order.IncidentSource;
import vn.tuquan.order.IncidentStatus;
import vn.tuquan.order.IncidentStatusChange;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.web.SheetExports;

/**
 * The one owner of the incident register's SQL: the catalogue ({@code incident_category}), the
 * incidents ({@code incident}) and their status histories ({@code incident_status}). No checks and
 * no scopes here: the facade {@link vn.tuquan.order.Incidents} checks the caller and the form first.
 * Instants are read back in Vietnam's time.
 */
@Component
public class IncidentStore {

    /** The columns {@link #row} reads, of {@link #FROM}. */
    public static final String COLUMNS = """
            i.id, i.unit_id, i.category_code, c.kind, i.severity, i.subjective_cause, i.occurred_at, i.reported_at,
            i.status, i.source, i.latitude, i.longitude, i.summary, i.created_at, i.created_by, i.withdrawn""";

    public static final String FROM = " FROM incident i JOIN incident_category c ON c.code = i.category_code";

    private final JdbcClient jdbc;
    private volatile Map<String, IncidentCategory> catalogue;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the catalogue ---------------------------------------------------------------------

    /** The active categories by code, groups first within each kind, in the catalogue's order (read once). */
    public Map<String, IncidentCategory> catalogue() {
        Map<String, IncidentCategory> found = catalogue;
        if (found == null) {
            Map<String, IncidentCategory> loaded = new LinkedHashMap<>();
            jdbc.sql("SELECT code, parent_code, name_vi, name_en, kind, position FROM incident_category WHERE active"
                            + " ORDER BY position")
                    .query((rs, n) -> new IncidentCategory(
                            rs.getString("code"),
                            rs.getString("parent_code"),
                            rs.getString("name_vi"),
                            rs.getString("name_en"),
                            IncidentKind.valueOf(rs.getString("kind")),
                            rs.getInt("position")))
                    .list()
                    .forEach(c -> loaded.put(c.code(), c));
            found = Collections.unmodifiableMap(loaded);
            catalogue = found;
        }
        return found;
    }

    // ---- writes ----------------------------------------------------------------------------

    /** Inserts a checked incident, reported now by the user, with its first status. */
    public Incident insert(CheckedIncident c, String username) {
        OffsetDateTime now = Dates.nowInVietnam();
        long id = jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at, status,
                                      source, latitude, longitude, summary, created_by, created_at)
                VALUES (:unit, :category, :severity, :subjective, :occurred, :reported, 'REPORTED', :source, :lat, :lon,
                        :summary, :by, :now) RETURNING id""")
                .param("unit", c.unitId())
                .param("category", c.category().code())
                .param("severity", c.severity())
                .param("subjective", c.subjectiveCause())
                .param("occurred", c.occurredAt())
                .param("reported", c.reportedAt())
                .param("source", c.source().name())
                .param("lat", c.latitude())
                .param("lon", c.longitude())
                .param("summary", c.summary())
                .param("by", username)
                .param("now", now)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO incident_status (incident_id, changed_at, changed_by, to_status)"
                        + " VALUES (:id, :now, :by, 'REPORTED')")
                .param("id", id)
                .param("now", now)
                .param("by", username)
                .update();
        return recorded(id, c, username, now);
    }

    /**
     * Checked incidents in one statement (arrays unnested in order), and their status histories in
     * another, each recorded by its user: with the status each has reached ({@code reached}, or
     * REPORTED for all when null), its history filled in a step every three days from its report.
     *
     * @return the ids, in the order of the rows
     */
    public List<Long> insertAll(List<CheckedIncident> rows, List<IncidentStatus> reached, List<String> usernames) {
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
            CheckedIncident c = rows.get(i);
            unit[i] = Long.toString(c.unitId());
            category[i] = c.category().code();
            severity[i] = c.severity();
            subjective[i] =
                    c.subjectiveCause() == null ? null : c.subjectiveCause().toString();
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
                .param("unit", unit)
                .param("category", category)
                .param("severity", severity)
                .param("subjective", subjective)
                .param("occurred", occurred)
                .param("reported", reported)
                .param("status", status)
                .param("source", source)
                .param("lat", lat)
                .param("lon", lon)
                .param("summary", summary)
                .param("by", by)
                .param("now", Dates.nowInVietnam())
                .query(Long.class)
                .list();
        jdbc.sql("""
                INSERT INTO incident_status (incident_id, changed_at, changed_by, from_status, to_status)
                SELECT i.id, i.reported_at + s.n * interval '3 days', i.created_by, (CAST(:steps AS text[]))[s.n],
                       (CAST(:steps AS text[]))[s.n + 1]
                  FROM incident i CROSS JOIN generate_series(0, 3) AS s(n)
                 WHERE i.id = ANY (CAST(:ids AS bigint[])) AND s.n < array_position(CAST(:steps AS text[]), i.status)
                 ORDER BY i.id, s.n""")
                .param(
                        "steps",
                        Arrays.stream(IncidentStatus.values()).map(Enum::name).toArray(String[]::new))
                .param("ids", ids.toArray(Long[]::new))
                .update();
        return ids;
    }

    /** A checked incident just recorded under an id. */
    public static Incident recorded(long id, CheckedIncident c, String username, OffsetDateTime now) {
        return new Incident(
                id,
                c.unitId(),
                c.category().code(),
                c.category().kind(),
                c.severity(),
                c.subjectiveCause(),
                vietnam(c.occurredAt()),
                vietnam(c.reportedAt()),
                IncidentStatus.REPORTED,
                c.source(),
                c.latitude(),
                c.longitude(),
                c.summary(),
                now,
                username,
                false);
    }

    /** Moves an incident to a status, with a step of its history at the product's time (the history is ordered by it). */
    public void changeStatus(long incidentId, IncidentStatus from, IncidentStatus to, String username, String note) {
        jdbc.sql("UPDATE incident SET status = :to WHERE id = :id")
                .param("to", to.name())
                .param("id", incidentId)
                .update();
        jdbc.sql("INSERT INTO incident_status (incident_id, changed_at, changed_by, from_status, to_status, note)"
                        + " VALUES (:id, :now, :by, :from, :to, :note)")
                .param("id", incidentId)
                .param("now", Dates.nowInVietnam())
                .param("by", username)
                .param("from", from.name())
                .param("to", to.name())
                .param("note", note)
                .update();
    }

    /** Marks an incident withdrawn, by whom, when and why. */
    public void withdraw(long incidentId, String username, String reason) {
        jdbc.sql("UPDATE incident SET withdrawn = true, withdrawn_at = :now, withdrawn_by = :by,"
                        + " withdrawn_reason = :reason WHERE id = :id")
                .param("by", username)
                .param("reason", reason)
                .param("id", incidentId)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    // ---- reads -----------------------------------------------------------------------------

    /** An incident, withdrawn ones too. */
    public Optional<Incident> find(long incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = :id")
                .param("id", incidentId)
                .query(IncidentStore::row)
                .optional();
    }

    /** An incident, locked until the transaction ends. */
    public Optional<Incident> lock(long incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = :id FOR UPDATE OF i")
                .param("id", incidentId)
                .query(IncidentStore::row)
                .optional();
    }

    /** The unit an incident is recorded on, unless it is withdrawn. */
    public Optional<Long> unitOf(long incidentId) {
        return jdbc.sql("SELECT unit_id FROM incident WHERE id = :id AND NOT withdrawn")
                .param("id", incidentId)
                .query(Long.class)
                .optional();
    }

    /** The statuses an incident went through, the first (its recording) first. */
    public List<IncidentStatusChange> history(long incidentId) {
        return jdbc.sql("SELECT changed_at, changed_by, from_status, to_status, note FROM incident_status"
                        + " WHERE incident_id = :id ORDER BY changed_at, to_status")
                .param("id", incidentId)
                .query((rs, n) -> new IncidentStatusChange(
                        vietnam(rs.getObject("changed_at", OffsetDateTime.class)),
                        rs.getString("changed_by"),
                        rs.getString("from_status") == null
                                ? null
                                : IncidentStatus.valueOf(rs.getString("from_status")),
                        IncidentStatus.valueOf(rs.getString("to_status")),
                        rs.getString("note")))
                .list();
    }

    /**
     * The conditions of a filter: the incidents not withdrawn, on the units given (any when null),
     * occurred in [{@code from}, {@code until}) when given, and the filter's categories (a group takes
     * the categories under it), kinds, severities, cause and status.
     */
    public IncidentWhere where(IncidentFilter f, List<Long> unitIds, OffsetDateTime from, OffsetDateTime until) {
        StringBuilder where = new StringBuilder(" WHERE NOT i.withdrawn");
        Map<String, Object> params = new LinkedHashMap<>();
        if (unitIds != null) {
            where.append(" AND i.unit_id = ANY (CAST(:units AS bigint[]))");
            params.put("units", unitIds.toArray(Long[]::new));
        }
        if (from != null) {
            where.append(" AND i.occurred_at >= :from AND i.occurred_at < :until");
            params.put("from", from);
            params.put("until", until);
        }
        if (!f.categoryCodes().isEmpty()) {
            where.append(
                    " AND (i.category_code = ANY (CAST(:categories AS text[])) OR c.parent_code = ANY (CAST(:categories AS text[])))");
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
        return new IncidentWhere(where.toString(), params);
    }

    /** How many incidents match; only those with a place when {@code placed}. */
    public long count(IncidentWhere where, boolean placed) {
        return bind(jdbc.sql("SELECT count(*)" + FROM + where.sql() + (placed ? PLACED : "")), where.params())
                .query(Long.class)
                .single();
    }

    /** The matching incidents (only those with a place when {@code placed}), the latest occurrence first, a page of them. */
    public List<Incident> latest(IncidentWhere where, boolean placed, int limit, long offset) {
        return bind(
                        jdbc.sql("SELECT " + COLUMNS + FROM + where.sql() + (placed ? PLACED : "")
                                + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :limit OFFSET :offset"),
                        where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(IncidentStore::row)
                .list();
    }

    /**
     * Every matching incident, the latest first, handed over one at a time as PostgreSQL's cursor
     * reads them ({@link SheetExports#FETCH_SIZE} rows at a time).
     */
    public void each(IncidentWhere where, Consumer<Incident> each) {
        bind(
                        jdbc.sql("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY i.occurred_at DESC, i.id DESC"),
                        where.params())
                .withFetchSize(SheetExports.FETCH_SIZE)
                .query(rs -> {
                    each.accept(row(rs, 0));
                });
    }

    private static final String PLACED = " AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL";

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        JdbcClient.StatementSpec bound = spec;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            bound = bound.param(e.getKey(), e.getValue());
        }
        return bound;
    }

    private static OffsetDateTime vietnam(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(Dates.VIETNAM).toOffsetDateTime();
    }

    /** An incident of a row of {@link #COLUMNS}. */
    public static Incident row(ResultSet rs, int n) throws SQLException {
        Object subjective = rs.getObject("subjective_cause");
        Object lat = rs.getObject("latitude");
        Object lon = rs.getObject("longitude");
        return new Incident(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("category_code"),
                IncidentKind.valueOf(rs.getString("kind")),
                rs.getString("severity"),
                (Boolean) subjective,
                vietnam(rs.getObject("occurred_at", OffsetDateTime.class)),
                vietnam(rs.getObject("reported_at", OffsetDateTime.class)),
                IncidentStatus.valueOf(rs.getString("status")),
                IncidentSource.valueOf(rs.getString("source")),
                lat == null ? null : ((Number) lat).doubleValue(),
                lon == null ? null : ((Number) lon).doubleValue(),
                rs.getString("summary"),
                vietnam(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("created_by"),
                rs.getBoolean("withdrawn"));
    }
}
