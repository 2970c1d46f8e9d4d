package vn.tuquan.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.rules.Classification;
import vn.tuquan.evaluation.rules.Classification.ItemScore;
import vn.tuquan.evaluation.rules.Classification.Level;
import vn.tuquan.evaluation.rules.PointItem;
import vn.tuquan.evaluation.rules.PointTable;
import vn.tuquan.evaluation.rules.PointTable.EnteredPoints;
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
 * The movement classification (QĐ 510/QĐ-BCA-V05): each unit's points per item and its level for a
 * year, from the facts of its stored evaluation (written by the bulk run) and the points people
 * entered. The point tables and level thresholds are data (migration V24, to confirm).
 */
@Service
public class Classifications {

    private static final TypeReference<List<ItemScore>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Units units;
    private final EvaluationStore evaluations;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    Classifications(JdbcClient jdbc, Units units, EvaluationStore evaluations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.evaluations = evaluations;
        this.events = events;
    }

    /** The point-table kind of a unit kind: RESIDENTIAL_AREA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL (others: none). */
    public static Optional<String> tableKind(UnitKind kind) {
        return switch (kind) {
            case RESIDENTIAL_AREA, COMMUNE, ENTERPRISE, SCHOOL -> Optional.of(kind.name());
            case AGENCY, INDUSTRIAL_ZONE, HOSPITAL -> Optional.of(UnitKind.AGENCY.name());
            default -> Optional.empty();
        };
    }

    /** The point table of a unit kind, or empty when the kind has none. */
    public Optional<PointTable> table(String unitKind) {
        List<PointItem> items = jdbc.sql("""
                SELECT code, name_vi, name_en, max_points, rule, fact, of_fact, threshold, events FROM classification_item
                 WHERE unit_kind = :kind ORDER BY position""")
                .param("kind", unitKind)
                .query((rs, n) -> new PointItem(
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getBigDecimal("max_points"),
                        PointItem.Rule.valueOf(rs.getString("rule")),
                        rs.getString("fact"),
                        rs.getString("of_fact"),
                        rs.getBigDecimal("threshold"),
                        rs.getBoolean("events")))
                .list();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Map<Level, BigDecimal> minimums = new EnumMap<>(Level.class);
        jdbc.sql("SELECT level, min_points FROM classification_level WHERE unit_kind = :kind")
                .param("kind", unitKind)
                .query((rs, n) -> minimums.put(Level.valueOf(rs.getString("level")), rs.getBigDecimal("min_points")))
                .list();
        return Optional.of(new PointTable(unitKind, items, minimums));
    }

    /** The marks of a point table kind ({@link #tableKind}); nothing for a kind without a table. */
    public ClassificationToConfirm toConfirm(String tableKind) {
        if (tableKind == null) {
            return ClassificationToConfirm.NOTHING;
        }
        Set<String> items =
                Set.copyOf(jdbc.sql("SELECT code FROM classification_item WHERE unit_kind = :kind AND to_confirm")
                        .param("kind", tableKind)
                        .query(String.class)
                        .list());
        boolean levels = jdbc.sql(
                        "SELECT coalesce(bool_or(to_confirm), false) FROM classification_level WHERE unit_kind = :kind")
                .param("kind", tableKind)
                .query(Boolean.class)
                .single();
        return new ClassificationToConfirm(items, levels);
    }

    /**
     * The classification as it would be computed now (nothing stored): the stored evaluation's facts
     * and the entered points; empty when the unit's kind has no table. Without an evaluation row every
     * computed item is missing.
     */
    public Optional<Classification> preview(Scope scope, long unitId, int year) {
        UnitView unit = unit(scope, unitId);
        var row = evaluations.find(unitId, year);
        String kind = row.map(EvaluationStore.Row::unitKind)
                .or(() -> tableKind(unit.kind()))
                .orElse(null);
        if (kind == null) {
            return Optional.empty();
        }
        return table(kind)
                .map(t -> t.classify(row.map(EvaluationStore.Row::counts).orElse(Map.of()), entered(unitId, year)));
    }

    /** Computes and stores the unit's classification for the year from its stored evaluation; audited. */
    @Transactional
    public StoredClassification compute(Caller caller, long unitId, int year) {
        caller.require(Permission.EVALUATION_WRITE);
        unit(caller.capture(), unitId);
        var row = evaluations
                .find(unitId, year)
                .orElseThrow(() -> new ClassificationRefusedException(
                        "year", "evaluation.classification.refused.notEvaluated", Integer.toString(year)));
        PointTable table = table(row.unitKind())
                .orElseThrow(() -> new ClassificationRefusedException(
                        "unitId", "evaluation.classification.refused.noTable", row.unitKind()));
        Classification c = table.classify(row.counts(), entered(unitId, year));
        Optional<StoredClassification> before = stored(unitId, year);
        jdbc.sql("""
                INSERT INTO classification (unit_id, year, unit_kind, level, points, max_points, items, computed_at, computed_by)
                VALUES (:unit, :year, :kind, :level, :points, :max, CAST(:items AS jsonb), :now, :by)
                ON CONFLICT (unit_id, year) DO UPDATE SET unit_kind = EXCLUDED.unit_kind, level = EXCLUDED.level,
                       points = EXCLUDED.points, max_points = EXCLUDED.max_points, items = EXCLUDED.items,
                       computed_at = EXCLUDED.computed_at, computed_by = EXCLUDED.computed_by""")
                .param("unit", unitId)
                .param("year", year)
                .param("kind", row.unitKind())
                .param("level", c.level().name())
                .param("points", c.points())
                .param("max", c.maxPoints())
                .param("items", json.writeValueAsString(c.items()))
                .param("by", caller.username())
                .param("now", Dates.nowInVietnam())
                .update();
        StoredClassification after = stored(unitId, year).orElseThrow();
        events.publishEvent(new ClassificationRecorded(
                "computed", unitId, year, before.map(Classifications::summary).orElse(null), summary(after)));
        return after;
    }

    /**
     * Enters (or corrects) the points of an item a person scores (rule ENTERED), with the evidence;
     * refused for an unknown or computed item, points outside 0 … the item's maximum, no evidence. Audited.
     */
    @Transactional
    public ClassificationEntry enter(
            Caller caller, long unitId, int year, String item, BigDecimal points, String evidence) {
        caller.require(Permission.EVALUATION_WRITE);
        UnitView unit = unit(caller.capture(), unitId);
        String kind = evaluations
                .find(unitId, year)
                .map(EvaluationStore.Row::unitKind)
                .or(() -> tableKind(unit.kind()))
                .orElseThrow(() -> new ClassificationRefusedException(
                        "unitId",
                        "evaluation.classification.refused.noTable",
                        unit.kind().name()));
        PointTable table = table(kind)
                .orElseThrow(() -> new ClassificationRefusedException(
                        "unitId", "evaluation.classification.refused.noTable", kind));
        String code = item == null ? "" : item.strip();
        PointItem found = table.items().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new ClassificationRefusedException(
                        "item", "evaluation.classification.refused.unknownItem", code));
        if (found.isComputed()) {
            throw new ClassificationRefusedException("item", "evaluation.classification.refused.computedItem", code);
        }
        if (points == null || points.signum() < 0 || points.compareTo(found.maxPoints()) > 0) {
            throw new ClassificationRefusedException(
                    "points",
                    "evaluation.classification.refused.points",
                    found.maxPoints().stripTrailingZeros().toPlainString());
        }
        if (evidence == null || evidence.isBlank()) {
            throw new ClassificationRefusedException("evidence", "evaluation.classification.refused.evidence");
        }
        if (TextLimits.tooLong(evidence, TextLimits.NOTE)) {
            throw new ClassificationRefusedException(
                    "evidence",
                    "evaluation.classification.refused.evidenceTooLong",
                    TextLimits.NOTE,
                    TextLimits.length(evidence));
        }
        EnteredPoints before = entered(unitId, year).get(code);
        jdbc.sql("""
                INSERT INTO classification_entry (unit_id, year, item, points, evidence, entered_by)
                VALUES (:unit, :year, :item, :points, :evidence, :by)
                ON CONFLICT (unit_id, year, item) DO UPDATE SET points = EXCLUDED.points, evidence = EXCLUDED.evidence,
                       entered_by = EXCLUDED.entered_by, entered_at = :now""")
                .param("unit", unitId)
                .param("year", year)
                .param("item", code)
                .param("points", points)
                .param("evidence", evidence.strip())
                .param("by", caller.username())
                .param("now", Dates.nowInVietnam())
                .update();
        ClassificationEntry after =
                new ClassificationEntry(unitId, year, code, points, evidence.strip(), caller.username());
        events.publishEvent(new ClassificationRecorded("entered", unitId, year, before, after));
        return after;
    }

    /** The stored classification of a unit for a year. */
    public Optional<StoredClassification> find(Scope scope, long unitId, int year) {
        unit(scope, unitId);
        return stored(unitId, year);
    }

    /**
     * The level (EXCELLENT, GOOD, AVERAGE, WEAK) of each given unit's stored classification for the
     * year, for the statistics: one query for all of them; a unit not classified is left out.
     */
    public Map<Long, String> levels(Scope scope, Collection<Long> unitIds, int year) {
        if (!scope.wholeCountry()) {
            unitIds.forEach(id -> unit(scope, id));
        }
        Map<Long, String> levels = new HashMap<>();
        if (unitIds.isEmpty()) {
            return levels;
        }
        jdbc.sql(
                        "SELECT unit_id, level FROM classification WHERE unit_id = ANY (CAST(:ids AS bigint[])) AND year = :year")
                .param("ids", unitIds.toArray(Long[]::new))
                .param("year", year)
                .query((rs, n) -> levels.put(rs.getLong(1), rs.getString(2)))
                .list();
        return levels;
    }

    /** The stored classifications of the unit and every unit under it (as the tree is today), for a year. */
    public List<StoredClassification> list(Scope scope, long unitId, int year) {
        unit(scope, unitId);
        Long[] ids = units.subtreeWithRoot(scope, unitId, Set.of(), Dates.today()).stream()
                .map(UnitView::id)
                .toArray(Long[]::new);
        return jdbc.sql(SELECT + " WHERE unit_id = ANY(:ids) AND year = :year ORDER BY unit_id")
                .param("ids", ids)
                .param("year", year)
                .query((rs, n) -> new StoredClassification(
                        rs.getLong("unit_id"),
                        rs.getInt("year"),
                        rs.getString("unit_kind"),
                        Level.valueOf(rs.getString("level")),
                        rs.getBigDecimal("points"),
                        rs.getBigDecimal("max_points"),
                        json.readValue(rs.getString("items"), ITEMS),
                        rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getString("computed_by")))
                .list();
    }

    private static final String SELECT = """
            SELECT unit_id, year, unit_kind, level, points, max_points, items::text AS items, computed_at, computed_by
              FROM classification""";

    private Optional<StoredClassification> stored(long unitId, int year) {
        return jdbc.sql(SELECT + " WHERE unit_id = :unit AND year = :year")
                .param("unit", unitId)
                .param("year", year)
                .query((rs, n) -> new StoredClassification(
                        rs.getLong("unit_id"),
                        rs.getInt("year"),
                        rs.getString("unit_kind"),
                        Level.valueOf(rs.getString("level")),
                        rs.getBigDecimal("points"),
                        rs.getBigDecimal("max_points"),
                        json.readValue(rs.getString("items"), ITEMS),
                        rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getString("computed_by")))
                .optional();
    }

    private Map<String, EnteredPoints> entered(long unitId, int year) {
        Map<String, EnteredPoints> entered = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT item, points, evidence, entered_by FROM classification_entry WHERE unit_id = :unit AND year = :year")
                .param("unit", unitId)
                .param("year", year)
                .query((rs, n) -> entered.put(
                        rs.getString("item"),
                        new EnteredPoints(
                                rs.getBigDecimal("points"), rs.getString("evidence"), rs.getString("entered_by"))))
                .list();
        return entered;
    }

    private static Map<String, Object> summary(StoredClassification s) {
        Map<String, Object> points = new LinkedHashMap<>();
        s.items().forEach(i -> points.put(i.code(), i.points()));
        return Map.of("level", s.level().name(), "points", s.points(), "items", points);
    }

    /** The unit (its latest version), refused (403) outside the scope or unknown. */
    private UnitView unit(Scope scope, long unitId) {
        return units.latest(scope, unitId).orElseThrow(() -> new AccessRefusedException("no unit " + unitId));
    }
}
