package vn.tuquan.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.evaluation.rules.Criteria;
import vn.tuquan.evaluation.rules.CriteriaSet;
import vn.tuquan.evaluation.rules.Params;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The rulebooks: which criteria apply to which unit kind, with which thresholds, by regulation and
 * version. The rulebook in force for a period is the version effective on the period's last day
 * that took effect last — on the same day a province's own version before the national one — so a
 * province's version applies from its date until a newer national regulation takes effect (the
 * province then adopts again, from the new one). Versions are never changed: a province's change is
 * a new version ({@link AdoptingRulebooks#adopt}).
 */
@Service
public class Rulebooks {

    /** The unit kinds a rulebook has criteria for, in the regulation's order. */
    public static final List<String> UNIT_KINDS =
            List.of("RESIDENTIAL_AREA", "COMMUNE", "AGENCY", "ENTERPRISE", "SCHOOL");

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};
    private static final String VERSION_COLUMNS =
            "id, code, version, province_id, regulation, name_vi, name_en, effective_from";

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    Rulebooks(JdbcClient jdbc, Units units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    /** The rulebook in force on a day (a period's last day) for a province (may be null), with the kind's criteria. */
    public Optional<RulebookInForce> inForce(String unitKind, LocalDate periodEnd, Long provinceId) {
        return versionInForce(periodEnd, provinceId).map(r -> new RulebookInForce(r, criteria(r, unitKind)));
    }

    /** The rulebook in force for a unit kind's evaluation of a year (its window's last day, {@link EvaluationPeriods}). */
    public Optional<RulebookInForce> inForce(String unitKind, int year, Long provinceId) {
        return inForce(unitKind, EvaluationPeriods.of(unitKind, year).to(), provinceId);
    }

    Optional<RulebookVersion> versionInForce(LocalDate day, Long provinceId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM rulebook" + """

                 WHERE effective_from <= :day AND (province_id IS NULL OR province_id = :province)
                 ORDER BY effective_from DESC, province_id IS NULL, version DESC LIMIT 1""")
                .param("day", day)
                .param("province", provinceId)
                .query((rs, n) -> version(rs))
                .optional();
    }

    /** The criteria a rulebook version applies to a unit kind, in order. */
    public CriteriaSet criteria(RulebookVersion rulebook, String unitKind) {
        List<Rule> rules = lines(rulebook.id(), unitKind).stream()
                .map(l -> new Rule(l.criterion(), new Params(l.params()), l.article(), l.nameVi(), l.nameEn()))
                .toList();
        return new CriteriaSet(rulebook.code() + " v" + rulebook.version(), unitKind, rules);
    }

    /**
     * Every rulebook version the scope may see, national first then by the day they took effect: the
     * national ones, and a province's own where the scope holds the province or a unit under it.
     */
    /**
     * Every criterion of the catalogue ({@link Criteria}) with a name in both languages: the name the
     * latest rulebook gives it (any unit kind), its code only if no rulebook names it — for a choice of
     * criteria a person reads (a province's addition).
     */
    public Map<String, Named> criterionNames() {
        Map<String, Named> names = new TreeMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (criterion) criterion, name_vi, name_en FROM rulebook_criterion
                 ORDER BY criterion, rulebook_id DESC, position""").query((ResultSet rs) -> {
            names.put(rs.getString(1), new Named(rs.getString(2), rs.getString(3)));
        });
        Map<String, Named> all = new LinkedHashMap<>();
        Criteria.all().keySet().stream()
                .sorted()
                .forEach(code -> all.put(code, names.getOrDefault(code, new Named(code, code))));
        return all;
    }

    public List<RulebookVersion> versions(Scope scope) {
        return jdbc
                .sql("SELECT " + VERSION_COLUMNS
                        + " FROM rulebook ORDER BY province_id NULLS FIRST, effective_from, version")
                .query((rs, n) -> version(rs))
                .list()
                .stream()
                .filter(v -> visible(scope, v))
                .toList();
    }

    /** One version with its criteria per unit kind; a province's version outside the scope is refused (403). */
    public RulebookVersionDetail version(Scope scope, long id) {
        RulebookVersion version = jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM rulebook WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> version(rs))
                .optional()
                .orElseThrow(() -> new UnknownRulebookException(id));
        if (!visible(scope, version)) {
            throw new AccessRefusedException("rulebook " + id + " belongs to a province outside the scope");
        }
        Map<String, Object> row = jdbc.sql("SELECT based_on, created_by FROM rulebook WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        Map<String, List<RulebookCriterion>> byKind = new LinkedHashMap<>();
        for (String kind : UNIT_KINDS) {
            byKind.put(kind, lines(id, kind));
        }
        return new RulebookVersionDetail(
                version,
                row.get("based_on") == null ? null : ((Number) row.get("based_on")).longValue(),
                (String) row.get("created_by"),
                byKind);
    }

    /**
     * The rulebook in force on a day for a unit of the view scope (403 outside): its province's own
     * version when it has one in force, else the national one; empty before any regulation.
     */
    public Optional<RulebookVersionDetail> inForceForUnit(Scope scope, long unitId, LocalDate on) {
        UnitView unit = units.find(scope, unitId, on)
                .or(() -> units.latest(scope, unitId))
                .orElseThrow(() -> new AccessRefusedException("unit " + unitId + " does not exist"));
        Long province = unit.kind() == UnitKind.PROVINCE
                ? Long.valueOf(unit.id())
                : units.ancestors(scope, unit.id(), unit.validOn(on) ? on : unit.validFrom()).stream()
                        .filter(u -> u.kind() == UnitKind.PROVINCE)
                        .map(UnitView::id)
                        .findFirst()
                        .orElse(null);
        return versionInForce(on, province).map(v -> version(Scope.WHOLE_COUNTRY, v.id()));
    }

    /** The version a province would base its own on for a day: the one in force for it then. */
    public Optional<RulebookVersionDetail> inForceFor(Caller caller, long provinceId, LocalDate day) {
        requireProvincialAdministrator(caller, provinceId);
        return versionInForce(day, provinceId).map(v -> version(Scope.WHOLE_COUNTRY, v.id()));
    }

    /**
     * The criteria of a version for a unit kind still shown "to confirm" for a province: marked so in the
     * rulebook and not confirmed by the province (all marked ones when the province is not known).
     */
    public Set<String> stillToConfirm(long rulebookId, String unitKind, Long provinceId) {
        return Set.copyOf(jdbc.sql("""
                SELECT c.criterion FROM rulebook_criterion c
                 WHERE c.rulebook_id = :id AND c.unit_kind = :kind AND c.to_confirm
                   AND NOT EXISTS (SELECT FROM rulebook_confirmation f WHERE f.province_id = :province
                                      AND f.rulebook_id = c.rulebook_id AND f.unit_kind = c.unit_kind
                                      AND f.criterion = c.criterion)""")
                .param("id", rulebookId)
                .param("kind", unitKind)
                .param("province", provinceId, Types.BIGINT)
                .query(String.class)
                .list());
    }

    /** The confirmations a province made of a version's criteria. */
    public List<CriterionConfirmation> confirmations(long provinceId, long rulebookId) {
        return jdbc.sql("""
                SELECT province_id, rulebook_id, unit_kind, criterion, note, confirmed_by, confirmed_at FROM rulebook_confirmation
                 WHERE province_id = :province AND rulebook_id = :id ORDER BY unit_kind, criterion""")
                .param("province", provinceId)
                .param("id", rulebookId)
                .query((rs, n) -> new CriterionConfirmation(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * A provincial administrator confirms, for their province, a criterion the rulebook marks "to
     * confirm" (its text or threshold checked against the regulation), with a note saying against what:
     * the mark is no longer shown for the province's units. Only a criterion marked so may be confirmed;
     * confirming twice changes nothing. Audited.
     */
    @Transactional
    public CriterionConfirmation confirm(
            Caller caller, long provinceId, long rulebookId, String unitKind, String criterion, String note) {
        requireProvincialAdministrator(caller, provinceId);
        RulebookVersion version = version(caller.view(), rulebookId).rulebook();
        if (version.provinceId() != null && version.provinceId() != provinceId) {
            throw new AccessRefusedException("rulebook " + rulebookId + " is another province's own version");
        }
        if (note == null || note.isBlank()) {
            throw new RulebookRefusedException("note", "evaluation.rulebooks.error.noteRequired");
        }
        if (TextLimits.tooLong(note.strip(), 1000)) {
            throw new RulebookRefusedException("note", "evaluation.rulebooks.error.noteTooLong", 1000);
        }
        RulebookCriterion line = unitKind != null && criterion != null && UNIT_KINDS.contains(unitKind)
                ? lines(rulebookId, unitKind).stream()
                        .filter(l -> l.criterion().equals(criterion))
                        .findFirst()
                        .orElse(null)
                : null;
        if (line == null) {
            throw new RulebookRefusedException(
                    "criterion", "evaluation.rulebooks.error.notInRulebook", criterion, unitKind);
        }
        if (!line.toConfirm()) {
            throw new RulebookRefusedException("criterion", "evaluation.rulebooks.error.notToConfirm", criterion);
        }
        int added = jdbc.sql("""
                INSERT INTO rulebook_confirmation (province_id, rulebook_id, unit_kind, criterion, note, confirmed_by, confirmed_at)
                VALUES (:province, :id, :kind, :criterion, :note, :by, :at) ON CONFLICT DO NOTHING""")
                .param("province", provinceId)
                .param("id", rulebookId)
                .param("kind", unitKind)
                .param("criterion", criterion)
                .param("note", note.strip())
                .param("by", caller.username())
                .param("at", Dates.nowInVietnam())
                .update();
        CriterionConfirmation confirmation = confirmations(provinceId, rulebookId).stream()
                .filter(c -> c.unitKind().equals(unitKind) && c.criterion().equals(criterion))
                .findFirst()
                .orElseThrow();
        if (added > 0) {
            events.publishEvent(
                    new RulebookCriterionConfirmed(provinceId, rulebookId, unitKind, criterion, note.strip()));
        }
        return confirmation;
    }

    /** The province, in the view scope (403 outside, also for a unit that is not a province). */
    public UnitView requireVisible(Scope scope, long provinceId) {
        UnitView unit = units.latest(scope, provinceId)
                .orElseThrow(() -> new AccessRefusedException("unit " + provinceId + " is outside the scope"));
        if (unit.kind() != UnitKind.PROVINCE) {
            throw new RulebookRefusedException("unitId", "evaluation.rulebooks.error.notProvince", unit.name());
        }
        return unit;
    }

    /** Whether the caller may adopt a version for the province: EVALUATION_APPROVE and the province in the capture scope. */
    public boolean mayAdopt(Caller caller, long provinceId) {
        return units.writable(caller, Permission.EVALUATION_APPROVE, provinceId);
    }

    UnitView requireProvincialAdministrator(Caller caller, long provinceId) {
        caller.require(Permission.EVALUATION_APPROVE);
        UnitView unit = units.latest(caller.capture(), provinceId)
                .orElseThrow(() -> new AccessRefusedException("unit " + provinceId + " does not exist"));
        if (unit.kind() != UnitKind.PROVINCE) {
            throw new RulebookRefusedException("unitId", "evaluation.rulebooks.error.notProvince", unit.name());
        }
        return unit;
    }

    private boolean visible(Scope scope, RulebookVersion v) {
        if (v.provinceId() == null || scope.wholeCountry()) {
            return true;
        }
        LocalDate today = Dates.today();
        Scope province = Scope.of(Set.of(v.provinceId()));
        return units.contains(scope, v.provinceId(), today)
                || scope.unitIds().stream().anyMatch(u -> units.contains(province, u, today));
    }

    List<RulebookCriterion> lines(long rulebookId, String unitKind) {
        return jdbc.sql("""
                SELECT unit_kind, position, criterion, params::text AS params, editable, provincial, article, name_vi, name_en,
                       to_confirm
                  FROM rulebook_criterion WHERE rulebook_id = :id AND unit_kind = :kind ORDER BY position""")
                .param("id", rulebookId)
                .param("kind", unitKind)
                .query((rs, n) -> new RulebookCriterion(
                        rs.getString("unit_kind"),
                        rs.getInt("position"),
                        rs.getString("criterion"),
                        json.readValue(rs.getString("params"), PARAMS),
                        rs.getBoolean("editable"),
                        rs.getBoolean("provincial"),
                        rs.getString("article"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getBoolean("to_confirm")))
                .list();
    }

    private static RulebookVersion version(ResultSet rs) throws SQLException {
        return new RulebookVersion(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getInt("version"),
                (Long) rs.getObject("province_id", Long.class),
                rs.getString("regulation"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                rs.getObject("effective_from", LocalDate.class));
    }
}
