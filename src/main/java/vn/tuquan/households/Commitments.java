package vn.tuquan.households;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Households' yearly registrations and signed commitments, and the registration rate per
 * residential area and period (RULEBOOK criterion 1).
 */
@Service
public class Commitments {

    /** Resident households of areas at the period's end, with their commitment for the year. */
    static final String RATES = """
            SELECT r.area_id, count(*) AS residents, count(c.household_id) AS registered,
                   count(*) FILTER (WHERE c.signed) AS signed
              FROM household_residence r
              LEFT JOIN commitment c ON c.household_id = r.household_id AND c.period_year = ?
             WHERE r.area_id = ANY (?) AND r.valid_from <= ? AND (r.valid_to IS NULL OR r.valid_to > ?)
             GROUP BY r.area_id""";

    /** {@link #RATES} for every area of the register: one pass over the stays and the year's commitments. */
    static final String RATES_EVERY_AREA = """
            SELECT r.area_id, count(*) AS residents, count(c.household_id) AS registered,
                   count(*) FILTER (WHERE c.signed) AS signed
              FROM household_residence r
              LEFT JOIN commitment c ON c.household_id = r.household_id AND c.period_year = ?
             WHERE r.valid_from <= ? AND (r.valid_to IS NULL OR r.valid_to > ?)
             GROUP BY r.area_id""";

    static final String COMMITMENT_COLUMNS = """
            c.household_id, c.period_year, c.registered_on, c.signed, c.self_manage, c.self_prevent, c.self_protect,
            c.recorded_by""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Households households;
    private final Units units;
    private final ApplicationEventPublisher events;

    Commitments(
            JdbcClient jdbc,
            JdbcTemplate template,
            Households households,
            Units units,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.households = households;
        this.units = units;
        this.events = events;
    }

    /** Records one household's commitment; refused outside the period or when it already has one. */
    @Transactional
    public void record(Caller caller, long householdId, int year, CommitmentForm form) {
        caller.require(Permission.MOVEMENT_WRITE);
        Period period = inPeriod(year, form.registeredOn());
        Household household = households
                .find(caller.capture(), householdId, form.registeredOn())
                .orElseThrow(() -> new HouseholdRefusedException(
                        "households.refused.notResident", householdId, form.registeredOn()));
        try {
            insert(householdId, period.year(), form, caller.username());
        } catch (DuplicateKeyException e) {
            throw new HouseholdRefusedException(
                    "households.refused.alreadyCommitted", household.code(), MessageArguments.year(year));
        }
        events.publishEvent(new CommitmentsRecorded(household.areaId(), year, 1, List.of(householdId)));
    }

    /**
     * Records the commitments of many households of one area at once (a village head's ticks), each
     * registered and signed with the three pledges; households already registered stay as they are.
     *
     * @return how many were added
     */
    @Transactional
    public int recordAll(Caller caller, long areaId, int year, Collection<Long> householdIds, LocalDate on) {
        caller.require(Permission.MOVEMENT_WRITE);
        inPeriod(year, on);
        Set<Long> living = new HashSet<>();
        households.inArea(caller.capture(), areaId, on).forEach(h -> living.add(h.id()));
        for (Long id : householdIds) {
            if (!living.contains(id)) {
                throw new HouseholdRefusedException("households.refused.notResident", id, on);
            }
        }
        int added = 0;
        List<Long> recorded = new ArrayList<>();
        for (Long id : householdIds) {
            int inserted = jdbc.sql("""
                    INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage, self_prevent,
                                            self_protect, recorded_by)
                    VALUES (:id, :year, :on, true, true, true, true, :by) ON CONFLICT DO NOTHING""")
                    .param("id", id)
                    .param("year", year)
                    .param("on", on)
                    .param("by", caller.username())
                    .update();
            if (inserted > 0) {
                recorded.add(id);
                added += inserted;
            }
        }
        if (added > 0) {
            events.publishEvent(new CommitmentsRecorded(areaId, year, added, recorded));
        }
        return added;
    }

    /**
     * The households living in an area on a date, by code, each with its commitment for the period
     * ({@code null} when it did not register), handed over one at a time from a cursor (an export).
     */
    @Transactional(readOnly = true)
    public void eachInArea(Scope scope, long areaId, LocalDate asOf, int year, BiConsumer<Household, Commitment> each) {
        households.area(scope, areaId, asOf);
        jdbc.sql("SELECT " + Households.COLUMNS + ", " + COMMITMENT_COLUMNS + " " + """
                 FROM household_residence r JOIN household h ON h.id = r.household_id
                 LEFT JOIN commitment c ON c.household_id = h.id AND c.period_year = :year
                 WHERE r.area_id = :area AND """ + " " + Households.LIVING_ON
                        + " ORDER BY r.code COLLATE natural_vi")
                .param("area", areaId)
                .param("asOf", asOf)
                .param("year", year)
                .withFetchSize(SheetExports.FETCH_SIZE)
                .query(rs -> {
                    Household household = Households.row(rs, 0);
                    rs.getLong("household_id");
                    each.accept(household, rs.wasNull() ? null : commitment(rs, 0));
                });
    }

    /** The household ids of an area that registered for the period. */
    public Set<Long> registered(Scope scope, long areaId, int year) {
        return Set.copyOf(inArea(scope, areaId, year).keySet());
    }

    /** The commitments for the period of the households that lived in the area during it, by household id. */
    public Map<Long, Commitment> inArea(Scope scope, long areaId, int year) {
        Period period = Period.residentialArea(year);
        households.area(scope, areaId, period.to());
        Map<Long, Commitment> found = new HashMap<>();
        jdbc.sql("SELECT DISTINCT " + COMMITMENT_COLUMNS + " " + """
                 FROM commitment c JOIN household_residence r ON r.household_id = c.household_id
                 WHERE c.period_year = :year AND r.area_id = :area AND r.valid_from <= :to
                   AND (r.valid_to IS NULL OR r.valid_to > :from)""")
                .param("year", year)
                .param("area", areaId)
                .param("to", period.to())
                .param("from", period.from())
                .query(Commitments::commitment)
                .list()
                .forEach(c -> found.put(c.householdId(), c));
        return found;
    }

    /** A household's commitment for a period; refused when the household lives outside the scope. */
    public Optional<Commitment> find(Scope scope, long householdId, int year) {
        if (households.history(scope, householdId).isEmpty()) {
            throw new HouseholdRefusedException("households.refused.unknown", Long.toString(householdId));
        }
        return jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM commitment c WHERE c.household_id = :id"
                        + " AND c.period_year = :year")
                .param("id", householdId)
                .param("year", year)
                .query(Commitments::commitment)
                .optional();
    }

    /**
     * Corrects a household's commitment for a period: the date, signed, the three pledges. Refused
     * when the new date lies outside the period, when the household lived outside the caller's
     * capture scope on the old or the new date, or when it has no commitment for the period.
     */
    @Transactional
    public Commitment change(Caller caller, long householdId, int year, CommitmentForm form) {
        caller.require(Permission.MOVEMENT_WRITE);
        Commitment before = locked(caller, householdId, year);
        inPeriod(year, form.registeredOn());
        Household now = households
                .find(caller.capture(), householdId, form.registeredOn())
                .orElseThrow(() -> new HouseholdRefusedException(
                        "households.refused.notResident", householdId, form.registeredOn()));
        jdbc.sql("""
                UPDATE commitment SET registered_on = :on, signed = :signed, self_manage = :m, self_prevent = :p,
                       self_protect = :pr, recorded_by = :by, recorded_at = :now
                 WHERE household_id = :id AND period_year = :year""")
                .param("on", form.registeredOn())
                .param("signed", form.signed())
                .param("m", form.selfManage())
                .param("p", form.selfPrevent())
                .param("pr", form.selfProtect())
                .param("by", caller.username())
                .param("id", householdId)
                .param("year", year)
                .param("now", Dates.nowInVietnam())
                .update();
        Commitment after = new Commitment(
                householdId,
                year,
                form.registeredOn(),
                form.signed(),
                form.selfManage(),
                form.selfPrevent(),
                form.selfProtect(),
                caller.username());
        events.publishEvent(new CommitmentChanged(householdId, now.areaId(), year, before, after));
        return after;
    }

    /**
     * Removes a household's commitment for a period (recorded by mistake): the household counts as
     * not registered again. Refused outside the caller's capture scope.
     *
     * @return what was removed
     */
    @Transactional
    public Commitment withdraw(Caller caller, long householdId, int year) {
        caller.require(Permission.MOVEMENT_WRITE);
        Commitment removed = locked(caller, householdId, year);
        long area = households
                .find(caller.capture(), householdId, removed.registeredOn())
                .map(Household::areaId)
                .orElseGet(() ->
                        households.history(caller.capture(), householdId).get(0).areaId());
        jdbc.sql("DELETE FROM commitment WHERE household_id = :id AND period_year = :year")
                .param("id", householdId)
                .param("year", year)
                .update();
        events.publishEvent(new CommitmentWithdrawn(householdId, area, year, removed));
        return removed;
    }

    /** The commitment, locked for a change, once the household (where it lived then) is in the capture scope. */
    private Commitment locked(Caller caller, long householdId, int year) {
        Period period = Period.residentialArea(year);
        Commitment found = jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM commitment c WHERE c.household_id = :id"
                        + " AND c.period_year = :year FOR UPDATE")
                .param("id", householdId)
                .param("year", year)
                .query(Commitments::commitment)
                .optional()
                .orElse(null);
        LocalDate on = found != null ? found.registeredOn() : period.to();
        Optional<Household> household = households.find(caller.capture(), householdId, on);
        if (household.isEmpty()
                && households.history(caller.capture(), householdId).isEmpty()) {
            throw new HouseholdRefusedException("households.refused.unknown", Long.toString(householdId));
        }
        if (found == null) {
            throw new HouseholdRefusedException(
                    "households.refused.notCommitted", Long.toString(householdId), MessageArguments.year(year));
        }
        return found;
    }

    /** Registered resident households / resident households of the area at the period's end. */
    public RegistrationRate registrationRate(Scope scope, long areaId, int year) {
        Period period = Period.residentialArea(year);
        households.area(scope, areaId, period.to());
        return ratesOf(List.of(areaId), period).get(0);
    }

    /** The households living in the area at the period's end that have not registered. */
    public List<Household> notRegistered(Scope scope, long areaId, int year) {
        Period period = Period.residentialArea(year);
        households.area(scope, areaId, period.to());
        return jdbc.sql("SELECT " + Households.COLUMNS + " FROM household_residence r JOIN household h"
                        + " ON h.id = r.household_id WHERE r.area_id = :area AND " + Households.LIVING_ON
                        + " AND NOT EXISTS (SELECT FROM commitment c WHERE c.household_id = h.id AND c.period_year = :year)"
                        + " ORDER BY r.code COLLATE natural_vi")
                .param("area", areaId)
                .param("asOf", period.to())
                .param("year", year)
                .query(Households::row)
                .list();
    }

    /** The rate of every residential area under a unit (itself included), in one query. */
    public List<RegistrationRate> rates(Scope scope, long unitId, int year) {
        Period period = Period.residentialArea(year);
        units.find(scope, unitId, period.to())
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownArea", unitId));
        List<Long> ids = units.subtreeWithRoot(scope, unitId, Set.of(UnitKind.RESIDENTIAL_AREA), period.to()).stream()
                .map(UnitView::id)
                .toList();
        return ratesOf(ids, period);
    }

    /**
     * The rate of every residential area of the country for the year, in one pass over the register
     * (the stays joined with the year's commitments once, grouped per area in the database): one
     * row per area with households, handed to {@code each} as it is read. For the yearly evaluation's
     * bulk run of the whole country, where a query per province would read the year's commitments
     * once per province. Refused unless the scope is the whole country.
     */
    @Transactional(readOnly = true)
    public void everyAreaRate(Scope scope, int year, Consumer<RegistrationRate> each) {
        if (!scope.wholeCountry()) {
            throw new AccessRefusedException("every area's rate needs the whole country's scope");
        }
        Period period = Period.residentialArea(year);
        // one row per area; enough memory for the aggregate of 100,000 areas not to spill to disk
        template.execute("SET LOCAL work_mem = '64MB'");
        // the answer (one row per area, 100,000 for the country) is read at once: through a cursor
        // (a fetch size) PostgreSQL would not run the pass in parallel, and it took 20 s instead of 10–16 s
        template.query(
                RATES_EVERY_AREA,
                (ResultSet rs) -> {
                    each.accept(new RegistrationRate(
                            rs.getLong(1), period.year(), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                },
                period.year(),
                period.to(),
                period.to());
    }

    /**
     * The rate of each of the given residential areas for the year (households living there on the
     * period's last day, with the year's commitment, signed), one per area, in the order given: an area
     * without households gives zeros. Refused when an area lies outside the scope.
     */
    public List<RegistrationRate> rates(Scope scope, Collection<Long> areaIds, int year) {
        Period period = Period.residentialArea(year);
        if (!scope.wholeCountry()) {
            units.findAll(scope, areaIds, period.to());
        }
        return areaIds.isEmpty() ? List.of() : ratesOf(List.copyOf(areaIds), period);
    }

    private List<RegistrationRate> ratesOf(List<Long> areaIds, Period period) {
        Map<Long, RegistrationRate> found = new HashMap<>();
        template.execute((Connection c) -> {
            Array ids = c.createArrayOf("bigint", areaIds.toArray());
            try (var ps = c.prepareStatement(RATES)) {
                ps.setInt(1, period.year());
                ps.setArray(2, ids);
                ps.setObject(3, period.to());
                ps.setObject(4, period.to());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long area = rs.getLong(1);
                        found.put(
                                area,
                                new RegistrationRate(area, period.year(), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return null;
        });
        return areaIds.stream()
                .map(id -> found.getOrDefault(id, new RegistrationRate(id, period.year(), 0, 0, 0)))
                .toList();
    }

    private static Period inPeriod(int year, LocalDate on) {
        Period period = Period.residentialArea(year);
        if (on == null) {
            throw new HouseholdRefusedException("households.refused.missingDate");
        }
        if (!period.contains(on)) {
            throw new HouseholdRefusedException(
                    "households.refused.outsidePeriod", on, MessageArguments.year(year), period.from(), period.to());
        }
        return period;
    }

    private void insert(long householdId, int year, CommitmentForm form, String by) {
        jdbc.sql("""
                INSERT INTO commitment (household_id, period_year, registered_on, signed, self_manage, self_prevent,
                                        self_protect, recorded_by)
                VALUES (:id, :year, :on, :signed, :m, :p, :pr, :by)""")
                .param("id", householdId)
                .param("year", year)
                .param("on", form.registeredOn())
                .param("signed", form.signed())
                .param("m", form.selfManage())
                .param("p", form.selfPrevent())
                .param("pr", form.selfProtect())
                .param("by", by)
                .update();
    }

    static Commitment commitment(ResultSet rs, int n) throws SQLException {
        return new Commitment(
                rs.getLong("household_id"),
                rs.getInt("period_year"),
                rs.getObject("registered_on", LocalDate.class),
                rs.getBoolean("signed"),
                rs.getBoolean("self_manage"),
                rs.getBoolean("self_prevent"),
                rs.getBoolean("self_protect"),
                rs.getString("recorded_by"));
    }
}
