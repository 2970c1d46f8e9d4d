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
import vn.tuquan.shared.Permission;
import vn.tuquan.units.UnitView;

/**
 * Mediation cases (hòa giải ở cơ sở). The records are readable with ORDER_READ; the parties' names
 * are personal: stored encrypted, shown only to a caller holding SENSITIVE_READ who asks for them,
 * and every such read is audited.
 */
@Service
public class Mediations {

    private static final String COLUMNS =
            "m.id, m.unit_id, m.held_on, m.parties_enc, m.subject, m.outcome, m.mediator, m.recorded_by";
    private static final String ENTITY = "mediation";
    private static final List<String> PARTIES = List.of("parties");

    private final JdbcClient jdbc;
    private final PersonRegisters registers;

    Mediations(JdbcClient jdbc, PersonRegisters registers) {
        this.jdbc = jdbc;
        this.registers = registers;
    }

    /** Records a mediation held at the unit (any kind of unit). */
    @Transactional
    public Mediation record(Caller caller, long unitId, Mediation.Form form) {
        UnitView unit = registers.writable(caller, unitId, false);
        Mediation.Form checked = checked(form);
        long id = insert(unit.id(), checked, caller.username());
        Mediation saved = one(id, false);
        registers.created(ENTITY, id, unit.id(), saved.facts(), PARTIES);
        return saved;
    }

    /** Records many mediations of units under one unit at once; one audit entry. */
    @Transactional
    public int recordAll(Caller caller, long withinUnitId, List<Map.Entry<Long, Mediation.Form>> rows) {
        UnitView within = registers.writable(caller, withinUnitId, false);
        Set<Long> under = registers.under(caller, within.id());
        for (Map.Entry<Long, Mediation.Form> row : rows) {
            if (!under.contains(row.getKey())) {
                throw new UnknownPersonRecordException("unit", row.getKey());
            }
            insert(row.getKey(), checked(row.getValue()), caller.username());
        }
        registers.recorded(new PersonRecorded(
                ENTITY,
                null,
                within.id(),
                PersonRecorded.Change.CREATED,
                null,
                Map.of("imported", rows.size()),
                PARTIES));
        return rows.size();
    }

    /**
     * A mediation held at the unit or under it. With {@code withParties} the parties' names are
     * decrypted: SENSITIVE_READ, audited; without, they are {@code null}.
     */
    public Mediation find(Caller caller, long unitId, long mediationId, boolean withParties) {
        caller.require(Permission.ORDER_READ);
        if (withParties) {
            PersonRegisters.requireSensitive(caller);
        }
        registers.units().visible(caller.view(), unitId);
        Mediation found = jdbc.sql("SELECT " + COLUMNS + " FROM mediation m WHERE m.id = :id")
                .param("id", mediationId)
                .query((rs, n) -> row(rs, withParties))
                .optional()
                .orElseThrow(() -> new UnknownPersonRecordException(ENTITY, mediationId));
        registers.requireUnder(unitId, found.unitId(), ENTITY, mediationId);
        if (withParties) {
            registers.read(ENTITY, List.of(mediationId), unitId, PARTIES);
        }
        return found;
    }

    /**
     * The mediations held at the unit or under it, newest first. With a period, the tree its facts
     * were counted on ({@link FactWindow#treeOn}); without, the tree as it is today.
     *
     * @param period      only those held in the period (from its first event day), or all when {@code null}
     * @param outcome     only those with this outcome, or all when {@code null}
     * @param withParties decrypt the parties' names: SENSITIVE_READ, audited (one entry naming the records)
     */
    public List<Mediation> list(
            Caller caller,
            long unitId,
            Period period,
            Mediation.Outcome outcome,
            boolean withParties,
            int limit,
            int offset) {
        caller.require(Permission.ORDER_READ);
        if (withParties) {
            PersonRegisters.requireSensitive(caller);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + where(caller, unitId, period, outcome, params));
        List<Mediation> found =
                registers.page(jdbc, sql, params, ORDER, limit, offset, (rs, n) -> row(rs, withParties));
        if (withParties) {
            registers.read(ENTITY, found.stream().map(Mediation::id).toList(), unitId, PARTIES);
        }
        return found;
    }

    /**
     * The same mediations, every one of them, handed over one at a time from a cursor (an export);
     * with the parties: SENSITIVE_READ, one audit entry naming every record handed over.
     */
    @Transactional(readOnly = true)
    public void each(
            Caller caller,
            long unitId,
            Period period,
            Mediation.Outcome outcome,
            boolean withParties,
            Consumer<Mediation> each) {
        caller.require(Permission.ORDER_READ);
        if (withParties) {
            PersonRegisters.requireSensitive(caller);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + where(caller, unitId, period, outcome, params));
        registers.each(
                jdbc,
                sql,
                params,
                ORDER,
                (rs, n) -> row(rs, withParties),
                Mediation::id,
                each,
                ENTITY,
                unitId,
                withParties ? PARTIES : null);
    }

    private static final String ORDER = "m.held_on DESC, m.id DESC";

    /** How many mediations {@link #list} would show in all. */
    public long count(Caller caller, long unitId, Period period, Mediation.Outcome outcome) {
        caller.require(Permission.ORDER_READ);
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*)" + where(caller, unitId, period, outcome, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(
            Caller caller, long unitId, Period period, Mediation.Outcome outcome, Map<String, Object> params) {
        Long[] ids = registers
                .units()
                .subtreeIds(caller.view(), unitId, period == null ? Dates.today() : FactWindow.treeOn(period.year()));
        StringBuilder sql = new StringBuilder(" FROM mediation m WHERE m.unit_id = ANY(:ids)");
        params.put("ids", ids);
        if (period != null) {
            sql.append(" AND m.held_on BETWEEN :from AND :to");
            params.put("from", period.firstEventDay());
            params.put("to", period.to());
        }
        if (outcome != null) {
            sql.append(" AND m.outcome = :outcome");
            params.put("outcome", outcome.name());
        }
        return sql.toString();
    }

    private static Mediation.Form checked(Mediation.Form form) {
        if (form == null) {
            throw new PersonRefusedException("heldOn", "order.persons.error.required");
        }
        PersonRegisters.requireDate(form.heldOn(), "heldOn");
        String parties = PersonRegisters.requireText(form.parties(), "parties", 1000);
        String subject = PersonRegisters.requireText(form.subject(), "subject", 300);
        if (form.outcome() == null) {
            throw new PersonRefusedException("outcome", "order.persons.error.required");
        }
        String mediator = PersonRegisters.requireText(form.mediator(), "mediator", 200);
        return new Mediation.Form(form.heldOn(), parties, subject, form.outcome(), mediator);
    }

    private long insert(long unitId, Mediation.Form form, String by) {
        return jdbc.sql("""
                INSERT INTO mediation (unit_id, held_on, parties_enc, subject, outcome, mediator, recorded_by)
                VALUES (:unit, :held, :parties, :subject, :outcome, :mediator, :by) RETURNING id""")
                .param("unit", unitId)
                .param("held", form.heldOn())
                .param("parties", registers.cipher().encrypt(form.parties()))
                .param("subject", form.subject())
                .param("outcome", form.outcome().name())
                .param("mediator", form.mediator())
                .param("by", by)
                .query(Long.class)
                .single();
    }

    private Mediation one(long id, boolean withParties) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mediation m WHERE m.id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs, withParties))
                .single();
    }

    private Mediation row(ResultSet rs, boolean withParties) throws SQLException {
        return new Mediation(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getObject("held_on", LocalDate.class),
                withParties ? registers.cipher().decrypt(rs.getString("parties_enc")) : null,
                rs.getString("subject"),
                Mediation.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("mediator"),
                rs.getString("recorded_by"));
    }
}
