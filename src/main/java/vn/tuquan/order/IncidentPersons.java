package vn.tuquan.order;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.order.internal.IncidentStore;
import vn.tuquan.order.internal.PersonRegisters;
import vn.tuquan.shared.Caller;

/**
 * The persons of the sensitive registers an incident involves (drug users, people under
 * re-education). Which persons an incident involves is itself sensitive: reading or changing the
 * links needs SENSITIVE_READ, and reads are audited. The incident must lie under the unit asked
 * about (checked here: the table has no foreign key to {@code incident}).
 */
@Service
public class IncidentPersons {

    public enum Kind {
        DRUG_USER,
        RE_EDUCATION
    }

    /** One link: the person's record and the unit it hangs on (no personal field). */
    public record Link(long incidentId, Kind kind, long personId, long personUnitId) {}

    private static final String ENTITY = "incident-person";

    private final JdbcClient jdbc;
    private final IncidentStore incidents;
    private final PersonRegisters registers;

    IncidentPersons(JdbcClient jdbc, IncidentStore incidents, PersonRegisters registers) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.registers = registers;
    }

    /** The persons linked to an incident of the unit or under it: SENSITIVE_READ, audited. */
    public List<Link> of(Caller caller, long unitId, long incidentId) {
        registers.readable(caller, unitId);
        incidentUnder(unitId, incidentId);
        List<Link> links = jdbc.sql("""
                SELECT p.incident_id, p.person_kind, p.person_id, COALESCE(d.residence_unit_id, r.unit_id)
                  FROM incident_person p
                  LEFT JOIN drug_user d ON p.person_kind = 'DRUG_USER' AND d.id = p.person_id
                  LEFT JOIN re_education r ON p.person_kind = 'RE_EDUCATION' AND r.id = p.person_id
                 WHERE p.incident_id = :incident ORDER BY p.person_kind, p.person_id""")
                .param("incident", incidentId)
                .query((rs, n) -> new Link(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
        registers.read(ENTITY, List.of(incidentId), unitId, List.of("persons"));
        return links;
    }

    /**
     * Links a person of a sensitive register (visible to the caller) to an incident of the unit or under it;
     * the unit is checked against the caller's capture scope before anything of the request.
     */
    @Transactional
    public Link link(Caller caller, long unitId, long incidentId, Kind kind, Long personId) {
        registers.writable(caller, unitId, true);
        incidentUnder(unitId, incidentId);
        if (kind == null) {
            throw new PersonRefusedException("kind", "order.persons.error.required");
        }
        if (personId == null) {
            throw new PersonRefusedException("personId", "order.persons.error.required");
        }
        long personUnit = personUnit(kind, personId)
                .orElseThrow(() ->
                        new PersonRefusedException("personId", "order.incidentPersons.error.unknownPerson", personId));
        registers.units().visible(caller.view(), personUnit);
        jdbc.sql("""
                INSERT INTO incident_person (incident_id, person_kind, person_id, linked_by)
                VALUES (:incident, :kind, :person, :by) ON CONFLICT DO NOTHING""")
                .param("incident", incidentId)
                .param("kind", kind.name())
                .param("person", personId)
                .param("by", caller.username())
                .update();
        Link link = new Link(incidentId, kind, personId, personUnit);
        registers.recorded(new PersonRecorded(
                ENTITY,
                incidentId + "/" + kind + "/" + personId,
                unitId,
                PersonRecorded.Change.CREATED,
                null,
                link,
                List.of()));
        return link;
    }

    /** Removes a link made by mistake. */
    @Transactional
    public void unlink(Caller caller, long unitId, long incidentId, Kind kind, long personId) {
        registers.writable(caller, unitId, true);
        incidentUnder(unitId, incidentId);
        int removed = jdbc.sql("DELETE FROM incident_person WHERE incident_id = :incident AND person_kind = :kind"
                        + " AND person_id = :person")
                .param("incident", incidentId)
                .param("kind", kind == null ? "" : kind.name())
                .param("person", personId)
                .update();
        if (removed == 0) {
            throw new UnknownPersonRecordException(ENTITY, incidentId + "/" + kind + "/" + personId);
        }
        registers.recorded(new PersonRecorded(
                ENTITY,
                incidentId + "/" + kind + "/" + personId,
                unitId,
                PersonRecorded.Change.DELETED,
                Map.of("incidentId", incidentId, "kind", kind, "personId", personId),
                null,
                List.of()));
    }

    /** The incident's unit must be the unit asked about or lie under it. */
    private void incidentUnder(long unitId, long incidentId) {
        Optional<Long> incidentUnit = incidents.unitOf(incidentId);
        if (incidentUnit.isEmpty()) {
            throw new UnknownPersonRecordException("incident", incidentId);
        }
        registers.requireUnder(unitId, incidentUnit.get(), "incident", incidentId);
    }

    private Optional<Long> personUnit(Kind kind, long personId) {
        String sql = kind == Kind.DRUG_USER
                ? "SELECT residence_unit_id FROM drug_user WHERE id = :id"
                : "SELECT unit_id FROM re_education WHERE id = :id";
        return jdbc.sql(sql).param("id", personId).query(Long.class).optional();
    }
}
