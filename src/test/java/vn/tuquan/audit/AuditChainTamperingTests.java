package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.db.EmbeddedPostgresServer;

/**
 * Someone with the superuser's powers edits or deletes audit rows behind the application's back
 * (triggers off): the chain names every such row. The application's own role cannot even try.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=audit-tampering")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the last test leaves the chain broken on purpose
class AuditChainTamperingTests {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresServer server;

    /** Every hashed column of one entry edited by hand, one at a time: named, and whole again once put back. */
    @Test
    @Order(1)
    void everyHashedFieldEditedIsNamedAndPuttingItBackMakesTheChainWhole() throws Exception {
        long first = log.record(new AuditEntry(
                AuditAction.UPDATED, "test", "probe", "field-1", 5L, Map.of("value", 1), Map.of("value", 2)));
        long target = log.record(new AuditEntry(
                AuditAction.UPDATED, "test", "probe", "field-2", 5L, Map.of("value", 2), Map.of("value", 3)));
        log.record(new AuditEntry(AuditAction.UPDATED, "test", "probe", "field-3", 5L, null, Map.of("value", 4)));
        assertThat(log.verify().intact()).isTrue();
        Map<String, String> edits = new java.util.LinkedHashMap<>();
        edits.put("occurred_at", "occurred_at + interval '1 microsecond'");
        edits.put("actor_user_id", "coalesce(actor_user_id, 0) + 1");
        edits.put("actor_username", "'ke.gia.mao'");
        edits.put("action", "'DELETED'");
        edits.put("module", "'order'");
        edits.put("entity_type", "'other'");
        edits.put("entity_id", "'field-9'");
        edits.put("unit_id", "6");
        edits.put("before", "'{\"value\": 1}'");
        edits.put("after", "'{\"value\": 30}'");
        edits.put("hash", "repeat('c', 64)");
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            String column = edit.getKey();
            String original = jdbc.sql("SELECT " + column + "::text FROM audit_event WHERE id = :id")
                    .param("id", target)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            asSuperuser("UPDATE audit_event SET " + column + " = " + edit.getValue() + " WHERE id = " + target);
            ChainReport report = log.verify();
            if (column.equals("hash")) {
                // a made-up hash: the entry no longer matches it, and the next entry no longer points to it
                assertThat(report.problems())
                        .as(column)
                        .containsExactly(
                                new ChainReport.Problem(target, ChainReport.Kind.CONTENT_CHANGED),
                                new ChainReport.Problem(target + 1, ChainReport.Kind.LINK_BROKEN));
            } else {
                assertThat(report.problems())
                        .as(column)
                        .containsExactly(new ChainReport.Problem(target, ChainReport.Kind.CONTENT_CHANGED));
            }
            asSuperuser("UPDATE audit_event SET " + column + " = "
                    + (original == null ? "NULL" : "'" + original.replace("'", "''") + "'") + " WHERE id = " + target);
            assertThat(log.verify().intact()).as(column + " put back").isTrue();
        }
        // the link itself: pointing to another entry's hash
        asSuperuser("UPDATE audit_event SET prev_hash = repeat('d', 64) WHERE id = " + target);
        assertThat(log.verify().problems())
                .containsExactlyInAnyOrder(
                        new ChainReport.Problem(target, ChainReport.Kind.LINK_BROKEN),
                        new ChainReport.Problem(target, ChainReport.Kind.CONTENT_CHANGED));
        asSuperuser("UPDATE audit_event SET prev_hash = (SELECT hash FROM audit_event WHERE id = " + first
                + ") WHERE id = " + target);
        assertThat(log.verify().intact()).isTrue();
    }

    /** The last entry edited and given the hash its new content gives: the chain head still names the old hash. */
    @Test
    @Order(2)
    void theLastEntryEditedAndReHashedIsNamed() throws Exception {
        long last =
                log.record(new AuditEntry(AuditAction.UPDATED, "test", "probe", "last", 5L, null, Map.of("value", 1)));
        assertThat(log.verify().intact()).isTrue();
        AuditRecord stored = jdbc.sql(
                        "SELECT id, occurred_at, actor_user_id, actor_username, action, module, entity_type,"
                                + " entity_id, unit_id, before::text AS before, after::text AS after, prev_hash, hash FROM audit_event"
                                + " WHERE id = :id")
                .param("id", last)
                .query((rs, n) -> new AuditRecord(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("actor_user_id", Long.class),
                        rs.getString("actor_username"),
                        rs.getString("action"),
                        rs.getString("module"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getObject("unit_id", Long.class),
                        rs.getString("before"),
                        rs.getString("after"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")))
                .single();
        String forgedAfter = jdbc.sql("SELECT CAST('{\"value\": 2}' AS jsonb)::text")
                .query(String.class)
                .single();
        AuditRecord forged = ChainWalkTests.rehashed(new AuditRecord(
                stored.id(),
                stored.occurredAt(),
                stored.actorUserId(),
                stored.actorUsername(),
                stored.action(),
                stored.module(),
                stored.entityType(),
                stored.entityId(),
                stored.unitId(),
                stored.before(),
                forgedAfter,
                stored.prevHash(),
                null));
        asSuperuser("UPDATE audit_event SET after = '" + forgedAfter + "', hash = '" + forged.hash() + "' WHERE id = "
                + last);
        assertThat(jdbc.sql("SELECT hash FROM audit_event WHERE id = :id")
                        .param("id", last)
                        .query(String.class)
                        .single())
                .isEqualTo(AuditHashes.hash(forged));
        assertThat(log.verify().problems())
                .containsExactly(new ChainReport.Problem(last, ChainReport.Kind.LINK_BROKEN));
        asSuperuser("UPDATE audit_event SET after = '" + stored.after() + "', hash = '" + stored.hash()
                + "' WHERE id = " + last);
        assertThat(log.verify().intact()).isTrue();
    }

    /** PostgreSQL prints the known chain's JSON as the chain holds it, however it was written: the hashes stay valid. */
    @Test
    @Order(3)
    void theKnownChainsJsonReadsBackFromPostgresqlAsItsHashesCoverIt() {
        for (AuditRecord r : ChainWalkTests.knownChain()) {
            for (String json : new String[] {r.before(), r.after()}) {
                if (json == null) {
                    continue;
                }
                String compact = json.replace(": ", ":").replace(", ", ",");
                assertThat(jdbc.sql("SELECT CAST(:json AS jsonb)::text")
                                .param("json", compact)
                                .query(String.class)
                                .single())
                        .isEqualTo(json);
            }
        }
        assertThat(jdbc.sql("SELECT CAST('{\"opened\":237,\"asOf\":\"2022-10-01\"}' AS jsonb)::text")
                        .query(String.class)
                        .single())
                .as("keys in jsonb's order")
                .isEqualTo(ChainWalkTests.knownChain().get(0).after());
    }

    @Test
    @Order(4)
    void editingDeletingOrAppendingARowByHandIsNamedByVerify() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(log.record(new AuditEntry(
                    AuditAction.UPDATED,
                    "test",
                    "probe",
                    Integer.toString(i),
                    null,
                    Map.of("value", i),
                    Map.of("value", i + 1))));
        }
        assertThat(log.verify().intact()).isTrue();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET after = '{}' WHERE id = :id")
                        .param("id", ids.get(1))
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");

        long edited = ids.get(1);
        asSuperuser("UPDATE audit_event SET after = '{\"value\": 99}' WHERE id = " + edited);
        assertThat(log.verify().problems())
                .containsExactly(new ChainReport.Problem(edited, ChainReport.Kind.CONTENT_CHANGED));

        long deleted = ids.get(3);
        asSuperuser("DELETE FROM audit_event WHERE id = " + deleted);
        assertThat(log.verify().problems())
                .containsExactly(
                        new ChainReport.Problem(edited, ChainReport.Kind.CONTENT_CHANGED),
                        new ChainReport.Problem(deleted, ChainReport.Kind.MISSING),
                        new ChainReport.Problem(deleted + 1, ChainReport.Kind.LINK_BROKEN));

        long last = ids.get(5);
        asSuperuser("DELETE FROM audit_event WHERE id = " + last);
        assertThat(log.verify().problems()).contains(new ChainReport.Problem(last, ChainReport.Kind.MISSING_AT_END));

        // an entry slipped in with a made-up hash where the deleted one was
        asSuperuser("INSERT INTO audit_event (id, occurred_at, action, module, entity_type, prev_hash, hash) "
                + "SELECT " + deleted
                + ", now(), 'DELETED', 'test', 'probe', hash, repeat('a', 64) FROM audit_event WHERE id = "
                + (deleted - 1));
        assertThat(log.verify().problems())
                .contains(
                        new ChainReport.Problem(deleted, ChainReport.Kind.CONTENT_CHANGED),
                        new ChainReport.Problem(deleted + 1, ChainReport.Kind.LINK_BROKEN));

        // and one written straight into the table after the end, even with a well-made hash, is not part of the chain
        long beyond = last + 1;
        asSuperuser("INSERT INTO audit_event (id, occurred_at, action, module, entity_type, prev_hash, hash) "
                + "VALUES (" + beyond + ", now(), 'CREATED', 'test', 'probe', repeat('0', 64), repeat('b', 64))");
        assertThat(log.verify().problems())
                .contains(new ChainReport.Problem(beyond, ChainReport.Kind.NOT_APPENDED_BY_THE_LOG));
    }

    /** The superuser of the embedded server, with triggers off (as for replication). */
    private void asSuperuser(String sql) throws SQLException {
        try (Connection c = server.connect("postgres");
                var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute(sql);
        }
    }
}
