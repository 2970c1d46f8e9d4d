package vn.tuquan.households;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The yearly commitment of an agency, enterprise or school: its staff, those briefed and those who
 * signed (RULEBOOK: 100% briefed). One record per organisation and period, replaced when recorded
 * again within the same period.
 */
@Service
public class OrganisationCommitments {

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;

    OrganisationCommitments(JdbcClient jdbc, Units units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    /** What an organisation recorded for a period, with its shares. */
    public record OrganisationCommitment(
            long unitId, int year, int staffTotal, int staffBriefed, int staffSigned, LocalDate recordedOn) {

        public double briefedPercent() {
            return 100.0 * staffBriefed / staffTotal;
        }

        public double signedPercent() {
            return 100.0 * staffSigned / staffTotal;
        }

        /** Everyone briefed and everyone signed. */
        public boolean complete() {
            return staffBriefed == staffTotal && staffSigned == staffTotal;
        }
    }

    @Transactional
    public OrganisationCommitment record(
            Caller caller,
            long unitId,
            int year,
            int staffTotal,
            int staffBriefed,
            int staffSigned,
            LocalDate recordedOn) {
        caller.require(Permission.MOVEMENT_WRITE);
        Period period = Period.organisation(year);
        UnitView unit = units.find(caller.capture(), unitId, period.to())
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownOrganisation", unitId));
        if (!unit.kind().organisation()) {
            throw new HouseholdRefusedException("households.refused.notAnOrganisation", unit.name());
        }
        if (staffTotal <= 0) {
            throw new HouseholdRefusedException("households.refused.staffTotal", staffTotal);
        }
        if (staffBriefed < 0 || staffBriefed > staffTotal) {
            throw new HouseholdRefusedException("households.refused.staffBriefed", staffBriefed, staffTotal);
        }
        if (staffSigned < 0 || staffSigned > staffTotal) {
            throw new HouseholdRefusedException("households.refused.staffSigned", staffSigned, staffTotal);
        }
        if (recordedOn == null || !period.contains(recordedOn)) {
            throw new HouseholdRefusedException(
                    "households.refused.outsidePeriod",
                    recordedOn,
                    MessageArguments.year(year),
                    period.from(),
                    period.to());
        }
        jdbc.sql("""
                INSERT INTO organisation_commitment (unit_id, period_year, staff_total, staff_briefed, staff_signed,
                                                     recorded_on)
                VALUES (:unit, :year, :total, :briefed, :signed, :on)
                ON CONFLICT (unit_id, period_year) DO UPDATE
                    SET staff_total = EXCLUDED.staff_total, staff_briefed = EXCLUDED.staff_briefed,
                        staff_signed = EXCLUDED.staff_signed, recorded_on = EXCLUDED.recorded_on
                """)
                .param("unit", unitId)
                .param("year", year)
                .param("total", staffTotal)
                .param("briefed", staffBriefed)
                .param("signed", staffSigned)
                .param("on", recordedOn)
                .update();
        OrganisationCommitment recorded =
                new OrganisationCommitment(unitId, year, staffTotal, staffBriefed, staffSigned, recordedOn);
        events.publishEvent(new OrganisationCommitmentRecorded(recorded));
        return recorded;
    }

    public Optional<OrganisationCommitment> find(Scope scope, long unitId, int year) {
        units.find(scope, unitId, Period.organisation(year).to());
        return jdbc.sql("""
                SELECT unit_id, period_year, staff_total, staff_briefed, staff_signed, recorded_on
                FROM organisation_commitment WHERE unit_id = :unit AND period_year = :year
                """)
                .param("unit", unitId)
                .param("year", year)
                .query(OrganisationCommitments::row)
                .optional();
    }

    /**
     * What each given organisation recorded for the period, for the statistics: one query for all of
     * them; a unit that recorded nothing is left out.
     */
    public Map<Long, OrganisationCommitment> ofUnits(Scope scope, Collection<Long> unitIds, int year) {
        if (!scope.wholeCountry()) {
            units.findAll(scope, unitIds, Period.organisation(year).to());
        }
        Map<Long, OrganisationCommitment> recorded = new HashMap<>();
        if (unitIds.isEmpty()) {
            return recorded;
        }
        jdbc.sql("""
                SELECT unit_id, period_year, staff_total, staff_briefed, staff_signed, recorded_on
                FROM organisation_commitment WHERE unit_id = ANY (CAST(:units AS bigint[])) AND period_year = :year
                """)
                .param("units", unitIds.toArray(Long[]::new))
                .param("year", year)
                .query(OrganisationCommitments::row)
                .list()
                .forEach(c -> recorded.put(c.unitId(), c));
        return recorded;
    }

    /** An organisation with what it recorded for a period, or {@code null} when it recorded nothing. */
    public record OrganisationRow(UnitView unit, OrganisationCommitment commitment) {}

    /** Every organisation under a unit (itself included when it is one) with its record for the period, by name. */
    public List<OrganisationRow> under(Scope scope, long unitId, int year) {
        List<OrganisationRow> rows = new ArrayList<>();
        each(scope, unitId, year, rows::add);
        return rows;
    }

    /**
     * The same organisations, every one of them, handed over one at a time (an export): read by name
     * from a cursor, their records a batch of {@value #BATCH} organisations at a time.
     */
    @Transactional(readOnly = true)
    public void each(Scope scope, long unitId, int year, Consumer<OrganisationRow> each) {
        Period period = Period.organisation(year);
        UnitView root = units.find(scope, unitId, period.to())
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownOrganisation", unitId));
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            if (kind.organisation()) {
                kinds.add(kind);
            }
        }
        List<UnitView> batch = new ArrayList<>();
        units.eachByName(scope, root.id(), kinds, period.to(), true, unit -> {
            batch.add(unit);
            if (batch.size() == BATCH) {
                emit(batch, year, each);
            }
        });
        emit(batch, year, each);
    }

    static final int BATCH = 1000;

    /** Hands over a batch of organisations with their records (one query), then empties it. */
    private void emit(List<UnitView> batch, int year, Consumer<OrganisationRow> each) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, OrganisationCommitment> recorded = new HashMap<>();
        jdbc.sql("""
                SELECT unit_id, period_year, staff_total, staff_briefed, staff_signed, recorded_on
                FROM organisation_commitment WHERE unit_id = ANY (CAST(:units AS bigint[])) AND period_year = :year
                """)
                .param("units", batch.stream().map(UnitView::id).toArray(Long[]::new))
                .param("year", year)
                .query(OrganisationCommitments::row)
                .list()
                .forEach(c -> recorded.put(c.unitId(), c));
        batch.forEach(u -> each.accept(new OrganisationRow(u, recorded.get(u.id()))));
        batch.clear();
    }

    /** The organisations' period a day falls in. */
    public static Period periodOn(LocalDate date) {
        return Period.organisationOn(date);
    }

    private static OrganisationCommitment row(ResultSet rs, int n) throws SQLException {
        return new OrganisationCommitment(
                rs.getLong(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getObject(6, LocalDate.class));
    }

    /** An organisation recorded (or corrected) its commitment for a period. */
    public record OrganisationCommitmentRecorded(OrganisationCommitment commitment) {}
}
