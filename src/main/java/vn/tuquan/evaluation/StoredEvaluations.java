package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.evaluation.rules.Comparison;
import vn.tuquan.evaluation.rules.Outcome;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.evaluation.rules.Source;

/**
 * Reads the stored {@code evaluation} rows (written by the bulk run and the process): the facts and
 * the outcomes JSON. Tolerant of the two shapes the facts may take — a {@code Facts} object (its
 * {@code counts}) or a flat map of fact keys to counts — and of outcomes as an array or inside an
 * object's {@code outcomes}. Callers check the scope.
 */
@Component
class StoredEvaluations {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    StoredEvaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored evaluation row. {@code counts} and {@code outcomes} are empty when nothing was computed yet. */
    record Row(long id, long unitId, int year, String unitKind, LocalDate periodFrom, LocalDate periodTo, long rulebookId,
            String status, LocalDate registeredOn, String proposed, Map<String, Long> counts, List<Outcome> outcomes,
            OffsetDateTime computedAt, boolean locked, String decisionNumber, LocalDate decisionDate,
            String decisionSigner, Long decidedByUnit, String reasons) {
    }

    Optional<Row> find(long unitId, int year) {
        return rows(List.of(unitId), year).stream().findFirst();
    }

    List<Row> rows(List<Long> unitIds, int year) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, unit_id, year, unit_kind, period_from, period_to, rulebook_id, status, registered_on, proposed,
                       facts::text AS facts, outcomes::text AS outcomes, computed_at, locked, decision_number,
                       decision_date, decision_signer, decided_by_unit, reasons
                  FROM evaluation WHERE unit_id = ANY(:ids) AND year = :year ORDER BY unit_id""")
                .param("ids", unitIds.toArray(Long[]::new)).param("year", year)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("year"),
                        rs.getString("unit_kind"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getLong("rulebook_id"), rs.getString("status"),
                        rs.getObject("registered_on", LocalDate.class), rs.getString("proposed"),
                        counts(rs.getString("facts")), outcomes(rs.getString("outcomes")),
                        rs.getObject("computed_at", OffsetDateTime.class), rs.getBoolean("locked"),
                        rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_signer"), (Long) rs.getObject("decided_by_unit", Long.class),
                        rs.getString("reasons")))
                .list();
    }

    /** The fact counts of a facts JSON: its {@code counts} object, or the whole object's whole numbers. */
    Map<String, Long> counts(String facts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (facts == null || facts.isBlank()) {
            return counts;
        }
        JsonNode node = json.readTree(facts);
        JsonNode source = node.has("counts") && node.get("counts").isObject() ? node.get("counts") : node;
        for (var e : source.properties()) {
            if (e.getValue().isIntegralNumber()) {
                counts.put(e.getKey(), e.getValue().longValue());
            }
        }
        return counts;
    }

    /** The outcomes of an outcomes JSON: an array of {@code Outcome}, or an object's {@code outcomes} array. */
    List<Outcome> outcomes(String outcomes) {
        List<Outcome> list = new ArrayList<>();
        if (outcomes == null || outcomes.isBlank()) {
            return list;
        }
        JsonNode node = json.readTree(outcomes);
        JsonNode array = node.isArray() ? node : node.get("outcomes");
        if (array == null || !array.isArray()) {
            return list;
        }
        for (JsonNode o : array) {
            List<Comparison> compared = new ArrayList<>();
            JsonNode cs = o.get("compared");
            if (cs != null && cs.isArray()) {
                for (JsonNode c : cs) {
                    compared.add(new Comparison(text(c, "item"), value(c.get("value")),
                            enumOf(Comparison.Operator.class, text(c, "operator")), value(c.get("threshold")),
                            enumOf(Source.class, text(c, "source")), text(c, "evidence"), text(c, "enteredBy")));
                }
            }
            list.add(new Outcome(text(o, "criterion"), enumOf(Result.class, text(o, "result")), compared));
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        return v.asString();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
