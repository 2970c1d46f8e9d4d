package vn.tuquan.households;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
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
    public record OrganisationCommitment(long unitId, int year, int staffTotal, int staffBriefed, int staffSigned,
            LocalDate recordedOn) {

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
    public OrganisationCommitment record(Caller caller, long unitId, int year, int staffTotal, int staffBriefed,
            int staffSigned, LocalDate recordedOn) {
        caller.require(Permission.MOVEMENT_WRITE);
        Period period = Period.organisation(year);
        UnitView unit = units.find(caller.capture(), unitId, period.to())
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownOrganisation", unitId));
        if (!unit.kind().organisation()) {
            throw new HouseholdRefusedException("households.refused.notAnOrganisation", unit.name());
        }
        if (staffTotal <= 0 || staffBriefed < 0 || staffSigned < 0 || staffBriefed > staffTotal
                || staffSigned > staffTotal) {
            throw new HouseholdRefusedException("households.refused.staffCounts", staffTotal);
        }
        if (!period.contains(recordedOn)) {
            throw new HouseholdRefusedException("households.refused.outsidePeriod", recordedOn, year, period.from(),
                    period.to());
        }
        jdbc.sql("""
                INSERT INTO organisation_commitment (unit_id, period_year, staff_total, staff_briefed, staff_signed,
                                                     recorded_on)
                VALUES (:unit, :year, :total, :briefed, :signed, :on)
                ON CONFLICT (unit_id, period_year) DO UPDATE
                    SET staff_total = EXCLUDED.staff_total, staff_briefed = EXCLUDED.staff_briefed,
                        staff_signed = EXCLUDED.staff_signed, recorded_on = EXCLUDED.recorded_on
                """).param("unit", unitId).param("year", year).param("total", staffTotal)
                .param("briefed", staffBriefed).param("signed", staffSigned).param("on", recordedOn).update();
        OrganisationCommitment recorded = new OrganisationCommitment(unitId, year, staffTotal, staffBriefed,
                staffSigned, recordedOn);
        events.publishEvent(new OrganisationCommitmentRecorded(recorded));
        return recorded;
    }

    public Optional<OrganisationCommitment> find(Scope scope, long unitId, int year) {
        units.find(scope, unitId, Period.organisation(year).to());
        return jdbc.sql("""
                SELECT unit_id, period_year, staff_total, staff_briefed, staff_signed, recorded_on
                FROM organisation_commitment WHERE unit_id = :unit AND period_year = :year
                """).param("unit", unitId).param("year", year)
                .query((rs, n) -> new OrganisationCommitment(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getObject(6, LocalDate.class)))
                .optional();
    }

    /** An organisation recorded (or corrected) its commitment for a period. */
    public record OrganisationCommitmentRecorded(OrganisationCommitment commitment) {
    }
}
