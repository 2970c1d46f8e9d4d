package vn.tuquan.order.internal;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.order.PersonDetails;
import vn.tuquan.order.PersonRecorded;
import vn.tuquan.order.PersonRecordsRead;
import vn.tuquan.order.PersonRefusedException;
import vn.tuquan.order.UnknownPersonRecordException;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.FieldCipher;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/** What the three registers share: permissions, encrypted person details, audited reads. */
@Component
public class PersonRegisters {

    private final PersonUnits units;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;

    PersonRegisters(PersonUnits units, FieldCipher cipher, ApplicationEventPublisher events) {
        this.units = units;
        this.cipher = cipher;
        this.events = events;
    }

    /** The units the registers hang on. */
    public PersonUnits units() {
        return units;
    }

    /** The cipher of the registers' encrypted columns. */
    public FieldCipher cipher() {
        return cipher;
    }

    /** Reading sensitive records: ORDER_READ and SENSITIVE_READ, the unit in the view scope. */
    public UnitView readable(Caller caller, long unitId) {
        caller.require(Permission.ORDER_READ);
        caller.require(Permission.SENSITIVE_READ);
        return units.visible(caller.view(), unitId);
    }

    /** Writing sensitive records: ORDER_WRITE and SENSITIVE_READ (the form shows them), the unit in the capture scope. */
    public UnitView writable(Caller caller, long unitId, boolean sensitive) {
        caller.require(Permission.ORDER_WRITE);
        if (sensitive) {
            caller.require(Permission.SENSITIVE_READ);
        }
        return units.visible(caller.capture(), unitId);
    }

    /** Where a sensitive person is recorded: a residential area or a commune of the capture scope. */
    public UnitView residence(Caller caller, long unitId) {
        UnitView unit = writable(caller, unitId, true);
        requireKind(unit, "unitId", UnitKind.RESIDENTIAL_AREA, UnitKind.COMMUNE);
        return unit;
    }

    /** The ids of the unit and every unit under it today: where a bulk record may go. */
    public Set<Long> under(Caller caller, long withinUnitId) {
        return new HashSet<>(List.of(units.subtreeIds(caller.capture(), withinUnitId, Dates.today())));
    }

    /** Runs a list query built from {@code sql} and {@code params}, ordered, one page of it. */
    public <T> List<T> page(
            JdbcClient jdbc,
            StringBuilder sql,
            Map<String, Object> params,
            String order,
            int limit,
            int offset,
            RowMapper<T> rows) {
        sql.append(" ORDER BY ").append(order).append(" LIMIT :limit OFFSET :offset");
        params.put("limit", Math.max(1, Math.min(limit, 5000)));
        params.put("offset", Math.max(0, offset));
        return jdbc.sql(sql.toString()).params(params).query(rows).list();
    }

    /**
     * Runs a query built from {@code sql} and {@code params}, ordered, handing over every row as
     * PostgreSQL's cursor reads it ({@link SheetExports#FETCH_SIZE} at a time): an export, whatever
     * the count. When {@code fields} is given the read is sensitive: one audit entry naming every
     * record handed over, published when the rows are done, also when they stop part way.
     */
    public <T> void each(
            JdbcClient jdbc,
            StringBuilder sql,
            Map<String, Object> params,
            String order,
            RowMapper<T> rows,
            ToLongFunction<T> id,
            Consumer<T> each,
            String entityType,
            long unitId,
            List<String> fields) {
        sql.append(" ORDER BY ").append(order);
        List<Long> read = new ArrayList<>();
        try {
            jdbc.sql(sql.toString())
                    .params(params)
                    .withFetchSize(SheetExports.FETCH_SIZE)
                    .query(rs -> {
                        T row = rows.mapRow(rs, read.size());
                        read.add(id.applyAsLong(row));
                        each.accept(row);
                    });
        } finally {
            if (fields != null) {
                read(entityType, read, unitId, fields);
            }
        }
    }

    /** Publishes the addition of a record (ids and non-personal fields only). */
    public void created(String entityType, long id, long unitId, Object facts, List<String> fields) {
        events.publishEvent(new PersonRecorded(
                entityType, Long.toString(id), unitId, PersonRecorded.Change.CREATED, null, facts, fields));
    }

    /** Refuses a unit of another kind than those given. */
    public static void requireKind(UnitView unit, String field, UnitKind... kinds) {
        for (UnitKind kind : kinds) {
            if (unit.kind() == kind) {
                return;
            }
        }
        throw new PersonRefusedException(field, "order.persons.error.unitKind", unit.name());
    }

    public static LocalDate requireDate(LocalDate date, String field) {
        if (date == null) {
            throw new PersonRefusedException(field, "order.persons.error.required");
        }
        if (date.isAfter(Dates.today())) {
            throw new PersonRefusedException(field, "order.persons.error.future", date);
        }
        return date;
    }

    public static String requireText(String text, String field, int max) {
        String value = blankToNull(text);
        if (value == null) {
            throw new PersonRefusedException(field, "order.persons.error.required");
        }
        if (value.length() > max) {
            throw new PersonRefusedException(field, "order.persons.error.tooLong", max);
        }
        return value;
    }

    /** The record must hang on the unit asked about or a unit under it, else it is unknown there. */
    public void requireUnder(long unitId, long recordUnitId, String what, long id) {
        if (unitId != recordUnitId && !units.under(unitId, recordUnitId, Dates.today())) {
            throw new UnknownPersonRecordException(what, id);
        }
    }

    public String[] encrypt(PersonDetails p) {
        return new String[] {
            cipher.encrypt(p.fullName()),
            cipher.encrypt(p.birth()),
            cipher.encrypt(p.nationalId()),
            cipher.encrypt(p.address())
        };
    }

    public PersonDetails decrypt(ResultSet rs) throws SQLException {
        return new PersonDetails(
                cipher.decrypt(rs.getString("full_name_enc")),
                cipher.decrypt(rs.getString("birth_enc")),
                cipher.decrypt(rs.getString("national_id_enc")),
                cipher.decrypt(rs.getString("address_enc")));
    }

    /** Records who read which records (the audit log), whatever happens to the reading transaction. */
    public void read(String entityType, List<Long> ids, long unitId, List<String> fields) {
        if (!ids.isEmpty()) {
            events.publishEvent(new PersonRecordsRead(entityType, ids, unitId, fields));
        }
    }

    public void recorded(PersonRecorded event) {
        events.publishEvent(event);
    }

    public static void requireSensitive(Caller caller) {
        if (!caller.can(Permission.SENSITIVE_READ)) {
            throw new AccessRefusedException("missing permission SENSITIVE_READ");
        }
    }
}
