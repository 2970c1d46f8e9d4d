package vn.tuquan.order;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.order.internal.HotspotUnits;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/**
 * The register of hotspot areas: designation and removal by decision, the status over time, and
 * how many hotspots were in each status on a date. A hotspot is seen by whoever sees one of its
 * units; it is changed by whoever may record for all of them.
 */
@Service
public class Hotspots {

    private static final String COLUMNS = """
            h.*, s.status AS status_on, s.valid_from AS status_since,
            ARRAY(SELECT hu.unit_id FROM hotspot_unit hu WHERE hu.hotspot_id = h.id ORDER BY hu.unit_id) AS unit_ids""";
    private static final String STATUS_ON = """
            LEFT JOIN hotspot_status s ON s.hotspot_id = h.id AND s.valid_from <= :on
                                      AND (s.valid_to IS NULL OR s.valid_to > :on)""";
    private static final String UNDER = """
            EXISTS (SELECT 1 FROM hotspot_unit hu WHERE hu.hotspot_id = h.id AND hu.unit_id = ANY (CAST(:ids AS bigint[])))""";

    /** A hotspot's or a campaign's name; a deciding body. */
    static final int MAX_NAME = 300;

    static final int MAX_NUMBER = 100;
    /** The reason of a status. */
    static final int MAX_REASON = 1000;

    static final int MAX_NOTES = 2000;

    private final JdbcClient jdbc;
    private final HotspotUnits units;
    private final ApplicationEventPublisher events;

    Hotspots(JdbcClient jdbc, HotspotUnits units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    /**
     * How many hotspots under a unit (one of their units in its subtree) were in each status on a
     * date: those designated on or before the date and not removed by then, in one query.
     */
    public Hotspot.Counts counts(Scope scope, long unitId, LocalDate on) {
        return counts(scope, unitId, on, Dates.today());
    }

    /** The same, over the units under the unit on the day {@code tree} (a period's list: {@link FactWindow#treeOn}). */
    public Hotspot.Counts counts(Scope scope, long unitId, LocalDate on, LocalDate tree) {
        Long[] ids = units.subtreeIds(scope, unitId, tree).toArray(Long[]::new);
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE s.status = 'COMPLEX') AS complex,
                       count(*) FILTER (WHERE s.status = 'CONTAINED') AS contained,
                       count(*) FILTER (WHERE s.status = 'STABLE') AS stable
                  FROM hotspot h
                  JOIN hotspot_status s ON s.hotspot_id = h.id AND s.valid_from <= :on
                                       AND (s.valid_to IS NULL OR s.valid_to > :on)
                 WHERE h.designated_on <= :on AND (h.removed_on IS NULL OR h.removed_on > :on)""" + " AND " + UNDER)
                .param("on", on)
                .param("ids", ids)
                .query((rs, n) -> new Hotspot.Counts(
                        unitId, on, rs.getLong("complex"), rs.getLong("contained"), rs.getLong("stable")))
                .single();
    }

    /**
     * For the statistics: how many hotspots were on the list on a date in each status, per given unit,
     * each hotspot counted once, at the first of its units (the lowest id) — so that a subtree's sum
     * counts a hotspot covering several of its units once; the list with {@link Hotspot.Filter#countedHere}
     * shows the same hotspots. One query for all the units; a unit with none is left out.
     */
    public Map<Long, Hotspot.Counts> countsAtFirstUnit(Scope scope, Collection<Long> unitIds, LocalDate on) {
        if (!scope.wholeCountry()) {
            units.requireAll(scope, unitIds);
        }
        Map<Long, Hotspot.Counts> counts = new HashMap<>();
        if (unitIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT hu.unit_id,
                       count(*) FILTER (WHERE s.status = 'COMPLEX') AS complex,
                       count(*) FILTER (WHERE s.status = 'CONTAINED') AS contained,
                       count(*) FILTER (WHERE s.status = 'STABLE') AS stable
                  FROM hotspot_unit hu
                  JOIN hotspot h ON h.id = hu.hotspot_id
                  JOIN hotspot_status s ON s.hotspot_id = h.id AND s.valid_from <= :on
                                       AND (s.valid_to IS NULL OR s.valid_to > :on)
                 WHERE hu.unit_id = ANY (CAST(:ids AS bigint[]))
                   AND NOT EXISTS (SELECT 1 FROM hotspot_unit o WHERE o.hotspot_id = hu.hotspot_id AND o.unit_id < hu.unit_id)
                   AND h.designated_on <= :on AND (h.removed_on IS NULL OR h.removed_on > :on)
                 GROUP BY hu.unit_id""")
                .param("on", on)
                .param("ids", unitIds.toArray(Long[]::new))
                .query((rs, n) -> counts.put(
                        rs.getLong(1),
                        new Hotspot.Counts(
                                rs.getLong(1),
                                on,
                                rs.getLong("complex"),
                                rs.getLong("contained"),
                                rs.getLong("stable"))))
                .list();
        return counts;
    }

    /**
     * The hotspots under a unit designated on or before the date, each with its status on the date,
     * narrowed by the filter (a status filter keeps only those still on the list then).
     */
    public List<Hotspot> under(Scope scope, long unitId, LocalDate on, Hotspot.Filter filter) {
        return under(scope, unitId, on, Dates.today(), filter);
    }

    /**
     * The same, over the units under the unit on the day {@code tree}: a period's list takes the tree
     * its facts were counted on ({@link FactWindow#treeOn}) and the period's last day as {@code on}.
     */
    public List<Hotspot> under(Scope scope, long unitId, LocalDate on, LocalDate tree, Hotspot.Filter filter) {
        return underQuery(scope, unitId, on, tree, filter).query(Hotspots::row).list();
    }

    /** The same hotspots (on today's tree), every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void each(Scope scope, long unitId, LocalDate on, Hotspot.Filter filter, Consumer<Hotspot> each) {
        underQuery(scope, unitId, on, Dates.today(), filter)
                .withFetchSize(SheetExports.FETCH_SIZE)
                .query(rs -> {
                    each.accept(row(rs, 0));
                });
    }

    private JdbcClient.StatementSpec underQuery(
            Scope scope, long unitId, LocalDate on, LocalDate tree, Hotspot.Filter filter) {
        Long[] ids = units.subtreeIds(scope, unitId, tree).toArray(Long[]::new);
        StringBuilder sql = new StringBuilder(
                "SELECT " + COLUMNS + " FROM hotspot h " + STATUS_ON + " WHERE h.designated_on <= :on AND " + UNDER);
        if (filter.kind() != null) {
            sql.append(" AND h.kind = :kind");
        }
        if (filter.status() != null) {
            sql.append(" AND s.status = :status");
        }
        if (filter.unsettled()) {
            sql.append(" AND s.status <> 'STABLE'");
        }
        if (filter.countedHere()) {
            sql.append(" AND (SELECT min(f.unit_id) FROM hotspot_unit f WHERE f.hotspot_id = h.id)"
                    + " = ANY (CAST(:ids AS bigint[]))");
        }
        if (filter.status() != null || !filter.withRemoved() || filter.unsettled()) {
            sql.append(" AND (h.removed_on IS NULL OR h.removed_on > :on)");
        }
        String text =
                filter.text() == null ? "" : VietnameseText.fold(filter.text().strip());
        if (!text.isEmpty()) {
            sql.append(" AND search_fold(h.name) LIKE '%' || :text || '%'");
        }
        sql.append(
                " ORDER BY CASE s.status WHEN 'COMPLEX' THEN 0 WHEN 'CONTAINED' THEN 1 ELSE 2 END, h.name COLLATE natural_vi, h.id");
        var query = jdbc.sql(sql.toString()).param("on", on).param("ids", ids);
        if (filter.kind() != null) {
            query = query.param("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            query = query.param("status", filter.status().name());
        }
        if (!text.isEmpty()) {
            query = query.param("text", text);
        }
        return query;
    }

    /** A hotspot seen from a unit (one of its units lies under it), with its status on the date. */
    public Hotspot find(Scope scope, long unitId, long hotspotId, LocalDate on) {
        UnitView unit = units.visible(scope, unitId);
        Hotspot hotspot = load(hotspotId, on).orElseThrow(() -> new UnknownHotspotException("hotspot", hotspotId));
        if (hotspot.unitIds().stream().noneMatch(u -> units.under(unit.id(), u))) {
            throw new UnknownHotspotException("hotspot", hotspotId);
        }
        return hotspot;
    }

    /** The statuses of a hotspot, oldest first. */
    public List<Hotspot.StatusPeriod> history(Scope scope, long unitId, long hotspotId) {
        find(scope, unitId, hotspotId, Dates.today());
        return historyOf(hotspotId);
    }

    /**
     * Designates a hotspot by a decision. Every unit must lie under the unit acted from and in the
     * caller's capture scope (else 403); the decision's deciding body and number are required; the
     * first status holds from the designation day.
     */
    @Transactional
    public Hotspot designate(Caller caller, long unitId, Hotspot.Form form) {
        UnitView unit = units.writable(caller, unitId);
        List<Long> covered = covered(caller, unit, form.unitIds());
        String name = required("name", form.name(), MAX_NAME);
        if (form.kind() == null) {
            throw new HotspotRefusedException("kind", "order.hotspots.error.required");
        }
        LocalDate on = notFuture("designatedOn", form.designatedOn());
        String body = required("designatedBy", form.designatedBy(), MAX_NAME);
        decisionNumber("designationNumber", form.designationNumber());
        bounded("notes", form.notes(), MAX_NOTES);
        if (form.status() == null) {
            throw new HotspotRefusedException("status", "order.hotspots.error.required");
        }
        String reason = required("reason", form.reason(), MAX_REASON);
        if ((form.latitude() == null) != (form.longitude() == null)) {
            throw new HotspotRefusedException(
                    form.latitude() == null ? "latitude" : "longitude", "order.hotspot.error.point");
        }
        if (form.latitude() != null && (Math.abs(form.latitude()) > 90 || Math.abs(form.longitude()) > 180)) {
            throw new HotspotRefusedException("latitude", "order.hotspot.error.point");
        }
        long id = jdbc.sql("""
                INSERT INTO hotspot (name, kind, designated_on, designated_by, designation_number, latitude, longitude,
                                     notes, created_by)
                VALUES (:name, :kind, :on, :body, :number, :lat, :lon, :notes, :by) RETURNING id
                """)
                .param("name", name)
                .param("kind", form.kind().name())
                .param("on", on)
                .param("body", body)
                .param("number", form.designationNumber().strip())
                .param("lat", form.latitude())
                .param("lon", form.longitude())
                .param("notes", blankToNull(form.notes()))
                .param("by", caller.username())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO hotspot_unit (hotspot_id, unit_id) SELECT :id, unnest(CAST(:units AS bigint[]))")
                .param("id", id)
                .param("units", covered.toArray(Long[]::new))
                .update();
        insertStatus(id, form.status(), on, reason, caller.username());
        Hotspot after = load(id, on).orElseThrow();
        events.publishEvent(new HotspotRecorded("designated", id, unit.id(), null, after));
        return after;
    }

    /**
     * Records a change of status from a day, with its reason. Refused when dated on or before the
     * last change, in the future, after the removal, or to the status it already has.
     */
    @Transactional
    public Hotspot changeStatus(Caller caller, long unitId, long hotspotId, Hotspot.StatusForm form) {
        Hotspot before = writableHotspot(caller, unitId, hotspotId);
        if (form.status() == null) {
            throw new HotspotRefusedException("status", "order.hotspots.error.required");
        }
        LocalDate from = notFuture("from", form.from());
        String reason = required("reason", form.reason(), MAX_REASON);
        if (before.removedOn() != null) {
            throw new HotspotRefusedException("from", "order.hotspot.error.removed", before.removedOn());
        }
        Hotspot.StatusPeriod last = lastStatus(hotspotId);
        if (!from.isAfter(last.from())) {
            throw new HotspotRefusedException("from", "order.hotspot.error.beforeLast", last.from());
        }
        if (form.status() == last.status()) {
            throw new HotspotRefusedException("status", "order.hotspot.error.sameStatus");
        }
        jdbc.sql("UPDATE hotspot_status SET valid_to = :from WHERE hotspot_id = :id AND valid_to IS NULL")
                .param("from", from)
                .param("id", hotspotId)
                .update();
        insertStatus(hotspotId, form.status(), from, reason, caller.username());
        Hotspot after = load(hotspotId, from).orElseThrow();
        events.publishEvent(new HotspotRecorded("status", hotspotId, unitId, before, after));
        return after;
    }

    /**
     * Corrects what was saved at designation: name, kind, notes, the decision (day, deciding body,
     * number: checked as at designation) and the units covered (every one under the unit acted from
     * and in the caller's capture scope, as are the units it covered before). A new designation day
     * moves the first status's start with it; it must stay before the second status and the removal.
     */
    @Transactional
    public Hotspot correct(Caller caller, long unitId, long hotspotId, Hotspot.Correction form) {
        Hotspot before = writableHotspot(caller, unitId, hotspotId);
        UnitView unit = units.writable(caller, unitId);
        List<Long> covered = covered(caller, unit, form.unitIds());
        String name = required("name", form.name(), MAX_NAME);
        if (form.kind() == null) {
            throw new HotspotRefusedException("kind", "order.hotspots.error.required");
        }
        LocalDate on = notFuture("designatedOn", form.designatedOn());
        String body = required("designatedBy", form.designatedBy(), MAX_NAME);
        decisionNumber("designationNumber", form.designationNumber());
        bounded("notes", form.notes(), MAX_NOTES);
        List<Hotspot.StatusPeriod> history = historyOf(hotspotId);
        if (history.size() > 1 && !on.isBefore(history.get(1).from())) {
            throw new HotspotRefusedException(
                    "designatedOn",
                    "order.hotspot.error.afterSecondStatus",
                    history.get(1).from());
        }
        if (before.removedOn() != null && !on.isBefore(before.removedOn())) {
            throw new HotspotRefusedException("designatedOn", "order.hotspot.error.afterRemoval", before.removedOn());
        }
        jdbc.sql("""
                UPDATE hotspot SET name = :name, kind = :kind, designated_on = :on, designated_by = :body,
                                   designation_number = :number, notes = :notes WHERE id = :id""")
                .param("name", name)
                .param("kind", form.kind().name())
                .param("on", on)
                .param("body", body)
                .param("number", form.designationNumber().strip())
                .param("notes", blankToNull(form.notes()))
                .param("id", hotspotId)
                .update();
        jdbc.sql("UPDATE hotspot_status SET valid_from = :on WHERE hotspot_id = :id AND valid_from = :first")
                .param("on", on)
                .param("id", hotspotId)
                .param("first", history.get(0).from())
                .update();
        jdbc.sql("DELETE FROM hotspot_unit WHERE hotspot_id = :id")
                .param("id", hotspotId)
                .update();
        jdbc.sql("INSERT INTO hotspot_unit (hotspot_id, unit_id) SELECT :id, unnest(CAST(:units AS bigint[]))")
                .param("id", hotspotId)
                .param("units", covered.toArray(Long[]::new))
                .update();
        Hotspot after = load(hotspotId, Dates.today()).orElseThrow();
        events.publishEvent(new HotspotRecorded("corrected", hotspotId, unitId, before, after));
        return after;
    }

    /**
     * Withdraws the last change of status, recorded by mistake: the status before it holds again
     * with no end. The first status comes with the designation and cannot be withdrawn; nor can a
     * status of a hotspot removed from the list.
     */
    @Transactional
    public Hotspot withdrawLastStatus(Caller caller, long unitId, long hotspotId) {
        Hotspot before = writableHotspot(caller, unitId, hotspotId);
        if (before.removedOn() != null) {
            throw new HotspotRefusedException("status", "order.hotspot.error.removed", before.removedOn());
        }
        List<Hotspot.StatusPeriod> history = historyOf(hotspotId);
        if (history.size() < 2) {
            throw new HotspotRefusedException("status", "order.hotspot.error.firstStatus");
        }
        Hotspot.StatusPeriod last = history.get(history.size() - 1);
        jdbc.sql("DELETE FROM hotspot_status WHERE hotspot_id = :id AND valid_from = :from")
                .param("id", hotspotId)
                .param("from", last.from())
                .update();
        jdbc.sql("UPDATE hotspot_status SET valid_to = NULL WHERE hotspot_id = :id AND valid_from = :from")
                .param("id", hotspotId)
                .param("from", history.get(history.size() - 2).from())
                .update();
        Hotspot after = load(hotspotId, Dates.today()).orElseThrow();
        events.publishEvent(new HotspotRecorded("statusWithdrawn", hotspotId, unitId, before, after));
        return after;
    }

    /** Removes a hotspot from the list by a decision (date, deciding body and number), after its last status change. */
    @Transactional
    public Hotspot remove(Caller caller, long unitId, long hotspotId, Hotspot.RemovalForm form) {
        Hotspot before = writableHotspot(caller, unitId, hotspotId);
        if (before.removedOn() != null) {
            throw new HotspotRefusedException("removedOn", "order.hotspot.error.removed", before.removedOn());
        }
        LocalDate on = notFuture("removedOn", form.removedOn());
        String body = required("removedBy", form.removedBy(), MAX_NAME);
        decisionNumber("removalNumber", form.removalNumber());
        Hotspot.StatusPeriod last = lastStatus(hotspotId);
        if (!on.isAfter(last.from())) {
            throw new HotspotRefusedException("removedOn", "order.hotspot.error.beforeLast", last.from());
        }
        jdbc.sql("UPDATE hotspot SET removed_on = :on, removed_by = :body, removal_number = :number WHERE id = :id")
                .param("on", on)
                .param("body", body)
                .param("number", form.removalNumber().strip())
                .param("id", hotspotId)
                .update();
        Hotspot after = load(hotspotId, Dates.today()).orElseThrow();
        events.publishEvent(new HotspotRecorded("removed", hotspotId, unitId, before, after));
        return after;
    }

    /** Hotspots by id as the scope sees them (those it does not see are left out), with their status on the date. */
    public List<Hotspot> findAll(Scope scope, Collection<Long> hotspotIds, LocalDate on) {
        if (hotspotIds.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM hotspot h " + STATUS_ON
                        + " WHERE h.id = ANY (CAST(:hotspots AS bigint[])) ORDER BY h.name COLLATE natural_vi, h.id")
                .param("on", on)
                .param("hotspots", hotspotIds.toArray(Long[]::new))
                .query(Hotspots::row)
                .list()
                .stream()
                .filter(h -> h.unitIds().stream().anyMatch(u -> units.contains(scope, u)))
                .toList();
    }

    private Hotspot writableHotspot(Caller caller, long unitId, long hotspotId) {
        units.writable(caller, unitId);
        Hotspot hotspot = find(caller.capture(), unitId, hotspotId, Dates.today());
        units.requireAll(caller.capture(), hotspot.unitIds());
        return hotspot;
    }

    /** The units a hotspot covers: at least one, each under the unit acted from and in the capture scope (else 403). */
    private List<Long> covered(Caller caller, UnitView unit, List<Long> unitIds) {
        List<Long> covered = unitIds == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(
                        unitIds.stream().filter(Objects::nonNull).toList()));
        if (covered.isEmpty()) {
            throw new HotspotRefusedException("unitIds", "order.hotspot.error.noUnits");
        }
        units.requireAll(caller.capture(), covered);
        for (long id : covered) {
            if (!units.under(unit.id(), id)) {
                throw new HotspotRefusedException("unitIds", "order.hotspot.error.unitNotUnder", unit.name());
            }
        }
        return covered;
    }

    private static void decisionNumber(String field, String number) {
        if (number == null || number.isBlank()) {
            throw new HotspotRefusedException(field, "order.hotspot.error.decisionRequired");
        }
        bounded(field, number, MAX_NUMBER);
    }

    private Hotspot.StatusPeriod lastStatus(long hotspotId) {
        List<Hotspot.StatusPeriod> history = historyOf(hotspotId);
        return history.get(history.size() - 1);
    }

    private void insertStatus(long hotspotId, Hotspot.Status status, LocalDate from, String reason, String by) {
        jdbc.sql("""
                INSERT INTO hotspot_status (hotspot_id, status, valid_from, reason, recorded_by)
                VALUES (:id, :status, :from, :reason, :by)""")
                .param("id", hotspotId)
                .param("status", status.name())
                .param("from", from)
                .param("reason", reason)
                .param("by", by)
                .update();
    }

    private List<Hotspot.StatusPeriod> historyOf(long hotspotId) {
        return jdbc.sql("SELECT * FROM hotspot_status WHERE hotspot_id = :id ORDER BY valid_from")
                .param("id", hotspotId)
                .query((rs, n) -> new Hotspot.StatusPeriod(
                        Hotspot.Status.valueOf(rs.getString("status")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private Optional<Hotspot> load(long hotspotId, LocalDate on) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM hotspot h " + STATUS_ON + " WHERE h.id = :id")
                .param("on", on)
                .param("id", hotspotId)
                .query(Hotspots::row)
                .optional();
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new HotspotRefusedException(field, "order.hotspots.error.required");
        }
        return bounded(field, value, max);
    }

    /** The text stripped, blank as {@code null}; refused naming the field when longer than {@code max} characters. */
    static String bounded(String field, String value, int max) {
        if (TextLimits.tooLong(value, max)) {
            throw new HotspotRefusedException(field, "order.hotspots.error.tooLong", max, TextLimits.length(value));
        }
        return blankToNull(value);
    }

    static LocalDate notFuture(String field, LocalDate date) {
        if (date == null) {
            throw new HotspotRefusedException(field, "order.hotspots.error.required");
        }
        if (date.isAfter(Dates.today())) {
            throw new HotspotRefusedException(field, "order.hotspots.error.future");
        }
        return date;
    }

    static List<Long> longs(Array array) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }

    static Hotspot row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status_on");
        return new Hotspot(
                rs.getLong("id"),
                rs.getString("name"),
                Hotspot.Kind.valueOf(rs.getString("kind")),
                longs(rs.getArray("unit_ids")),
                rs.getObject("designated_on", LocalDate.class),
                rs.getString("designated_by"),
                rs.getString("designation_number"),
                rs.getObject("removed_on", LocalDate.class),
                rs.getString("removed_by"),
                rs.getString("removal_number"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("notes"),
                status == null ? null : Hotspot.Status.valueOf(status),
                rs.getObject("status_since", LocalDate.class));
    }
}
