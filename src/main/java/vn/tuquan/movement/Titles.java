package vn.tuquan.movement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/** The title catalogue, awards, emulation agreements, and the rates computed from the awards. */
@Service
public class Titles {

    private final JdbcClient jdbc;
    private final MovementUnits units;
    private final ApplicationEventPublisher events;

    Titles(JdbcClient jdbc, MovementUnits units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    public List<Title> all() {
        return jdbc.sql("SELECT * FROM title ORDER BY awarded_to, name_vi").query(Titles::row).list();
    }

    public Optional<Title> find(String code) {
        return jdbc.sql("SELECT * FROM title WHERE code = :code").param("code", code).query(Titles::row).optional();
    }

    /**
     * Awards a title for a year to a unit (or to a person of the unit). Refused without a deciding
     * body and a decision number, for a title of households (they come with the households
     * register), or for a unit of a kind the title is not for.
     */
    @Transactional
    public Title.Award award(Caller caller, long unitId, Title.AwardForm form) {
        UnitView unit = units.writable(caller, unitId);
        Title title = Optional.ofNullable(form.titleCode()).flatMap(this::find)
                .orElseThrow(() -> new MovementRefusedException("titleCode", "movement.error.unknownTitle"));
        if (form.year() == null || form.year() < 1990 || form.year() > 2200) {
            throw new MovementRefusedException("year", "movement.error.year");
        }
        if (form.decisionNumber() == null || form.decisionNumber().isBlank()) {
            throw new MovementRefusedException("decisionNumber", "movement.error.decisionRequired");
        }
        if (form.decidingBody() == null || form.decidingBody().isBlank()) {
            throw new MovementRefusedException("decidingBody", "movement.error.required");
        }
        String person = Models.blankToNull(form.personName());
        switch (title.awardedTo()) {
            case HOUSEHOLD -> throw new MovementRefusedException("titleCode", "movement.error.householdTitle");
            case PERSON -> {
                if (person == null) {
                    throw new MovementRefusedException("personName", "movement.error.required");
                }
            }
            case UNIT -> {
                if (!title.unitKinds().contains(unit.kind())) {
                    throw new MovementRefusedException("titleCode", "movement.error.titleNotForKind");
                }
                if (person != null) {
                    throw new MovementRefusedException("personName", "movement.error.personForUnitTitle");
                }
                boolean already = jdbc.sql("""
                        SELECT count(*) > 0 FROM title_award WHERE title_code = :title AND year = :year AND unit_id = :unit
                          AND person_name IS NULL
                        """).param("title", title.code()).param("year", form.year()).param("unit", unit.id())
                        .query(Boolean.class).single();
                if (already) {
                    throw new MovementRefusedException("titleCode", "movement.error.alreadyAwarded");
                }
            }
        }
        long id = jdbc.sql("""
                INSERT INTO title_award (title_code, year, unit_id, person_name, deciding_body, decision_number, decided_on)
                VALUES (:title, :year, :unit, :person, :body, :number, :decided) RETURNING id
                """).param("title", title.code()).param("year", form.year()).param("unit", unit.id())
                .param("person", person).param("body", form.decidingBody().strip())
                .param("number", form.decisionNumber().strip()).param("decided", form.decidedOn())
                .query(Long.class).single();
        var award = new Title.Award(id, title.code(), form.year(), unit.id(), person, form.decidingBody().strip(),
                form.decisionNumber().strip(), form.decidedOn());
        events.publishEvent(new MovementRecorded("title-award", Long.toString(id), unit.id(), true, award));
        return award;
    }

    /** Awards to the unit and the units under it, newest year first. */
    public List<Title.Award> awardsUnder(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("SELECT * FROM title_award WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY year DESC, id")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new Title.Award(rs.getLong("id"), rs.getString("title_code"), rs.getInt("year"),
                        rs.getLong("unit_id"), rs.getString("person_name"), rs.getString("deciding_body"),
                        rs.getString("decision_number"), rs.getObject("decided_on", LocalDate.class)))
                .list();
    }

    /**
     * The share of units of a kind under the unit (as they were at the end of the year, or today for
     * the current year) that held the title in the year: e.g. parishes awarded "Xứ họ đạo tiên tiến" (F16).
     */
    public Title.Rate rate(Scope scope, long unitId, String titleCode, UnitKind kind, int year) {
        Title title = find(titleCode).orElseThrow(() -> new UnknownMovementRecordException("title", titleCode));
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate today = vn.tuquan.shared.Dates.today();
        LocalDate asOf = endOfYear.isAfter(today) ? today : endOfYear;
        List<Long> ids = units.subtree(scope, unitId, Set.of(kind), asOf).stream().map(UnitView::id).toList();
        long awarded = ids.isEmpty() ? 0 : jdbc.sql("""
                SELECT count(DISTINCT unit_id) FROM title_award
                WHERE title_code = :title AND year = :year AND person_name IS NULL AND unit_id = ANY(CAST(:ids AS bigint[]))
                """).param("title", title.code()).param("year", year).param("ids", ids.toArray(Long[]::new))
                .query(Long.class).single();
        return new Title.Rate(unitId, title.code(), kind, year, awarded, ids.size());
    }

    /** Records an emulation agreement signed by the unit with other units (all parties visible to the caller). */
    @Transactional
    public Title.Agreement agree(Caller caller, long unitId, Title.AgreementForm form) {
        UnitView unit = units.writable(caller, unitId);
        Long[] parties = parties(caller, unit, form, List.of());
        long id = jdbc.sql("""
                INSERT INTO emulation_agreement (unit_id, party_ids, signed_on, content, campaigns)
                VALUES (:unit, CAST(:parties AS bigint[]), :signed, :content, CAST(:campaigns AS text[])) RETURNING id
                """).param("unit", unit.id()).param("parties", parties)
                .param("signed", form.signedOn()).param("content", form.content().strip())
                .param("campaigns", Models.textArray(form.campaigns())).query(Long.class).single();
        var agreement = agreement(id).orElseThrow();
        events.publishEvent(new MovementRecorded("emulation-agreement", Long.toString(id), unit.id(), true, agreement));
        return agreement;
    }

    /** Corrects an agreement recorded by the unit, with the rules of {@link #agree}. */
    @Transactional
    public Title.Agreement editAgreement(Caller caller, long unitId, long agreementId, Title.AgreementForm form) {
        UnitView unit = units.writable(caller, unitId);
        Title.Agreement before = ownAgreement(unit, agreementId);
        Long[] parties = parties(caller, unit, form, before.partyIds());
        jdbc.sql("""
                UPDATE emulation_agreement SET party_ids = CAST(:parties AS bigint[]), signed_on = :signed,
                       content = :content, campaigns = CAST(:campaigns AS text[]) WHERE id = :id
                """).param("parties", parties).param("signed", form.signedOn()).param("content", form.content().strip())
                .param("campaigns", Models.textArray(form.campaigns())).param("id", agreementId).update();
        Title.Agreement after = agreement(agreementId).orElseThrow();
        events.publishEvent(MovementRecorded.changed("emulation-agreement", Long.toString(agreementId), unit.id(),
                before, after));
        return after;
    }

    /** Removes an agreement recorded by the unit (by mistake); answers what it was. */
    @Transactional
    public Title.Agreement removeAgreement(Caller caller, long unitId, long agreementId) {
        UnitView unit = units.writable(caller, unitId);
        Title.Agreement before = ownAgreement(unit, agreementId);
        jdbc.sql("DELETE FROM emulation_agreement WHERE id = :id").param("id", agreementId).update();
        events.publishEvent(MovementRecorded.removed("emulation-agreement", Long.toString(agreementId), unit.id(), before));
        return before;
    }

    /**
     * The parties of an agreement (the recording unit first), after its rules: each visible to the
     * caller, except those already on it (a correction keeps a party of a neighbouring area).
     */
    private Long[] parties(Caller caller, UnitView unit, Title.AgreementForm form, List<Long> already) {
        Set<Long> parties = new LinkedHashSet<>();
        parties.add(unit.id());
        if (form.partyIds() != null) {
            for (Long party : form.partyIds()) {
                if (party != null) {
                    parties.add(already.contains(party) ? party : units.visible(caller.view(), party).id());
                }
            }
        }
        if (parties.size() < 2) {
            throw new MovementRefusedException("partyIds", "movement.error.parties");
        }
        if (form.signedOn() == null) {
            throw new MovementRefusedException("signedOn", "movement.error.required");
        }
        if (form.content() == null || form.content().isBlank()) {
            throw new MovementRefusedException("content", "movement.error.required");
        }
        return parties.toArray(Long[]::new);
    }

    /** Only the recording unit corrects an agreement; the other parties see it. */
    private Title.Agreement ownAgreement(UnitView unit, long agreementId) {
        return agreement(agreementId).filter(a -> a.unitId() == unit.id())
                .orElseThrow(() -> new UnknownMovementRecordException("emulation-agreement", agreementId));
    }

    private Optional<Title.Agreement> agreement(long id) {
        return jdbc.sql("SELECT * FROM emulation_agreement WHERE id = :id").param("id", id)
                .query(Titles::agreementRow).optional();
    }

    /** Agreements recorded by the unit or a unit under it, or naming one of them as a party. */
    public List<Title.Agreement> agreementsUnder(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("""
                SELECT * FROM emulation_agreement
                WHERE unit_id = ANY(CAST(:ids AS bigint[])) OR party_ids && CAST(:ids AS bigint[])
                ORDER BY signed_on DESC, id
                """).param("ids", ids.toArray(Long[]::new)).query(Titles::agreementRow).list();
    }

    static Title.Agreement agreementRow(ResultSet rs, int n) throws SQLException {
        List<Long> parties = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("party_ids").getArray()) {
            parties.add(((Number) o).longValue());
        }
        return new Title.Agreement(rs.getLong("id"), rs.getLong("unit_id"), parties,
                rs.getObject("signed_on", LocalDate.class), rs.getString("content"),
                Models.strings(rs.getArray("campaigns")));
    }

    static Title row(ResultSet rs, int n) throws SQLException {
        return new Title(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                Title.AwardedTo.valueOf(rs.getString("awarded_to")), ModelTypes.kinds(rs.getArray("unit_kinds")));
    }
}
