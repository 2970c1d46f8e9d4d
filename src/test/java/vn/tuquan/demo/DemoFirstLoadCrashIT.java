package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.StartedProcesses;
import vn.tuquan.TuquanProcess;
import vn.tuquan.TuquanProcess.Postmaster;

/**
 * {@code ./tuquan demo} killed with SIGKILL in the middle of its first load, then started again:
 * the second start makes the demo's cluster again and loads the demo whole, row for row as many as
 * a clean load holds, with no warning about missing parts. A demo loaded whole and then killed is
 * kept as it is. Runs the packaged jar as separate processes.
 */
class DemoFirstLoadCrashIT {

    static final Duration START = Duration.ofMinutes(4);
    /** Sessions depend on who signed in, not on the load. */
    static final List<String> NOT_COMPARED = List.of("spring_session", "spring_session_attributes");

    static final String MADE_AGAIN = "did not finish (the process stopped before it was ready";

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    @Test
    void aFirstLoadKilledMidwayIsMadeAgainWholeOnTheNextStart_asManyRowsAsACleanLoad() throws Exception {
        // a clean first load: the reference, and the figures the demo is known by
        Path clean = FreshDataDirectory.create();
        processes.watch(clean.resolve("demo"));
        TuquanProcess reference = processes.start(clean, "demo", "clean").awaitOutput(TuquanProcess.READY, START);
        Map<String, Long> expected = tableCounts(clean);
        assertThat(expected)
                .containsEntry("incident", 5044L)
                .containsEntry("household", 26248L)
                .containsEntry("drug_user", 3159L)
                .containsEntry("users", 8L);
        assertThat(residentialAreas(clean)).isEqualTo(3161);

        // loaded whole, then killed: kept as it is on the next start
        reference.kill9();
        TuquanProcess warm = processes.start(clean, "demo", "clean-again").awaitOutput(TuquanProcess.READY, START);
        assertThat(warm.output())
                .as("a demo loaded whole is never made again")
                .doesNotContain(MADE_AGAIN)
                .contains("was left running");
        Map<String, Long> kept = tableCounts(clean);
        kept.remove("audit_event"); // a warm start resets the demo logins' password, audited
        assertThat(kept).isEqualTo(without(expected, "audit_event"));
        warm.stop();

        // a first load killed midway: after the official list, before the villages and the rest
        Path dataDir = FreshDataDirectory.create();
        processes.watch(dataDir.resolve("demo"));
        TuquanProcess first = processes.start(dataDir, "demo", "first");
        killOnceTheLoadHasBegun(first, dataDir.resolve("demo"));
        Postmaster orphan = TuquanProcess.postmaster(dataDir.resolve("demo"));
        assertThat(orphan.alive()).isTrue();
        try (Connection db = connect(orphan)) {
            assertThat(count(db, "unit_version"))
                    .as("part of the demo was committed")
                    .isPositive();
            assertThat(count(db, "users"))
                    .as("not all of it: the logins come last")
                    .isZero();
        }
        assertThat(first.output()).doesNotContain(TuquanProcess.READY);

        TuquanProcess second = processes.start(dataDir, "demo", "second").awaitOutput(TuquanProcess.READY, START);
        assertThat(tableCounts(dataDir))
                .as("every table as a clean load has it")
                .isEqualTo(expected);
        assertThat(residentialAreas(dataDir)).isEqualTo(3161);
        assertThat(orphan.alive())
                .as("the PostgreSQL the killed process left running was stopped")
                .isFalse();
        assertThat(second.output())
                .contains(MADE_AGAIN)
                .doesNotContain("no incidents generated")
                .contains("Demo data: 5044 incidents, 1081 of 3161 residential areas without crime");
        assertThat(second.output().lines().filter(l -> l.contains(" WARN ") && l.contains("vn.tuquan.demo")))
                .as("no warning from the demo's load")
                .isEmpty();
        try (Connection db = connect(TuquanProcess.postmaster(dataDir.resolve("demo")))) {
            assertThat(count(db, "(SELECT DISTINCT parent_id, kind, name, valid_from FROM unit_version) AS u"))
                    .as("no unit twice")
                    .isEqualTo(count(db, "unit_version"));
        }
        assertThat(dataDir.resolve("demo/pg/tuquan-initialised")).exists();
        assertThat(dataDir.resolve("demo/pg/tuquan-creating")).doesNotExist();
        assertThat(second.stop()).isIn(0, 143);
    }

    /**
     * Watches the database of the first start and kills the process as soon as the demo's first
     * rows are committed (the official list of Nam Định), long before its load ends.
     */
    private static void killOnceTheLoadHasBegun(TuquanProcess process, Path demoDir) throws Exception {
        Instant deadline = Instant.now().plus(START);
        Path pid = demoDir.resolve("pg/postmaster.pid");
        Connection db = null;
        try {
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.alive())
                        .as("the first start stopped by itself:%n%s", process.output())
                        .isTrue();
                assertThat(process.output())
                        .as("the load ended before it was seen")
                        .doesNotContain(TuquanProcess.READY);
                try {
                    if (db == null
                            && Files.exists(pid)
                            && Files.readAllLines(pid).size() >= 4) {
                        db = connect(TuquanProcess.postmaster(demoDir));
                    }
                    if (db != null && tableExists(db, "unit_version") && count(db, "unit_version") > 0) {
                        process.kill9();
                        return;
                    }
                } catch (SQLException notYet) {
                    // the database or its tables are still being made
                    if (db != null) {
                        db.close();
                        db = null;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("the demo's load did not begin within " + START + ":\n" + process.output());
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    /** The number of rows of every table of the demo's database. */
    private static Map<String, Long> tableCounts(Path dataDir) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = connect(TuquanProcess.postmaster(dataDir.resolve("demo")))) {
            List<String> tables = new ArrayList<>();
            try (var rs = db.createStatement()
                    .executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            tables.removeAll(NOT_COMPARED);
            for (String table : tables) {
                counts.put(table, count(db, table));
            }
        }
        return counts;
    }

    private static long residentialAreas(Path dataDir) throws SQLException {
        try (Connection db = connect(TuquanProcess.postmaster(dataDir.resolve("demo")))) {
            return count(db, "unit_version WHERE kind = 'RESIDENTIAL_AREA'");
        }
    }

    private static Map<String, Long> without(Map<String, Long> counts, String table) {
        Map<String, Long> copy = new TreeMap<>(counts);
        copy.remove(table);
        return copy;
    }

    private static Connection connect(Postmaster postmaster) throws SQLException {
        return postmaster.connect("tuquan");
    }

    private static boolean tableExists(Connection db, String table) throws SQLException {
        try (var rs = db.createStatement().executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Connection db, String from) throws SQLException {
        try (var rs = db.createStatement().executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
