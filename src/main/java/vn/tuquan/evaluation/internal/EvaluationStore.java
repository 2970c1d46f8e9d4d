package vn.tuquan.evaluation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.Evaluation.Status;
import vn.tuquan.evaluation.rules.Comparison;
import vn.tuquan.evaluation.rules.Entry;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.evaluation.rules.Outcome;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.evaluation.rules.Source;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;

/**
 * The one owner of the evaluation tables' SQL ({@code evaluation}, {@code evaluation_entry},
 * {@code evaluation_entry_attachment}, {@code evaluation_step}, with {@code evaluation_deadline}) and
 * the one codec of their stored JSON: the facts ({@code evaluation.facts}: a {@code Facts} object
 * with its {@code counts}, or a flat map of fact keys to counts, with the run's fingerprint) and the
 * outcomes ({@code evaluation.outcomes}: an array of {@code Outcome}, or an object's
 * {@code outcomes} array). No checks and no scopes here: the services check the caller first.
 */
@Component
public class EvaluationStore {

    /** The statuses a run never changes: decided by the People's Committee. */
    public static final Set<String> DECIDED = Set.of("RECOGNISED", "REJECTED");

    private static final String COLUMNS = """
            id, unit_id, year, unit_kind, period_from, period_to, rulebook_id, status, registered_on, proposed,
            computed_at, locked, decision_number, decision_date, decision_signer, decided_by_unit, reasons, updated_at""";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();

    EvaluationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- the process: one evaluation -------------------------------------------------------------

    /** The unit's evaluation for a year, locked for the transaction when asked. */
    public Optional<Evaluation> load(long unitId, int year, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation WHERE unit_id = :unit AND year = :year"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("unit", unitId)
                .param("year", year)
                .query(EvaluationStore::evaluation)
                .optional();
    }

    private static Evaluation evaluation(ResultSet rs, int n) throws SQLException {
        return new Evaluation(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getInt("year"),
                rs.getString("unit_kind"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getLong("rulebook_id"),
                Status.valueOf(rs.getString("status")),
                rs.getObject("registered_on", LocalDate.class),
                rs.getString("proposed"),
                rs.getObject("computed_at", OffsetDateTime.class),
                rs.getBoolean("locked"),
                rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class),
                rs.getString("decision_signer"),
                rs.getObject("decided_by_unit", Long.class),
                rs.getString("reasons"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** A proposal of a bulk run (NOT_REGISTERED) becomes the registration. */
    public void register(long evaluationId, LocalDate registeredOn) {
        jdbc.sql("""
                UPDATE evaluation SET status = 'REGISTERED', registered_on = :on, updated_at = :now WHERE id = :id""")
                .param("on", registeredOn)
                .param("id", evaluationId)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    /** A new registration with its period and rulebook; its id. */
    public long insertRegistered(
            long unitId, int year, String kind, Period period, long rulebookId, LocalDate registeredOn) {
        return jdbc.sql("""
                INSERT INTO evaluation (unit_id, year, unit_kind, period_from, period_to, rulebook_id, status, registered_on)
                VALUES (:unit, :year, :kind, :from, :to, :rulebook, 'REGISTERED', :on) RETURNING id""")
                .param("unit", unitId)
                .param("year", year)
                .param("kind", kind)
                .param("from", period.from())
                .param("to", period.to())
                .param("rulebook", rulebookId)
                .param("on", registeredOn)
                .query(Long.class)
                .single();
    }

    public void moveTo(long evaluationId, Status to) {
        jdbc.sql("UPDATE evaluation SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", to.name())
                .param("id", evaluationId)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    public void touch(long evaluationId) {
        jdbc.sql("UPDATE evaluation SET updated_at = :now WHERE id = :id")
                .param("id", evaluationId)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    public void setReasons(long evaluationId, String reasons) {
        jdbc.sql("UPDATE evaluation SET reasons = :reasons WHERE id = :id")
                .param("reasons", reasons)
                .param("id", evaluationId)
                .update();
    }

    /** The People's Committee's decision: the status, the decision and the deciding unit; locked. */
    public void decide(
            long evaluationId,
            Status to,
            String number,
            LocalDate date,
            String signer,
            long decidedByUnit,
            String reasons) {
        jdbc.sql("""
                UPDATE evaluation SET status = :status, locked = true, decision_number = :number, decision_date = :date,
                       decision_signer = :signer, decided_by_unit = :by, reasons = :reasons, updated_at = :now
                 WHERE id = :id""")
                .param("status", to.name())
                .param("number", number)
                .param("date", date)
                .param("signer", signer)
                .param("by", decidedByUnit)
                .param("reasons", reasons)
                .param("id", evaluationId)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    /** Undoes a decision: ACCEPTED, unlocked, without decision or reasons. */
    public void reopen(long evaluationId) {
        jdbc.sql("""
                UPDATE evaluation SET locked = false, decision_number = NULL, decision_date = NULL, decision_signer = NULL,
                       decided_by_unit = NULL, status = 'ACCEPTED', reasons = NULL, updated_at = :now WHERE id = :id""")
                .param("id", evaluationId)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    public void insertStep(long evaluationId, Status from, Status to, String reason, String takenBy) {
        jdbc.sql("""
                INSERT INTO evaluation_step (evaluation_id, from_status, to_status, reason, taken_by, taken_at)
                VALUES (:id, :from, :to, :reason, :by, :now)""")
                .param("id", evaluationId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("reason", reason)
                .param("by", takenBy)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    public List<Evaluation.Step> steps(long evaluationId) {
        return jdbc.sql("""
                SELECT from_status, to_status, reason, taken_by, taken_at FROM evaluation_step
                 WHERE evaluation_id = :id ORDER BY taken_at, id""")
                .param("id", evaluationId)
                .query((rs, n) -> new Evaluation.Step(
                        rs.getString("from_status") == null ? null : Status.valueOf(rs.getString("from_status")),
                        Status.valueOf(rs.getString("to_status")),
                        rs.getString("reason"),
                        rs.getString("taken_by"),
                        rs.getObject("taken_at", OffsetDateTime.class)))
                .list();
    }

    public void putEntry(long evaluationId, String criterion, boolean value, String evidence, String enteredBy) {
        jdbc.sql("""
                INSERT INTO evaluation_entry (evaluation_id, criterion, value, evidence, entered_by)
                VALUES (:id, :criterion, :value, :evidence, :by)
                ON CONFLICT (evaluation_id, criterion) DO UPDATE
                   SET value = EXCLUDED.value, evidence = EXCLUDED.evidence, entered_by = EXCLUDED.entered_by,
                       entered_at = :now""")
                .param("id", evaluationId)
                .param("criterion", criterion)
                .param("value", value)
                .param("evidence", evidence)
                .param("by", enteredBy)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    public void putAttachment(
            long evaluationId,
            String criterion,
            String fileName,
            String contentType,
            byte[] content,
            String uploadedBy) {
        jdbc.sql("""
                INSERT INTO evaluation_entry_attachment (evaluation_id, criterion, file_name, content_type, size, content,
                                                         uploaded_by)
                VALUES (:id, :criterion, :name, :type, :size, :content, :by)
                ON CONFLICT (evaluation_id, criterion) DO UPDATE
                   SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type, size = EXCLUDED.size,
                       content = EXCLUDED.content, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = :now""")
                .param("id", evaluationId)
                .param("criterion", criterion)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", content.length)
                .param("content", content)
                .param("by", uploadedBy)
                .param("now", Dates.nowInVietnam())
                .update();
    }

    /** An entry's evidence file with its content, when it has one. */
    public Optional<Map.Entry<Evaluation.Attachment, byte[]>> attachment(long unitId, int year, String criterion) {
        return jdbc.sql("""
                SELECT a.file_name, a.content_type, a.size, a.uploaded_by, a.content
                  FROM evaluation_entry_attachment a JOIN evaluation e ON e.id = a.evaluation_id
                 WHERE e.unit_id = :unit AND e.year = :year AND a.criterion = :criterion""")
                .param("unit", unitId)
                .param("year", year)
                .param("criterion", criterion == null ? "" : criterion)
                .query((rs, n) -> Map.entry(
                        new Evaluation.Attachment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                        rs.getBytes(5)))
                .optional();
    }

    /** The values entered for an evaluation's criteria, each with its evidence file if any, by criterion. */
    public Map<String, Evaluation.EnteredValue> entered(long evaluationId) {
        Map<String, Evaluation.EnteredValue> entered = new HashMap<>();
        jdbc.sql("""
                SELECT n.criterion, n.value, n.evidence, n.entered_by, n.entered_at,
                       a.file_name, a.content_type, a.size, a.uploaded_by
                  FROM evaluation_entry n
                  LEFT JOIN evaluation_entry_attachment a ON a.evaluation_id = n.evaluation_id AND a.criterion = n.criterion
                 WHERE n.evaluation_id = :id""")
                .param("id", evaluationId)
                .query((rs, n) -> Map.entry(
                        rs.getString("criterion"),
                        new Evaluation.EnteredValue(
                                rs.getBoolean("value"),
                                rs.getString("evidence"),
                                rs.getString("entered_by"),
                                rs.getObject("entered_at", OffsetDateTime.class),
                                rs.getString("file_name") == null
                                        ? null
                                        : new Evaluation.Attachment(
                                                rs.getString("file_name"),
                                                rs.getString("content_type"),
                                                rs.getInt("size"),
                                                rs.getString("uploaded_by")))))
                .list()
                .forEach(en -> entered.put(en.getKey(), en.getValue()));
        return entered;
    }

    /**
     * The computed facts stored by the last computation: the counts by fact key, or {@code null} when
     * not computed yet.
     */
    public Map<String, Object> facts(long evaluationId) {
        String stored = jdbc.sql("SELECT facts::text FROM evaluation WHERE id = :id")
                .param("id", evaluationId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (stored == null) {
            return null;
        }
        JsonNode node = json.readTree(stored);
        if (node.has("counts") && node.get("counts").isObject()) {
            node = node.get("counts");
        }
        return node.isObject() ? new LinkedHashMap<>(json.convertValue(node, MAP)) : Map.of();
    }

    /** The stored outcomes of an evaluation as the process page shows them (maps), by criterion. */
    public Map<String, Map<String, Object>> outcomeMaps(long evaluationId) {
        Map<String, Map<String, Object>> outcomes = new HashMap<>();
        String stored = jdbc.sql("SELECT outcomes::text FROM evaluation WHERE id = :id")
                .param("id", evaluationId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (stored != null) {
            JsonNode node = json.readTree(stored);
            if (node.has("outcomes")) {
                node = node.get("outcomes");
            }
            for (JsonNode o : node) {
                if (o.has("criterion")) {
                    outcomes.put(o.get("criterion").asString(), json.convertValue(o, MAP));
                }
            }
        }
        return outcomes;
    }

    /** A registered unit whose dossier is not in (or not decided) past its kind's deadline. */
    public record OverdueRow(
            long unitId, String unitKind, Status status, LocalDate dueBefore, LocalDate registeredOn) {}

    /** The evaluations of the units, of the year, not finished on a day past their kind's deadline. */
    public List<OverdueRow> overdue(int year, List<Long> unitIds, LocalDate on) {
        return jdbc.sql("""
                SELECT e.unit_id, e.unit_kind, e.status, e.registered_on,
                       make_date(e.year, d.due_month, d.due_day) AS due_before
                  FROM evaluation e JOIN evaluation_deadline d ON d.unit_kind = e.unit_kind
                 WHERE e.year = :year AND e.unit_id = ANY (CAST(:ids AS bigint[]))
                   AND e.status IN ('REGISTERED', 'DRAFT', 'RETURNED', 'SUBMITTED', 'ACCEPTED')
                   AND make_date(e.year, d.due_month, d.due_day) <= :on
                 ORDER BY due_before, e.unit_id""")
                .param("year", year)
                .param("ids", unitIds.toArray(Long[]::new))
                .param("on", on)
                .query((rs, n) -> new OverdueRow(
                        rs.getLong("unit_id"),
                        rs.getString("unit_kind"),
                        Status.valueOf(rs.getString("status")),
                        rs.getObject("due_before", LocalDate.class),
                        rs.getObject("registered_on", LocalDate.class)))
                .list();
    }

    /** The day before which a kind's dossier is due in a year ({@code evaluation_deadline}). */
    public Optional<LocalDate> dueBefore(String evaluatedKind, int year) {
        return jdbc.sql("SELECT make_date(:year, due_month, due_day) FROM evaluation_deadline WHERE unit_kind = :kind")
                .param("year", year)
                .param("kind", evaluatedKind)
                .query(LocalDate.class)
                .optional();
    }

    // ---- stored rows, decoded -------------------------------------------------------------------

    /** One stored evaluation row. {@code counts} and {@code outcomes} are empty when nothing was computed yet. */
    public record Row(
            long id,
            long unitId,
            int year,
            String unitKind,
            LocalDate periodFrom,
            LocalDate periodTo,
            long rulebookId,
            String status,
            LocalDate registeredOn,
            String proposed,
            Map<String, Long> counts,
            List<Outcome> outcomes,
            OffsetDateTime computedAt,
            boolean locked,
            String decisionNumber,
            LocalDate decisionDate,
            String decisionSigner,
            Long decidedByUnit,
            String reasons) {}

    public Optional<Row> find(long unitId, int year) {
        return rows(List.of(unitId), year).stream().findFirst();
    }

    public List<Row> rows(List<Long> unitIds, int year) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, unit_id, year, unit_kind, period_from, period_to, rulebook_id, status, registered_on, proposed,
                       facts::text AS facts, outcomes::text AS outcomes, computed_at, locked, decision_number,
                       decision_date, decision_signer, decided_by_unit, reasons
                  FROM evaluation WHERE unit_id = ANY(:ids) AND year = :year ORDER BY unit_id""")
                .param("ids", unitIds.toArray(Long[]::new))
                .param("year", year)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getInt("year"),
                        rs.getString("unit_kind"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getLong("rulebook_id"),
                        rs.getString("status"),
                        rs.getObject("registered_on", LocalDate.class),
                        rs.getString("proposed"),
                        counts(rs.getString("facts")),
                        outcomes(rs.getString("outcomes")),
                        rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getBoolean("locked"),
                        rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_signer"),
                        (Long) rs.getObject("decided_by_unit", Long.class),
                        rs.getString("reasons")))
                .list();
    }

    // ---- the bulk run ---------------------------------------------------------------------------

    /** The stored state of an evaluation that a run must know: its status, whether it is locked, its fingerprint. */
    public record Existing(String status, boolean locked, String fingerprint) {

        /** Kept as it is by a run: locked or decided. */
        public boolean frozen() {
            return locked || DECIDED.contains(status);
        }
    }

    public Map<Long, Existing> existing(Long[] unitIds, int year) {
        Map<Long, Existing> found = new HashMap<>();
        template.query(
                "SELECT unit_id, status, locked, facts ->> 'fingerprint' FROM evaluation WHERE year = ? AND unit_id = ANY (?)",
                rs -> {
                    found.put(rs.getLong(1), new Existing(rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                },
                year,
                unitIds);
        return found;
    }

    /** The values entered for the units' evaluations of the year, by unit and criterion. */
    public Map<Long, Map<String, Entry>> entries(Long[] unitIds, int year) {
        Map<Long, Map<String, Entry>> found = new HashMap<>();
        template.query(
                """
                SELECT e.unit_id, n.criterion, n.value, n.evidence, n.entered_by
                  FROM evaluation_entry n JOIN evaluation e ON e.id = n.evaluation_id
                 WHERE e.year = ? AND e.unit_id = ANY (?)""",
                rs -> {
                    found.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getString(2), new Entry(rs.getBoolean(3), rs.getString(4), rs.getString(5)));
                },
                year,
                unitIds);
        return found;
    }

    /** A verdict as it is stored: the facts' JSON (with its fingerprint), the outcomes' JSON, the fingerprint. */
    public record Encoded(String facts, String outcomes, String fingerprint) {}

    /**
     * The stored form of a verdict. The facts' JSON is written in a fixed order (counts and entries
     * sorted by key) and carries a fingerprint: a SHA-256 of the rulebook, the kind, the verdict, the
     * facts and the outcomes. A re-run compares fingerprints and writes only rows that changed.
     */
    public Encoded encode(long rulebookId, String criteriaKind, Result result, Facts f, List<Outcome> outcomeList) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("unitKind", f.unitKind());
        facts.put("year", f.year());
        facts.put("periodFrom", f.periodFrom().toString());
        facts.put("periodTo", f.periodTo().toString());
        facts.put("counts", new TreeMap<>(f.counts()));
        facts.put("entered", new TreeMap<>(f.entered()));
        String factsJson = json.writeValueAsString(facts);
        String outcomes = json.writeValueAsString(outcomeList);
        String fingerprint;
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((rulebookId + "|" + criteriaKind + "|" + result + "|").getBytes(StandardCharsets.UTF_8));
            digest.update(factsJson.getBytes(StandardCharsets.UTF_8));
            digest.update(outcomes.getBytes(StandardCharsets.UTF_8));
            fingerprint = HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String stored = factsJson.substring(0, factsJson.length() - 1) + ",\"fingerprint\":\"" + fingerprint + "\"}";
        return new Encoded(stored, outcomes, fingerprint);
    }

    /** One row a run writes. */
    public record Proposal(
            long unitId,
            int year,
            String unitKind,
            LocalDate periodFrom,
            LocalDate periodTo,
            long rulebookId,
            String proposed,
            Encoded encoded) {}

    private static final String UPSERT = """
            INSERT INTO evaluation (unit_id, year, unit_kind, period_from, period_to, rulebook_id, proposed, facts,
                                    outcomes, computed_at)
            SELECT u, ?, k, f, t, r, p, CAST(fa AS jsonb), CAST(o AS jsonb), ?
              FROM unnest(?::bigint[], ?::text[], ?::date[], ?::date[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                   AS x(u, k, f, t, r, p, fa, o)
            ON CONFLICT (unit_id, year) DO UPDATE SET unit_kind = EXCLUDED.unit_kind, period_from = EXCLUDED.period_from,
                   period_to = EXCLUDED.period_to, rulebook_id = EXCLUDED.rulebook_id, proposed = EXCLUDED.proposed,
                   facts = EXCLUDED.facts, outcomes = EXCLUDED.outcomes, computed_at = EXCLUDED.computed_at,
                   updated_at = EXCLUDED.computed_at
             WHERE NOT evaluation.locked AND evaluation.status NOT IN ('RECOGNISED', 'REJECTED')
               AND evaluation.facts ->> 'fingerprint' IS DISTINCT FROM EXCLUDED.facts ->> 'fingerprint'
            RETURNING xmax = 0""";

    /**
     * Writes a batch of proposals in one multi-row upsert that leaves a row alone when its fingerprint
     * did not change, and never touches one locked or decided: rows inserted and updated.
     */
    public int[] upsert(List<Proposal> batch, OffsetDateTime now) {
        int n = batch.size();
        int year = batch.get(0).year();
        Long[] unit = new Long[n];
        String[] kind = new String[n];
        Date[] from = new Date[n];
        Date[] to = new Date[n];
        Long[] rulebook = new Long[n];
        String[] proposed = new String[n];
        String[] facts = new String[n];
        String[] outcomes = new String[n];
        for (int i = 0; i < n; i++) {
            Proposal p = batch.get(i);
            unit[i] = p.unitId();
            kind[i] = p.unitKind();
            from[i] = Date.valueOf(p.periodFrom());
            to[i] = Date.valueOf(p.periodTo());
            rulebook[i] = p.rulebookId();
            proposed[i] = p.proposed();
            facts[i] = p.encoded().facts();
            outcomes[i] = p.encoded().outcomes();
        }
        int[] counts = new int[2];
        template.execute((java.sql.Connection con) -> {
            try (var ps = con.prepareStatement(UPSERT)) {
                ps.setInt(1, year);
                ps.setObject(2, now);
                ps.setArray(3, con.createArrayOf("bigint", unit));
                ps.setArray(4, con.createArrayOf("text", kind));
                ps.setArray(5, con.createArrayOf("date", from));
                ps.setArray(6, con.createArrayOf("date", to));
                ps.setArray(7, con.createArrayOf("bigint", rulebook));
                ps.setArray(8, con.createArrayOf("text", proposed));
                ps.setArray(9, con.createArrayOf("text", facts));
                ps.setArray(10, con.createArrayOf("text", outcomes));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts[rs.getBoolean(1) ? 0 : 1]++;
                    }
                }
            }
            return null;
        });
        return counts;
    }

    /** The number of stored verdicts of the units by proposed verdict ({@code NONE} for none). */
    public Map<String, Long> countByProposed(int year, Long[] unitIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        template.query(
                "SELECT proposed, count(*) FROM evaluation WHERE year = ? AND unit_id = ANY (?) GROUP BY proposed",
                rs -> {
                    counts.put(rs.getString(1) == null ? "NONE" : rs.getString(1), rs.getLong(2));
                },
                year,
                unitIds);
        return counts;
    }

    /** A stored verdict as a list shows it. */
    public record Listed(
            long unitId, String unitKind, String status, String proposed, boolean locked, OffsetDateTime computedAt) {}

    /** A page of the units' stored verdicts, optionally of one proposed verdict, by kind and unit. */
    public List<Listed> listed(int year, Long[] unitIds, String only, int limit, int offset) {
        return template.query(
                """
                SELECT unit_id, unit_kind, status, proposed, locked, computed_at FROM evaluation
                 WHERE year = ? AND unit_id = ANY (?) AND (CAST(? AS text) IS NULL OR proposed = ?)
                 ORDER BY unit_kind, unit_id LIMIT ? OFFSET ?""",
                (rs, n) -> new Listed(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getObject(6, OffsetDateTime.class)),
                year,
                unitIds,
                only,
                only,
                limit,
                offset);
    }

    /** One stored evaluation with its rulebook's name and its JSON as stored. */
    public record Stored(
            String unitKind,
            LocalDate periodFrom,
            LocalDate periodTo,
            String status,
            String proposed,
            boolean locked,
            long rulebookId,
            String rulebook,
            String regulation,
            OffsetDateTime computedAt,
            JsonNode facts,
            JsonNode outcomes) {}

    public Optional<Stored> stored(long unitId, int year) {
        return template
                .query(
                        """
                SELECT e.unit_kind, e.period_from, e.period_to, e.status, e.proposed, e.locked, e.rulebook_id,
                       r.code || ' v' || r.version, r.regulation, e.computed_at, e.facts::text, e.outcomes::text
                  FROM evaluation e JOIN rulebook r ON r.id = e.rulebook_id WHERE e.unit_id = ? AND e.year = ?""",
                        (rs, n) -> new Stored(
                                rs.getString(1),
                                rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getBoolean(6),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getObject(10, OffsetDateTime.class),
                                node(rs.getString(11)),
                                node(rs.getString(12))),
                        unitId,
                        year)
                .stream()
                .findFirst();
    }

    // ---- the codec --------------------------------------------------------------------------------

    private JsonNode node(String text) {
        return text == null ? null : json.readTree(text);
    }

    /** The fact counts of a facts JSON: its {@code counts} object, or the whole object's whole numbers. */
    public Map<String, Long> counts(String facts) {
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
    public List<Outcome> outcomes(String outcomes) {
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
                    compared.add(new Comparison(
                            text(c, "item"),
                            value(c.get("value")),
                            enumOf(Comparison.Operator.class, text(c, "operator")),
                            value(c.get("threshold")),
                            enumOf(Source.class, text(c, "source")),
                            text(c, "evidence"),
                            text(c, "enteredBy")));
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
