package vn.tuquan.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
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
import vn.tuquan.units.UnitView;

/**
 * Community re-education cases (sensitive): every record read needs SENSITIVE_READ and is
 * audited; the counts per unit and period need neither.
 */
@Service
public class ReEducations {

    private static final String COLUMNS = """
            r.id, r.unit_id, r.started_on, r.ended_on, r.outcome, r.responsible, r.full_name_enc, r.birth_enc,
            r.national_id_enc, r.address_enc, r.recorded_by""";
    private static final String ENTITY = "re-education";

    private final JdbcClient jdbc;
    private final PersonRegisters registers;

    ReEducations(JdbcClient jdbc, PersonRegisters registers) {
        this.jdbc = jdbc;
        this.registers = registers;
    }

    /** Opens a case at the unit (a residential area or a commune). */
    @Transactional
    public ReEducation record(Caller caller, long unitId, ReEducation.Form form) {
        UnitView unit = registers.residence(caller, unitId);
        long id = insert(unit.id(), checked(form), null, null, caller.username());
        ReEducation saved = one(id);
        registers.created(ENTITY, id, unit.id(), saved.facts(), PersonDetails.FIELDS);
        return saved;
    }

    /** Records many cases at once (the demo), each possibly ended; one audit entry. */
    @Transactional
    public int recordAll(Caller caller, long withinUnitId, List<ReEducation> cases) {
        UnitView within = registers.writable(caller, withinUnitId, true);
        Set<Long> under = registers.under(caller, within.id());
        for (ReEducation c : cases) {
            if (!under.contains(c.unitId())) {
                throw new UnknownPersonRecordException("unit", c.unitId());
            }
            ReEducation.Form form = checked(new ReEducation.Form(c.person(), c.startedOn(), c.responsible()));
            insert(c.unitId(), form, c.endedOn(), c.outcome(), caller.username());
        }
        registers.recorded(new PersonRecorded(
                ENTITY,
                null,
                within.id(),
                PersonRecorded.Change.CREATED,
                null,
                Map.of("imported", cases.size()),
                PersonDetails.FIELDS));
        return cases.size();
    }

    /** Ends an open case on a day with its outcome. */
    @Transactional
    public ReEducation end(Caller caller, long unitId, long caseId, LocalDate endedOn, ReEducation.Outcome outcome) {
        registers.writable(caller, unitId, true);
        ReEducation before = own(caller.capture(), unitId, caseId, true);
        if (!before.open()) {
            throw new PersonRefusedException("endedOn", "order.reEducations.error.alreadyEnded", before.endedOn());
        }
        PersonRegisters.requireDate(endedOn, "endedOn");
        if (endedOn.isBefore(before.startedOn())) {
            throw new PersonRefusedException("endedOn", "order.persons.error.endBeforeStart", before.startedOn());
        }
        if (outcome == null) {
            throw new PersonRefusedException("outcome", "order.persons.error.required");
        }
        jdbc.sql("UPDATE re_education SET ended_on = :ended, outcome = :outcome WHERE id = :id")
                .param("ended", endedOn)
                .param("outcome", outcome.name())
                .param("id", caseId)
                .update();
        ReEducation after = one(caseId);
        registers.recorded(new PersonRecorded(
                ENTITY,
                Long.toString(caseId),
                before.unitId(),
                PersonRecorded.Change.UPDATED,
                before.facts(),
                after.facts(),
                List.of()));
        return after;
    }

    /** A case of the unit or under it, with the person's details: SENSITIVE_READ, audited. */
    public ReEducation find(Caller caller, long unitId, long caseId) {
        registers.readable(caller, unitId);
        ReEducation found = own(caller.view(), unitId, caseId, false);
        registers.read(ENTITY, List.of(caseId), unitId, PersonDetails.FIELDS);
        return found;
    }

    /**
     * The cases of the unit or under it, newest first, with the persons' details: SENSITIVE_READ,
     * audited. With a period, the tree its facts were counted on ({@link FactWindow#treeOn}); without,
     * the tree as it is today.
     *
     * @param period      only the cases open at some time in the period, or all when {@code null}
     * @param startedOnly with a period: only the cases started in it (from its first event day), as
     *                    {@link OrderFacts} counts them
     * @param open        only open ({@code true}) or ended ({@code false}) cases today, or all when {@code null}
     */
    public List<ReEducation> list(
            Caller caller, long unitId, Period period, boolean startedOnly, Boolean open, int limit, int offset) {
        registers.readable(caller, unitId);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + where(caller, unitId, period, startedOnly, open, params));
        List<ReEducation> found = registers.page(jdbc, sql, params, ORDER, limit, offset, this::row);
        registers.read(ENTITY, found.stream().map(ReEducation::id).toList(), unitId, PersonDetails.FIELDS);
        return found;
    }

    /** The cases open at some time in the period (all when {@code null}). */
    public List<ReEducation> list(Caller caller, long unitId, Period period, Boolean open, int limit, int offset) {
        return list(caller, unitId, period, false, open, limit, offset);
    }

    /**
     * The same cases, every one of them, handed over one at a time from a cursor (an export):
     * SENSITIVE_READ, one audit entry naming every record handed over.
     */
    @Transactional(readOnly = true)
    public void each(
            Caller caller, long unitId, Period period, boolean startedOnly, Boolean open, Consumer<ReEducation> each) {
        registers.readable(caller, unitId);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + where(caller, unitId, period, startedOnly, open, params));
        registers.each(
                jdbc, sql, params, ORDER, this::row, ReEducation::id, each, ENTITY, unitId, PersonDetails.FIELDS);
    }

    private static final String ORDER = "r.started_on DESC, r.id DESC";

    /** How many cases {@link #list} would show in all. */
    public long count(Caller caller, long unitId, Period period, boolean startedOnly, Boolean open) {
        registers.readable(caller, unitId);
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*)" + where(caller, unitId, period, startedOnly, open, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(
            Caller caller, long unitId, Period period, boolean startedOnly, Boolean open, Map<String, Object> params) {
        Long[] ids = registers
                .units()
                .subtreeIds(caller.view(), unitId, period == null ? Dates.today() : FactWindow.treeOn(period.year()));
        StringBuilder sql = new StringBuilder(" FROM re_education r WHERE r.unit_id = ANY(:ids)");
        params.put("ids", ids);
        if (period != null && startedOnly) {
            sql.append(" AND r.started_on BETWEEN :first AND :to");
            params.put("first", period.firstEventDay());
            params.put("to", period.to());
        } else if (period != null) {
            sql.append(" AND r.started_on <= :to AND (r.ended_on IS NULL OR r.ended_on >= :from)");
            params.put("from", period.from());
            params.put("to", period.to());
        }
        if (open != null) {
            sql.append(open ? " AND r.ended_on IS NULL" : " AND r.ended_on IS NOT NULL");
        }
        return sql.toString();
    }

    private ReEducation own(Scope scope, long unitId, long caseId, boolean forUpdate) {
        registers.units().visible(scope, unitId);
        ReEducation found = jdbc.sql("SELECT " + COLUMNS + " FROM re_education r WHERE r.id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", caseId)
                .query(this::row)
                .optional()
                .orElseThrow(() -> new UnknownPersonRecordException(ENTITY, caseId));
        registers.requireUnder(unitId, found.unitId(), ENTITY, caseId);
        return found;
    }

    private static ReEducation.Form checked(ReEducation.Form form) {
        if (form == null || form.person() == null) {
            throw new PersonRefusedException("fullName", "order.persons.error.required");
        }
        PersonDetails person = form.person().checked(Dates.today());
        PersonRegisters.requireDate(form.startedOn(), "startedOn");
        String responsible = PersonRegisters.requireText(form.responsible(), "responsible", 200);
        return new ReEducation.Form(person, form.startedOn(), responsible);
    }

    private long insert(long unitId, ReEducation.Form form, LocalDate endedOn, ReEducation.Outcome outcome, String by) {
        String[] enc = registers.encrypt(form.person());
        return jdbc.sql("""
                INSERT INTO re_education (unit_id, started_on, ended_on, outcome, responsible, full_name_enc, birth_enc,
                                          national_id_enc, address_enc, recorded_by)
                VALUES (:unit, :started, :ended, :outcome, :responsible, :name, :birth, :nid, :addr, :by) RETURNING id""")
                .param("unit", unitId)
                .param("started", form.startedOn())
                .param("ended", endedOn)
                .param("outcome", outcome == null ? null : outcome.name())
                .param("responsible", form.responsible())
                .param("name", enc[0])
                .param("birth", enc[1])
                .param("nid", enc[2])
                .param("addr", enc[3])
                .param("by", by)
                .query(Long.class)
                .single();
    }

    private ReEducation one(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM re_education r WHERE r.id = :id")
                .param("id", id)
                .query(this::row)
                .single();
    }

    private ReEducation row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ReEducation(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                outcome == null ? null : ReEducation.Outcome.valueOf(outcome),
                rs.getString("responsible"),
                registers.decrypt(rs),
                rs.getString("recorded_by"));
    }
}
