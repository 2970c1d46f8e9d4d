package vn.tuquan.movement;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.households.Household;
import vn.tuquan.households.Households;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/** The title catalogue, awards, emulation agreements, and the rates computed from the awards. */
@Service
public class Titles {

    /** The household title only a Catholic household may hold (F16). */
    public static final String EXEMPLARY_CATHOLIC_FAMILY = "EXEMPLARY_CATHOLIC_FAMILY";

    static final int MAX_DECISION_NUMBER = 100;
    static final int MAX_DECIDING_BODY = 300;
    /** An emulation agreement's content. */
    static final int MAX_CONTENT = 5000;

    private final JdbcClient jdbc;
    private final MovementUnits units;
    private final Households households;
    private final ApplicationEventPublisher events;

    Titles(JdbcClient jdbc, MovementUnits units, Households households, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.households = households;
        this.events = events;
    }

    public List<Title> all() {
        return jdbc.sql("SELECT * FROM title ORDER BY awarded_to, name_vi COLLATE natural_vi")
                .query(Titles::row)
                .list();
    }

    public Optional<Title> find(String code) {
        return jdbc.sql("SELECT * FROM title WHERE code = :code")
                .param("code", code)
                .query(Titles::row)
                .optional();
    }

    /**
     * Awards a title for a year to a unit (or to a person of the unit). Refused without a deciding
     * body and a decision number, for a title of households ({@link #awardHouseholds}), or for a
     * unit of a kind the title is not for.
     */
    @Transactional
    public Title.Award award(Caller caller, long unitId, Title.AwardForm form) {
        UnitView unit = units.writable(caller, unitId);
        Title title = decided(form.titleCode(), form.year(), form.decidingBody(), form.decisionNumber());
        Models.bounded("personName", form.personName(), Models.MAX_PERSON);
        String person = blankToNull(form.personName());
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
                        """)
                        .param("title", title.code())
                        .param("year", form.year())
                        .param("unit", unit.id())
                        .query(Boolean.class)
                        .single();
                if (already) {
                    throw new MovementRefusedException("titleCode", "movement.error.alreadyAwarded");
                }
            }
        }
        long id = jdbc.sql("""
                INSERT INTO title_award (title_code, awarded_to, year, unit_id, person_name, deciding_body, decision_number,
                                         decided_on)
                VALUES (:title, :to, :year, :unit, :person, :body, :number, :decided) RETURNING id
                """)
                .param("title", title.code())
                .param("to", title.awardedTo().name())
                .param("year", form.year())
                .param("unit", unit.id())
                .param("person", person)
                .param("body", form.decidingBody().strip())
                .param("number", form.decisionNumber().strip())
                .param("decided", form.decidedOn())
                .query(Long.class)
                .single();
        var award = new Title.Award(
                id,
                title.code(),
                form.year(),
                unit.id(),
                person,
                form.decidingBody().strip(),
                form.decisionNumber().strip(),
                form.decidedOn(),
                null);
        events.publishEvent(new MovementRecorded("title-award", Long.toString(id), unit.id(), true, award));
        return award;
    }

    /**
     * Awards a household title for a year to every household of a decision, all or none. Each must
     * live, at the end of the year (today for the current year), in a residential area under the
     * unit and inside the caller's capture scope (else 403); "Gia đình Công giáo gương mẫu" only to a
     * Catholic household; a household holds a title once a year. The award keeps the area the
     * household lived in.
     */
    @Transactional
    public List<Title.Award> awardHouseholds(Caller caller, long unitId, Title.HouseholdAwardForm form) {
        UnitView unit = units.writable(caller, unitId);
        Title title = decided(form.titleCode(), form.year(), form.decidingBody(), form.decisionNumber());
        if (title.awardedTo() != Title.AwardedTo.HOUSEHOLD) {
            throw new MovementRefusedException("titleCode", "movement.error.notHouseholdTitle");
        }
        List<Long> ids = form.householdIds() == null
                ? List.of()
                : form.householdIds().stream()
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        if (ids.isEmpty()) {
            throw new MovementRefusedException("householdIds", "movement.error.noHouseholds");
        }
        LocalDate asOf = endOfYearOrToday(form.year());
        Map<Long, Household> living = new HashMap<>();
        households.findAll(caller.capture(), ids, asOf).forEach(h -> living.put(h.id(), h));
        Set<Long> areasUnder = new HashSet<>();
        List<Household> awarded = new ArrayList<>();
        for (long id : ids) {
            Household household = living.get(id);
            if (household == null) {
                throw new MovementRefusedException(
                        "householdIds", "movement.error.householdNotLiving", Long.toString(id), asOf);
            }
            if (!areasUnder.contains(household.areaId())) {
                if (!units.under(unit.id(), household.areaId(), asOf)) {
                    throw new MovementRefusedException(
                            "householdIds",
                            "movement.error.householdNotUnder",
                            household.code(),
                            household.headName(),
                            unit.name());
                }
                areasUnder.add(household.areaId());
            }
            if (EXEMPLARY_CATHOLIC_FAMILY.equals(title.code()) && !household.catholic()) {
                throw new MovementRefusedException(
                        "householdIds", "movement.error.notCatholic", household.code(), household.headName());
            }
            awarded.add(household);
        }
        List<Long> already = jdbc.sql("""
                SELECT household_id FROM title_award
                 WHERE title_code = :title AND year = :year AND household_id = ANY (CAST(:ids AS bigint[]))
                """)
                .param("title", title.code())
                .param("year", form.year())
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
        if (!already.isEmpty()) {
            Household first = awarded.stream()
                    .filter(h -> already.contains(h.id()))
                    .findFirst()
                    .orElseThrow();
            throw new MovementRefusedException(
                    "householdIds",
                    "movement.error.householdAlreadyAwarded",
                    first.code(),
                    first.headName(),
                    form.year().toString());
        }
        String body = form.decidingBody().strip();
        String number = form.decisionNumber().strip();
        Map<Long, Long> awardIds = new HashMap<>();
        jdbc.sql("""
                INSERT INTO title_award (title_code, awarded_to, year, unit_id, household_id, deciding_body, decision_number,
                                         decided_on)
                SELECT :title, 'HOUSEHOLD', :year, a.area_id, a.household_id, :body, :number, :decided
                  FROM unnest(CAST(:households AS bigint[]), CAST(:areas AS bigint[])) AS a (household_id, area_id)
                RETURNING id, household_id
                """)
                .param("title", title.code())
                .param("year", form.year())
                .param("body", body)
                .param("number", number)
                .param("decided", form.decidedOn())
                .param("households", awarded.stream().map(Household::id).toArray(Long[]::new))
                .param("areas", awarded.stream().map(Household::areaId).toArray(Long[]::new))
                .query((rs, n) -> awardIds.put(rs.getLong("household_id"), rs.getLong("id")))
                .list();
        List<Title.Award> awards = awarded.stream()
                .map(h -> new Title.Award(
                        awardIds.get(h.id()),
                        title.code(),
                        form.year(),
                        h.areaId(),
                        null,
                        body,
                        number,
                        form.decidedOn(),
                        h.id()))
                .toList();
        events.publishEvent(new MovementRecorded(
                "title-award", awards.size() == 1 ? Long.toString(awards.get(0).id()) : null, unit.id(), true, awards));
        return awards;
    }

    /**
     * Removes a mistaken award of the unit or a unit under it (capture scope); the audit log keeps
     * what was removed.
     */
    @Transactional
    public Title.Award remove(Caller caller, long unitId, long awardId) {
        UnitView unit = units.writable(caller, unitId);
        Title.Award award = jdbc.sql("SELECT * FROM title_award WHERE id = :id")
                .param("id", awardId)
                .query(Titles::award)
                .optional()
                .filter(a -> units.under(unit.id(), a.unitId(), Dates.today()))
                .orElseThrow(() -> new UnknownMovementRecordException("award", awardId));
        jdbc.sql("DELETE FROM title_award WHERE id = :id").param("id", awardId).update();
        events.publishEvent(new TitleAwardRemoved(award));
        return award;
    }

    /** The title of a decision, refused when the title is unknown, the year impossible, or the decision incomplete. */
    private Title decided(String titleCode, Integer year, String decidingBody, String decisionNumber) {
        Title title = Optional.ofNullable(titleCode)
                .flatMap(this::find)
                .orElseThrow(() -> new MovementRefusedException("titleCode", "movement.error.unknownTitle"));
        if (year == null || year < 1990 || year > 2200) {
            throw new MovementRefusedException("year", "movement.error.year");
        }
        if (decisionNumber == null || decisionNumber.isBlank()) {
            throw new MovementRefusedException("decisionNumber", "movement.error.decisionRequired");
        }
        if (decidingBody == null || decidingBody.isBlank()) {
            throw new MovementRefusedException("decidingBody", "movement.error.required");
        }
        Models.bounded("decisionNumber", decisionNumber, MAX_DECISION_NUMBER);
        Models.bounded("decidingBody", decidingBody, MAX_DECIDING_BODY);
        return title;
    }

    /** Awards to the unit and the units under it, newest year first. */
    public List<Title.Award> awardsUnder(Scope scope, long unitId) {
        return awardsQuery(scope, unitId).query(Titles::award).list();
    }

    /** The same awards, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void eachAwardUnder(Scope scope, long unitId, Consumer<Title.Award> each) {
        awardsQuery(scope, unitId).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(award(rs, 0));
        });
    }

    private JdbcClient.StatementSpec awardsQuery(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("SELECT * FROM title_award WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY year DESC, id")
                .param("ids", ids.toArray(Long[]::new));
    }

    /**
     * The share of units of a kind under the unit (as they were at the end of the year, or today for
     * the current year) that held the title in the year: e.g. parishes awarded "Xứ họ đạo tiên tiến" (F16).
     */
    public Title.Rate rate(Scope scope, long unitId, String titleCode, UnitKind kind, int year) {
        Title title = find(titleCode).orElseThrow(() -> new UnknownMovementRecordException("title", titleCode));
        if (title.awardedTo() == Title.AwardedTo.HOUSEHOLD) {
            return householdRate(scope, unitId, title.code(), year);
        }
        LocalDate asOf = endOfYearOrToday(year);
        List<Long> ids = units.subtree(scope, unitId, Set.of(kind), asOf).stream()
                .map(UnitView::id)
                .toList();
        long awarded = ids.isEmpty()
                ? 0
                : jdbc.sql("""
                SELECT count(DISTINCT unit_id) FROM title_award
                WHERE title_code = :title AND year = :year AND person_name IS NULL AND unit_id = ANY(CAST(:ids AS bigint[]))
                """)
                        .param("title", title.code())
                        .param("year", year)
                        .param("ids", ids.toArray(Long[]::new))
                        .query(Long.class)
                        .single();
        return new Title.Rate(unitId, title.code(), kind, year, awarded, ids.size());
    }

    /**
     * The share of the households a household title is for (Catholic households for "Gia đình Công
     * giáo gương mẫu", every household for the others) living under the unit at the end of the year
     * (today for the current year) that were awarded it in the year (F16: 80%).
     */
    public Title.Rate householdRate(Scope scope, long unitId, String titleCode, int year) {
        Title title = find(titleCode)
                .filter(t -> t.awardedTo() == Title.AwardedTo.HOUSEHOLD)
                .orElseThrow(() -> new UnknownMovementRecordException("title", titleCode));
        units.visible(scope, unitId);
        LocalDate asOf = endOfYearOrToday(year);
        List<Long> living = households.livingUnder(scope, unitId, asOf, EXEMPLARY_CATHOLIC_FAMILY.equals(title.code()));
        long awarded = living.isEmpty()
                ? 0
                : jdbc.sql("""
                SELECT count(*) FROM title_award
                 WHERE title_code = :title AND year = :year AND household_id = ANY (CAST(:ids AS bigint[]))
                """)
                        .param("title", title.code())
                        .param("year", year)
                        .param("ids", living.toArray(Long[]::new))
                        .query(Long.class)
                        .single();
        return new Title.Rate(unitId, title.code(), null, year, awarded, living.size());
    }

    /** The day a year's records are counted on: its last day, or today while it runs. */
    static LocalDate endOfYearOrToday(int year) {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate today = Dates.today();
        return endOfYear.isAfter(today) ? today : endOfYear;
    }

    /** Records an emulation agreement signed by the unit with other units (all parties visible to the caller). */
    @Transactional
    public Title.Agreement agree(Caller caller, long unitId, Title.AgreementForm form) {
        UnitView unit = units.writable(caller, unitId);
        Long[] parties = parties(caller, unit, form, List.of());
        long id = jdbc.sql("""
                INSERT INTO emulation_agreement (unit_id, party_ids, signed_on, content, campaigns)
                VALUES (:unit, CAST(:parties AS bigint[]), :signed, :content, CAST(:campaigns AS text[])) RETURNING id
                """)
                .param("unit", unit.id())
                .param("parties", parties)
                .param("signed", form.signedOn())
                .param("content", form.content().strip())
                .param("campaigns", Models.textArray(form.campaigns()))
                .query(Long.class)
                .single();
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
                """)
                .param("parties", parties)
                .param("signed", form.signedOn())
                .param("content", form.content().strip())
                .param("campaigns", Models.textArray(form.campaigns()))
                .param("id", agreementId)
                .update();
        Title.Agreement after = agreement(agreementId).orElseThrow();
        events.publishEvent(
                MovementRecorded.changed("emulation-agreement", Long.toString(agreementId), unit.id(), before, after));
        return after;
    }

    /** Removes an agreement recorded by the unit (by mistake); answers what it was. */
    @Transactional
    public Title.Agreement removeAgreement(Caller caller, long unitId, long agreementId) {
        UnitView unit = units.writable(caller, unitId);
        Title.Agreement before = ownAgreement(unit, agreementId);
        jdbc.sql("DELETE FROM emulation_agreement WHERE id = :id")
                .param("id", agreementId)
                .update();
        events.publishEvent(
                MovementRecorded.removed("emulation-agreement", Long.toString(agreementId), unit.id(), before));
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
                    parties.add(
                            already.contains(party)
                                    ? party
                                    : units.visible(caller.view(), party).id());
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
        Models.bounded("content", form.content(), MAX_CONTENT);
        Models.boundedCampaigns(form.campaigns());
        return parties.toArray(Long[]::new);
    }

    /** Only the recording unit corrects an agreement; the other parties see it. */
    private Title.Agreement ownAgreement(UnitView unit, long agreementId) {
        return agreement(agreementId)
                .filter(a -> a.unitId() == unit.id())
                .orElseThrow(() -> new UnknownMovementRecordException("emulation-agreement", agreementId));
    }

    private Optional<Title.Agreement> agreement(long id) {
        return jdbc.sql("SELECT * FROM emulation_agreement WHERE id = :id")
                .param("id", id)
                .query(Titles::agreementRow)
                .optional();
    }

    /** Agreements recorded by the unit or a unit under it, or naming one of them as a party. */
    public List<Title.Agreement> agreementsUnder(Scope scope, long unitId) {
        return agreementsQuery(scope, unitId).query(Titles::agreementRow).list();
    }

    /** The same agreements, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void eachAgreementUnder(Scope scope, long unitId, Consumer<Title.Agreement> each) {
        agreementsQuery(scope, unitId).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(agreementRow(rs, 0));
        });
    }

    private JdbcClient.StatementSpec agreementsQuery(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("""
                SELECT * FROM emulation_agreement
                WHERE unit_id = ANY(CAST(:ids AS bigint[])) OR party_ids && CAST(:ids AS bigint[])
                ORDER BY signed_on DESC, id
                """).param("ids", ids.toArray(Long[]::new));
    }

    static Title.Agreement agreementRow(ResultSet rs, int n) throws SQLException {
        List<Long> parties = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("party_ids").getArray()) {
            parties.add(((Number) o).longValue());
        }
        return new Title.Agreement(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                parties,
                rs.getObject("signed_on", LocalDate.class),
                rs.getString("content"),
                Models.strings(rs.getArray("campaigns")));
    }

    static Title.Award award(ResultSet rs, int n) throws SQLException {
        return new Title.Award(
                rs.getLong("id"),
                rs.getString("title_code"),
                rs.getInt("year"),
                rs.getLong("unit_id"),
                rs.getString("person_name"),
                rs.getString("deciding_body"),
                rs.getString("decision_number"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getObject("household_id", Long.class));
    }

    static Title row(ResultSet rs, int n) throws SQLException {
        return new Title(
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                Title.AwardedTo.valueOf(rs.getString("awarded_to")),
                ModelTypes.kinds(rs.getArray("unit_kinds")));
    }
}
