package vn.tuquan.households;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The households of residential areas: added, edited, moved from a date to another area with
 * their history kept. Reads take the caller's view scope, writes the caller and stay inside its
 * capture scope.
 */
@Service
public class Households {

    /**
     * A stay with the household as it was during it: an ended stay carries its own copy (made when the
     * household moved on, V26), the current one reads the household's row.
     */
    static final String COLUMNS = """
            h.id, r.area_id, r.code,
            CASE WHEN r.members IS NULL THEN h.head_name ELSE r.head_name END AS head_name,
            CASE WHEN r.members IS NULL THEN h.address ELSE r.address END AS address,
            CASE WHEN r.members IS NULL THEN h.members ELSE r.members END AS members,
            CASE WHEN r.members IS NULL THEN h.catholic ELSE r.catholic END AS catholic,
            r.valid_from, r.valid_to""";

    static final String LIVING_ON = "r.valid_from <= :asOf AND (r.valid_to IS NULL OR r.valid_to > :asOf)";

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;

    Households(JdbcClient jdbc, Units units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    /** The households living in a residential area on a date, by code. */
    public List<Household> inArea(Scope scope, long areaId, LocalDate asOf) {
        area(scope, areaId, asOf);
        return jdbc.sql("SELECT " + COLUMNS + " FROM household_residence r JOIN household h ON h.id = r.household_id"
                        + " WHERE r.area_id = :area AND " + LIVING_ON + " ORDER BY r.code COLLATE natural_vi")
                .param("area", areaId)
                .param("asOf", asOf)
                .query(Households::row)
                .list();
    }

    /**
     * For the statistics: how many Catholic households lived in each given residential area on a date
     * (the household as it was during its stay there), in one query; an area with none is left out.
     */
    public Map<Long, Long> catholicCounts(Scope scope, Collection<Long> areaIds, LocalDate asOf) {
        if (!scope.wholeCountry()) {
            units.findAll(scope, areaIds, asOf);
        }
        Map<Long, Long> counts = new HashMap<>();
        if (areaIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT r.area_id, count(*) FROM household_residence r JOIN household h ON h.id = r.household_id"
                        + " WHERE r.area_id = ANY (CAST(:areas AS bigint[])) AND " + LIVING_ON
                        + " AND CASE WHEN r.members IS NULL THEN h.catholic ELSE r.catholic END GROUP BY r.area_id")
                .param("areas", areaIds.toArray(Long[]::new))
                .param("asOf", asOf)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /** A household as it lives on a date; refused when its area lies outside the scope. */
    public Optional<Household> find(Scope scope, long householdId, LocalDate asOf) {
        Optional<Household> found = findAny(householdId, asOf);
        found.ifPresent(h -> area(scope, h.areaId(), asOf));
        return found;
    }

    /**
     * The households of a list as they live on a date, in one query (those living nowhere then are
     * left out); refused when one of them lives outside the scope.
     */
    public List<Household> findAll(Scope scope, Collection<Long> householdIds, LocalDate asOf) {
        List<Household> found = jdbc.sql("SELECT " + COLUMNS + " FROM household_residence r JOIN household h"
                        + " ON h.id = r.household_id WHERE h.id = ANY (CAST(:ids AS bigint[])) AND " + LIVING_ON)
                .param("ids", householdIds.toArray(Long[]::new))
                .param("asOf", asOf)
                .query(Households::row)
                .list();
        found.stream().map(Household::areaId).distinct().forEach(areaId -> area(scope, areaId, asOf));
        return found;
    }

    /** Every stay of a household, the earliest first. */
    public List<Household> history(Scope scope, long householdId) {
        List<Household> stays = jdbc.sql("SELECT " + COLUMNS + " FROM household_residence r JOIN household h"
                        + " ON h.id = r.household_id WHERE h.id = :id ORDER BY r.valid_from")
                .param("id", householdId)
                .query(Households::row)
                .list();
        if (!stays.isEmpty()) {
            Household last = stays.get(stays.size() - 1);
            if (!units.contains(
                    scope,
                    last.areaId(),
                    last.validTo() == null ? last.validFrom() : last.validTo().minusDays(1))) {
                throw new AccessRefusedException("household " + householdId + " is outside the caller's scope");
            }
        }
        return stays;
    }

    /**
     * The stays of a household inside the scope, the earliest first — where it lived before or went
     * after, outside the scope, is not told — each with the household as it was then; refused (not
     * found) when it never lived in the area.
     */
    public List<Household> historyIn(Scope scope, long areaId, long householdId) {
        if (!units.contains(scope, areaId, Dates.today())) {
            throw new AccessRefusedException("area " + areaId + " is outside the caller's scope");
        }
        List<Household> stays = jdbc.sql("SELECT " + COLUMNS + " FROM household_residence r JOIN household h"
                        + " ON h.id = r.household_id WHERE h.id = :id ORDER BY r.valid_from")
                .param("id", householdId)
                .query(Households::row)
                .list();
        if (stays.stream().noneMatch(s -> s.areaId() == areaId)) {
            throw new HouseholdRefusedException("households.refused.notInArea", householdId);
        }
        return stays.stream()
                .filter(s -> units.contains(
                        scope,
                        s.areaId(),
                        s.validTo() == null ? Dates.today() : s.validTo().minusDays(1)))
                .toList();
    }

    @Transactional
    public Household add(Caller caller, long areaId, HouseholdForm form, LocalDate from) {
        caller.require(Permission.MOVEMENT_WRITE);
        area(caller.capture(), areaId, from);
        validate(form);
        long id = jdbc.sql("INSERT INTO household (head_name, address, members, catholic) VALUES (:head, :address,"
                        + " :members, :catholic) RETURNING id")
                .param("head", form.headName().strip())
                .param("address", blankToNull(form.address()))
                .param("members", form.members())
                .param("catholic", form.catholic())
                .query(Long.class)
                .single();
        reside(id, areaId, form.code().strip(), from, false);
        events.publishEvent(new HouseholdAdded(id, areaId, form.code().strip(), from));
        return findAny(id, from).orElseThrow();
    }

    /**
     * Corrects the head, address, members, attributes and code of a household during the stay it has on
     * the date: on its current stay, the household itself; on a stay that ended (it moved on), only that
     * stay's own copy — the commune it left never changes what its new commune records.
     */
    @Transactional
    public Household edit(Caller caller, long householdId, HouseholdForm form, LocalDate asOf) {
        caller.require(Permission.MOVEMENT_WRITE);
        Household current = findAny(householdId, asOf)
                .orElseThrow(
                        () -> new HouseholdRefusedException("households.refused.unknown", Long.toString(householdId)));
        area(caller.capture(), current.areaId(), asOf);
        validate(form);
        if (current.validTo() == null) {
            jdbc.sql(
                            "UPDATE household SET head_name = :head, address = :address, members = :members, catholic = :catholic"
                                    + " WHERE id = :id")
                    .param("head", form.headName().strip())
                    .param("address", blankToNull(form.address()))
                    .param("members", form.members())
                    .param("catholic", form.catholic())
                    .param("id", householdId)
                    .update();
        } else {
            jdbc.sql("UPDATE household_residence SET head_name = :head, address = :address, members = :members,"
                            + " catholic = :catholic WHERE household_id = :id AND valid_from = :from")
                    .param("head", form.headName().strip())
                    .param("address", blankToNull(form.address()))
                    .param("members", form.members())
                    .param("catholic", form.catholic())
                    .param("id", householdId)
                    .param("from", current.validFrom())
                    .update();
        }
        try {
            jdbc.sql("UPDATE household_residence SET code = :code WHERE household_id = :id AND valid_from = :from")
                    .param("code", form.code().strip())
                    .param("id", householdId)
                    .param("from", current.validFrom())
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new HouseholdRefusedException(
                    "households.refused.duplicateCode", form.code().strip());
        }
        Household edited = findAny(householdId, asOf).orElseThrow();
        events.publishEvent(HouseholdEdited.between(current, edited));
        return edited;
    }

    /**
     * Moves a household to another residential area from a date: its stay on that date ends the day
     * before, the new one starts. Refused when it would then live in two areas at once.
     */
    @Transactional
    public Household move(Caller caller, long householdId, long toAreaId, String code, LocalDate on) {
        caller.require(Permission.MOVEMENT_WRITE);
        Household current = findAny(householdId, on)
                .orElseThrow(
                        () -> new HouseholdRefusedException("households.refused.unknown", Long.toString(householdId)));
        area(caller.capture(), current.areaId(), on);
        area(caller.capture(), toAreaId, on);
        if (current.areaId() == toAreaId) {
            throw new HouseholdRefusedException("households.refused.sameArea");
        }
        if (!current.validFrom().isBefore(on)) {
            throw new HouseholdRefusedException("households.refused.twoAreas", current.validFrom());
        }
        requireLength("code", "households.code", code, TextLimits.CODE);
        // the stay it leaves keeps the household as it was there
        jdbc.sql("""
                UPDATE household_residence r SET valid_to = :on, head_name = h.head_name, address = h.address,
                       members = h.members, catholic = h.catholic
                  FROM household h WHERE h.id = r.household_id AND r.household_id = :id AND r.valid_from = :from""")
                .param("on", on)
                .param("id", householdId)
                .param("from", current.validFrom())
                .update();
        reside(householdId, toAreaId, code == null || code.isBlank() ? current.code() : code.strip(), on, true);
        events.publishEvent(new HouseholdMoved(householdId, current.areaId(), toAreaId, on));
        return findAny(householdId, on).orElseThrow();
    }

    /**
     * A stay in an area from a date. A household's later stays are marked {@code moved}: the database
     * then marks all its stays and checks them against each other (migration V16).
     */
    private void reside(long householdId, long areaId, String code, LocalDate from, boolean later) {
        try {
            jdbc.sql("INSERT INTO household_residence (household_id, area_id, code, valid_from, moved) VALUES (:id,"
                            + " :area, :code, :from, :later)")
                    .param("id", householdId)
                    .param("area", areaId)
                    .param("code", code)
                    .param("from", from)
                    .param("later", later)
                    .update();
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            if (message.contains("household_residence_one_area") || message.contains("household_residence_household")) {
                throw new HouseholdRefusedException("households.refused.twoAreas", from);
            }
            throw new HouseholdRefusedException("households.refused.duplicateCode", code);
        }
    }

    /**
     * The households (or only the Catholic ones) living on a date in the residential areas under a
     * unit, the unit itself included when it is one, by id: e.g. those a rate of "Gia đình Công giáo
     * gương mẫu" counts. Refused when the unit lies outside the scope.
     */
    public List<Long> livingUnder(Scope scope, long unitId, LocalDate asOf, boolean catholicOnly) {
        // nothing when the unit did not exist on the date (not the unit alone, as a subtree would give)
        Long[] areas = units.find(scope, unitId, asOf).isEmpty()
                ? new Long[0]
                : units.subtreeWithRoot(scope, unitId, Set.of(UnitKind.RESIDENTIAL_AREA), asOf).stream()
                        .map(UnitView::id)
                        .toArray(Long[]::new);
        return jdbc.sql("SELECT r.household_id FROM household_residence r JOIN household h ON h.id = r.household_id"
                        + " WHERE (CASE WHEN r.members IS NULL THEN h.catholic ELSE r.catholic END OR NOT :catholicOnly)"
                        + " AND r.area_id = ANY (CAST(:areas AS bigint[])) AND "
                        + LIVING_ON)
                .param("catholicOnly", catholicOnly)
                .param("areas", areas)
                .param("asOf", asOf)
                .query(Long.class)
                .list();
    }

    /** A residential area of the scope on a date, or a refusal. */
    public UnitView area(Scope scope, long areaId, LocalDate asOf) {
        UnitView area = units.find(scope, areaId, asOf)
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownArea", areaId));
        if (area.kind() != UnitKind.RESIDENTIAL_AREA) {
            throw new HouseholdRefusedException("households.refused.notResidentialArea", area.name());
        }
        return area;
    }

    Optional<Household> findAny(long householdId, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household_residence r JOIN household h ON h.id = r.household_id"
                        + " WHERE h.id = :id AND " + LIVING_ON)
                .param("id", householdId)
                .param("asOf", asOf)
                .query(Households::row)
                .optional();
    }

    static void validate(HouseholdForm form) {
        if (form.code() == null || form.code().isBlank()) {
            throw new HouseholdRefusedException("households.refused.missingCode");
        }
        requireLength("code", "households.code", form.code(), TextLimits.CODE);
        if (form.headName() == null || form.headName().isBlank()) {
            throw new HouseholdRefusedException("households.refused.missingHead");
        }
        requireLength("headName", "households.head", form.headName(), TextLimits.NAME);
        requireLength("address", "households.address", form.address(), TextLimits.LINE);
        if (form.members() < 1) {
            throw new HouseholdRefusedException("households.refused.members", form.members());
        }
    }

    /** Refuses a text longer than its field allows, naming the field. */
    static void requireLength(String field, String labelKey, String value, int max) {
        if (TextLimits.tooLong(value, max)) {
            throw HouseholdRefusedException.tooLong(field, labelKey, max, value);
        }
    }

    static Household row(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Household(
                rs.getLong("id"),
                rs.getLong("area_id"),
                rs.getString("code"),
                rs.getString("head_name"),
                rs.getString("address"),
                rs.getInt("members"),
                rs.getBoolean("catholic"),
                rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }
}
