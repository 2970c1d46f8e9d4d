package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
class AuditChainTamperingTests {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void editingDeletingOrAppendingARowByHandIsNamedByVerify() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(log.record(new AuditEntry(AuditAction.UPDATED, "test", "probe", Integer.toString(i), null,
                    Map.of("value", i), Map.of("value", i + 1))));
        }
        assertThat(log.verify().intact()).isTrue();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET after = '{}' WHERE id = :id").param("id", ids.get(1)).update())
                .rootCause().hasMessageContaining("permission denied");

        long edited = ids.get(1);
        asSuperuser("UPDATE audit_event SET after = '{\"value\": 99}' WHERE id = " + edited);
        assertThat(log.verify().problems()).containsExactly(new ChainReport.Problem(edited, ChainReport.Kind.CONTENT_CHANGED));

        long deleted = ids.get(3);
        asSuperuser("DELETE FROM audit_event WHERE id = " + deleted);
        assertThat(log.verify().problems()).containsExactly(
                new ChainReport.Problem(edited, ChainReport.Kind.CONTENT_CHANGED),
                new ChainReport.Problem(deleted, ChainReport.Kind.MISSING),
                new ChainReport.Problem(deleted + 1, ChainReport.Kind.LINK_BROKEN));

        long last = ids.get(5);
        asSuperuser("DELETE FROM audit_event WHERE id = " + last);
        assertThat(log.verify().problems()).contains(new ChainReport.Problem(last, ChainReport.Kind.MISSING_AT_END));

        // an entry slipped in with a made-up hash where the deleted one was
        asSuperuser("INSERT INTO audit_event (id, occurred_at, action, module, entity_type, prev_hash, hash) "
                + "SELECT " + deleted + ", now(), 'DELETED', 'test', 'probe', hash, repeat('a', 64) FROM audit_event WHERE id = "
                + (deleted - 1));
        assertThat(log.verify().problems()).contains(
                new ChainReport.Problem(deleted, ChainReport.Kind.CONTENT_CHANGED),
                new ChainReport.Problem(deleted + 1, ChainReport.Kind.LINK_BROKEN));

        // and one written straight into the table after the end, even with a well-made hash, is not part of the chain
        long beyond = last + 1;
        asSuperuser("INSERT INTO audit_event (id, occurred_at, action, module, entity_type, prev_hash, hash) "
                + "VALUES (" + beyond + ", now(), 'CREATED', 'test', 'probe', repeat('0', 64), repeat('b', 64))");
        assertThat(log.verify().problems()).contains(
                new ChainReport.Problem(beyond, ChainReport.Kind.NOT_APPENDED_BY_THE_LOG));
    }

    /** The superuser of the embedded server, with triggers off (as for replication). */
    private void asSuperuser(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", null); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute(sql);
        }
    }
}
