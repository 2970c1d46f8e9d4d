package vn.tuquan.order;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.order.internal.PersonRegisters;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/**
 * The register of drug users (sensitive: RULEBOOK criterion 3, source fact F13). Every record read
 * needs SENSITIVE_READ and is audited; the counts per unit and period need neither and carry
 * nothing personal.
 */
@Service
public class DrugUsers {

    /** A record is active on a day when it was detected by then and its status that day is not RECOVERED. */
    static final String ACTIVE_IN_PERIOD = """
            d.detected_on <= :to AND EXISTS (
                SELECT FROM (SELECT s.status, s.since, lead(s.since) OVER (ORDER BY s.since) AS until
                               FROM drug_user_status s WHERE s.drug_user_id = d.id) h
                 WHERE h.status <> 'RECOVERED' AND h.since <= :to AND (h.until IS NULL OR h.until > :from))""";

    private static final String COLUMNS = """
            d.id, d.residence_unit_id, d.detected_on, d.status, d.status_since, d.full_name_enc, d.birth_enc,
            d.national_id_enc, d.address_enc, d.recorded_by""";
    private static final String ENTITY = "drug-user";

    private final JdbcClient jdbc;
    private final PersonRegisters registers;

    DrugUsers(JdbcClient jdbc, PersonRegisters registers) {
        this.jdbc = jdbc;
        this.registers = registers;
    }

    /** Records a drug user living in a residential area (or a commune when the area is not known). */
    @Transactional
    public DrugUser record(Caller caller, long unitId, DrugUser.Form form) {
        UnitView unit = registers.residence(caller, unitId);
        long id = insert(unit.id(), checked(form), form.detectedOn(), caller.username());
        DrugUser saved = one(id);
        registers.created(ENTITY, id, unit.id(), saved.facts(), PersonDetails.FIELDS);
        return saved;
    }

    /** Records many drug users at once with their later statuses; one audit entry. */
    @Transactional
    public int recordAll(Caller caller, long withinUnitId, List<ImportedDrugUser> rows) {
        UnitView within = registers.writable(caller, withinUnitId, true);
        Set<Long> residences = new HashSet<>();
        registers
                .units()
                .subtree(
                        caller.capture(),
                        within.id(),
                        Set.of(UnitKind.RESIDENTIAL_AREA, UnitKind.COMMUNE),
                        Dates.today())
                .forEach(u -> residences.add(u.id()));
        for (ImportedDrugUser row : rows) {
            if (!residences.contains(row.residenceUnitId())) {
                throw new PersonRefusedException("unitId", "order.persons.error.unitKind", row.residenceUnitId());
            }
            long id = insert(
                    row.residenceUnitId(), checked(row.form()), row.form().detectedOn(), caller.username());
            for (DrugUser.StatusChange change : row.laterStatuses()) {
                appendStatus(id, change.status(), change.since(), change.note(), caller.username());
            }
        }
        registers.recorded(new PersonRecorded(
                ENTITY,
                null,
                within.id(),
                PersonRecorded.Change.CREATED,
                null,
                Map.of("imported", rows.size()),
                PersonDetails.FIELDS));
        return rows.size();
    }

    /**
     * Corrects a drug user's details and the day detected (a record entered wrongly). The day detected
     * may not move after a later status change.
     */
    @Transactional
    public DrugUser correct(Caller caller, long unitId, long drugUserId, DrugUser.Form form) {
        registers.writable(caller, unitId, true);
        DrugUser before = own(caller.capture(), unitId, drugUserId, true);
        PersonDetails person = checked(form);
        LocalDate firstChange = jdbc.sql("SELECT min(since) FROM drug_user_status WHERE drug_user_id = :id AND since > "
                        + "(SELECT min(since) FROM drug_user_status WHERE drug_user_id = :id)")
                .param("id", drugUserId)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (firstChange != null && !form.detectedOn().isBefore(firstChange)) {
            throw new PersonRefusedException("detectedOn", "order.drugUsers.error.detectedAfterChange", firstChange);
        }
        String[] enc = registers.encrypt(person);
        jdbc.sql("""
                UPDATE drug_user SET full_name_enc = :name, birth_enc = :birth, national_id_enc = :nid, address_enc = :addr,
                       detected_on = :detected,
                       status_since = CASE WHEN status_since = detected_on THEN :detected ELSE status_since END
                 WHERE id = :id""")
                .param("name", enc[0])
                .param("birth", enc[1])
                .param("nid", enc[2])
                .param("addr", enc[3])
                .param("detected", form.detectedOn())
                .param("id", drugUserId)
                .update();
        jdbc.sql("""
                UPDATE drug_user_status SET since = :detected
                 WHERE drug_user_id = :id AND since = (SELECT min(since) FROM drug_user_status WHERE drug_user_id = :id)""")
                .param("detected", form.detectedOn())
                .param("id", drugUserId)
                .update();
        DrugUser after = one(drugUserId);
        registers.recorded(new PersonRecorded(
                ENTITY,
                Long.toString(drugUserId),
                before.residenceUnitId(),
                PersonRecorded.Change.UPDATED,
                before.facts(),
                after.facts(),
                PersonDetails.FIELDS));
        return after;
    }

    /**
     * Records a change of status from a day on. The history is only appended: the day may not be
     * before the current status's day, nor in the future; the status must change.
     */
    @Transactional
    public DrugUser changeStatus(
            Caller caller, long unitId, long drugUserId, DrugUser.Status status, LocalDate since, String note) {
        registers.writable(caller, unitId, true);
        DrugUser before = own(caller.capture(), unitId, drugUserId, true);
        if (status == null) {
            throw new PersonRefusedException("status", "order.persons.error.required");
        }
        PersonRegisters.requireDate(since, "since");
        if (!since.isAfter(before.statusSince())) {
            throw new PersonRefusedException("since", "order.drugUsers.error.sinceBeforeCurrent", before.statusSince());
        }
        if (status == before.status()) {
            throw new PersonRefusedException("status", "order.drugUsers.error.sameStatus");
        }
        String text = blankToNull(note);
        if (text != null && text.length() > 1000) {
            throw new PersonRefusedException("note", "order.persons.error.tooLong", 1000);
        }
        appendStatus(drugUserId, status, since, text, caller.username());
        DrugUser after = one(drugUserId);
        registers.recorded(new PersonRecorded(
                "drug-user-status",
                Long.toString(drugUserId),
                before.residenceUnitId(),
                PersonRecorded.Change.UPDATED,
                before.facts(),
                after.facts(),
                text == null ? List.of() : List.of("note")));
        return after;
    }

    /** A drug user living in the unit or under it, with their details: SENSITIVE_READ, audited. */
    public DrugUser find(Caller caller, long unitId, long drugUserId) {
        registers.readable(caller, unitId);
        DrugUser found = own(caller.view(), unitId, drugUserId, false);
        registers.read(ENTITY, List.of(drugUserId), unitId, PersonDetails.FIELDS);
        return found;
    }

    /** The statuses of a drug user over time, oldest first, with their notes: SENSITIVE_READ, audited. */
    public List<DrugUser.StatusChange> history(Caller caller, long unitId, long drugUserId) {
        registers.readable(caller, unitId);
        own(caller.view(), unitId, drugUserId, false);
        List<DrugUser.StatusChange> history = jdbc.sql("""
                SELECT status, since, note_enc, recorded_by FROM drug_user_status WHERE drug_user_id = :id ORDER BY since""")
                .param("id", drugUserId)
                .query((rs, n) -> new DrugUser.StatusChange(
                        DrugUser.Status.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class),
                        registers.cipher().decrypt(rs.getString(3)),
                        rs.getString(4)))
                .list();
        registers.read("drug-user-status", List.of(drugUserId), unitId, List.of("note"));
        return history;
    }

    /**
     * The drug users living in the unit or under it, with their details, newest detection first:
     * SENSITIVE_READ, audited (one entry naming the records shown). With a period, the tree its facts
     * were counted on ({@link FactWindow#treeOn}), so the list holds what {@link OrderFacts} counted;
     * without, the tree as it is today.
     *
     * @param period  only those active at some time in the period (docs/order.md), or all when {@code null}
     * @param newOnly with a period: only those detected in it (from its first event day)
     * @param status  only those whose status is this now, or all when {@code null}
     */
    public List<DrugUser> list(
            Caller caller, long unitId, Period period, boolean newOnly, DrugUser.Status status, int limit, int offset) {
        registers.readable(caller, unitId);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + where(caller, unitId, period, newOnly, status, params));
        List<DrugUser> found = registers.page(jdbc, sql, params, ORDER, limit, offset, this::row);
        registers.read(ENTITY, found.stream().map(DrugUser::id).toList(), unitId, PersonDetails.FIELDS);
        return found;
    }

    /**
     * The same drug users, every one of them, handed over one at a time from a cursor (an export):
     * SENSITIVE_READ, one audit entry naming every record handed over.
     */
    @Transactional(readOnly = true)
    public void each(
            Caller caller,
            long unitId,
            Period period,
            boolean newOnly,
            DrugUser.Status status,
            Consumer<DrugUser> each) {
        registers.readable(caller, unitId);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + where(caller, unitId, period, newOnly, status, params));
        registers.each(jdbc, sql, params, ORDER, this::row, DrugUser::id, each, ENTITY, unitId, PersonDetails.FIELDS);
    }

    private static final String ORDER = "d.detected_on DESC, d.id DESC";

    /** How many drug users {@link #list} would show in all (nothing personal: ORDER_READ and SENSITIVE_READ all the same). */
    public long count(Caller caller, long unitId, Period period, boolean newOnly, DrugUser.Status status) {
        registers.readable(caller, unitId);
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*)" + where(caller, unitId, period, newOnly, status, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(
            Caller caller,
            long unitId,
            Period period,
            boolean newOnly,
            DrugUser.Status status,
            Map<String, Object> params) {
        Long[] ids = registers
                .units()
                .subtreeIds(caller.view(), unitId, period == null ? Dates.today() : FactWindow.treeOn(period.year()));
        StringBuilder sql = new StringBuilder(" FROM drug_user d WHERE d.residence_unit_id = ANY(:ids)");
        params.put("ids", ids);
        if (period != null) {
            sql.append(newOnly ? " AND d.detected_on BETWEEN :firstDay AND :to" : " AND " + ACTIVE_IN_PERIOD);
            params.put("from", period.from());
            params.put("firstDay", period.firstEventDay());
            params.put("to", period.to());
        }
        if (status != null) {
            sql.append(" AND d.status = :status");
            params.put("status", status.name());
        }
        return sql.toString();
    }

    /**
     * Drug users detected in the period (from its first event day to its last day: under TT 23 a
     * detection on 31 October counts in the period it ends only), per residence unit given.
     */
    public Map<Long, Long> newDrugUsers(Scope scope, Collection<Long> unitIds, Period period) {
        return countPer(scope, unitIds, period, "d.detected_on BETWEEN :firstDay AND :to");
    }

    /** Drug users whose record was active at some time in the period, per residence unit given. */
    public Map<Long, Long> activeDrugUsers(Scope scope, Collection<Long> unitIds, Period period) {
        return countPer(scope, unitIds, period, ACTIVE_IN_PERIOD);
    }

    private Map<Long, Long> countPer(Scope scope, Collection<Long> unitIds, Period period, String condition) {
        if (!scope.wholeCountry()) {
            unitIds.forEach(id -> registers.units().visible(scope, id));
        }
        Map<Long, Long> counts = new HashMap<>();
        unitIds.forEach(id -> counts.put(id, 0L));
        jdbc.sql("SELECT d.residence_unit_id, count(*) FROM drug_user d WHERE d.residence_unit_id = ANY(:ids) AND "
                        + condition + " GROUP BY d.residence_unit_id")
                .param("ids", unitIds.toArray(Long[]::new))
                .param("from", period.from())
                .param("to", period.to())
                .param("firstDay", period.firstEventDay())
                .query((ResultSet rs) -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    private DrugUser own(Scope scope, long unitId, long drugUserId, boolean forUpdate) {
        registers.units().visible(scope, unitId);
        DrugUser found = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM drug_user d WHERE d.id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", drugUserId)
                .query(this::row)
                .optional()
                .orElseThrow(() -> new UnknownPersonRecordException(ENTITY, drugUserId));
        registers.requireUnder(unitId, found.residenceUnitId(), ENTITY, drugUserId);
        return found;
    }

    private PersonDetails checked(DrugUser.Form form) {
        if (form == null || form.person() == null) {
            throw new PersonRefusedException("fullName", "order.persons.error.required");
        }
        PersonDetails person = form.person().checked(Dates.today());
        PersonRegisters.requireDate(form.detectedOn(), "detectedOn");
        return person;
    }

    private long insert(long unitId, PersonDetails person, LocalDate detectedOn, String by) {
        String[] enc = registers.encrypt(person);
        long id = jdbc.sql("""
                INSERT INTO drug_user (residence_unit_id, detected_on, status, status_since, full_name_enc, birth_enc,
                                       national_id_enc, address_enc, recorded_by)
                VALUES (:unit, :detected, 'NEW', :detected, :name, :birth, :nid, :addr, :by) RETURNING id""")
                .param("unit", unitId)
                .param("detected", detectedOn)
                .param("name", enc[0])
                .param("birth", enc[1])
                .param("nid", enc[2])
                .param("addr", enc[3])
                .param("by", by)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO drug_user_status (drug_user_id, status, since, recorded_by) VALUES (:id, 'NEW', :since, :by)")
                .param("id", id)
                .param("since", detectedOn)
                .param("by", by)
                .update();
        return id;
    }

    private void appendStatus(long id, DrugUser.Status status, LocalDate since, String note, String by) {
        jdbc.sql("""
                INSERT INTO drug_user_status (drug_user_id, status, since, note_enc, recorded_by)
                VALUES (:id, :status, :since, :note, :by)""")
                .param("id", id)
                .param("status", status.name())
                .param("since", since)
                .param("note", registers.cipher().encrypt(note))
                .param("by", by)
                .update();
        jdbc.sql(
                        "UPDATE drug_user SET status = :status, status_since = :since WHERE id = :id AND status_since <= :since")
                .param("status", status.name())
                .param("since", since)
                .param("id", id)
                .update();
    }

    private DrugUser one(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drug_user d WHERE d.id = :id")
                .param("id", id)
                .query(this::row)
                .single();
    }

    private DrugUser row(ResultSet rs, int n) throws SQLException {
        return new DrugUser(
                rs.getLong("id"),
                rs.getLong("residence_unit_id"),
                rs.getObject("detected_on", LocalDate.class),
                DrugUser.Status.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class),
                registers.decrypt(rs),
                rs.getString("recorded_by"));
    }
}
