package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.StartedProcesses;
import vn.tuquan.TuquanProcess;
import vn.tuquan.TuquanProcess.Postmaster;
import vn.tuquan.WebSession;

/**
 * {@code kill -9} of the running application, then a new start: it comes up by itself and every
 * committed row is there. Runs the packaged jar as a separate process, as people run it.
 */
class CrashRecoveryIT {

    static final Duration START = Duration.ofMinutes(3);

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    @Test
    void committedDataSurvivesKillMinus9OfTheJvmAndThenOfPostgresToo() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        processes.watch(dataDir);

        TuquanProcess first = processes.start(dataDir, "serve", "first").awaitReady(START);
        String password = first.printedAdminPassword();
        Postmaster firstPostgres = TuquanProcess.postmaster(dataDir);
        try (Connection db = connect(firstPostgres)) {
            db.createStatement().execute("CREATE TABLE crash_probe (id int PRIMARY KEY)");
            insert(db, 1, 500);
        }
        first.kill9();
        assertThat(firstPostgres.alive())
                .as("kill -9 of the JVM leaves its PostgreSQL running")
                .isTrue();

        TuquanProcess second = processes.start(dataDir, "serve", "second").awaitReady(START);
        assertThat(firstPostgres.alive()).as("the stale PostgreSQL was stopped").isFalse();
        assertThat(second.output()).contains("was left running").doesNotContain("Password:");
        Postmaster secondPostgres = TuquanProcess.postmaster(dataDir);
        try (Connection db = connect(secondPostgres)) {
            assertThat(count(db)).isEqualTo(500);
            insert(db, 501, 1000);
        }
        assertThat(new WebSession(second.port())
                        .signIn("admin", password)
                        .headers()
                        .firstValue("Location"))
                .as("the administrator made on the first start can still sign in")
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        // Now as after a power cut: the JVM, the postmaster and its backends all killed at once.
        ProcessHandle postgres = ProcessHandle.of(secondPostgres.pid()).orElseThrow();
        var backends = postgres.descendants().toList();
        second.kill9();
        postgres.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postgres.onExit().get();

        TuquanProcess third = processes.start(dataDir, "serve", "third").awaitReady(START);
        try (Connection db = connect(TuquanProcess.postmaster(dataDir))) {
            assertThat(count(db))
                    .as("every committed row is back after WAL recovery")
                    .isEqualTo(1000);
        }

        assertThat(third.stop()).as("a graceful stop exits").isIn(0, 143);
        assertThat(dataDir.resolve("pg/postmaster.pid"))
                .as("a graceful stop also stops PostgreSQL cleanly")
                .doesNotExist();
        assertThat(third.output()).contains("Stopping embedded PostgreSQL");
    }

    private static Connection connect(Postmaster postmaster) throws SQLException {
        return postmaster.connect("tuquan");
    }

    /** One committed transaction per row, as separate user actions would be. */
    private static void insert(Connection db, int from, int to) throws SQLException {
        db.setAutoCommit(true);
        try (var insert = db.prepareStatement("INSERT INTO crash_probe VALUES (?)")) {
            for (int id = from; id <= to; id++) {
                insert.setInt(1, id);
                insert.executeUpdate();
            }
        }
    }

    private static long count(Connection db) throws SQLException {
        try (var rs = db.createStatement().executeQuery("SELECT count(*) FROM crash_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
