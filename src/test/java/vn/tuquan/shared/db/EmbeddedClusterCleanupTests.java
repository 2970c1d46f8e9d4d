package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import vn.tuquan.FreshDataDirectory;

/**
 * What {@link EmbeddedPostgresServer#start} deletes before it starts PostgreSQL: a cluster whose
 * first start never finished, and only that cluster's directory; never a cluster that is marked
 * as made or that holds a database, never a directory that is not a cluster, never anything beside
 * {@code pg/}. Each case on a real cluster.
 */
class EmbeddedClusterCleanupTests {

    @Test
    void aClusterStoppedBeforeItsDatabaseWasMadeIsMadeAgain_andNothingBesideItIsTouched() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        Path pg = dataDir.resolve("pg");
        // initdb done, server started once, stopped before Tuquan made its database or wrote a marker
        try (EmbeddedPostgres raw = EmbeddedPostgres.builder()
                        .setDataDirectory(pg.toFile())
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = raw.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE TABLE left_behind (id int)");
        }
        Files.writeString(pg.resolve("left-behind.txt"), "from the interrupted start");
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys/k1.key"), "a key beside the cluster");
        Files.writeString(dataDir.resolve("notes.txt"), "beside the cluster");
        assertThat(pg.resolve("PG_VERSION")).exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg)) {
            assertThat(pg.resolve("left-behind.txt"))
                    .as("the old cluster's files are gone")
                    .doesNotExist();
            try (Connection c = superuser(server)) {
                assertThat(exists(c, "left_behind"))
                        .as("the old cluster's table is gone")
                        .isFalse();
            }
            try (Connection c = owner(server)) {
                assertThat(c.getCatalog()).isEqualTo("tuquan");
            }
            assertThat(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER)).exists();
            assertThat(pg.resolve(EmbeddedPostgresServer.CREATING_MARKER)).doesNotExist();
        }
        assertThat(dataDir.resolve("keys/k1.key")).hasContent("a key beside the cluster");
        assertThat(dataDir.resolve("notes.txt")).hasContent("beside the cluster");
    }

    @Test
    void aFirstStartThatEndsLaterAndNeverEndedIsMadeAgain_onceEndedItIsKept() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        Path pg = dataDir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, true);
                Connection c = owner(server)) {
            c.createStatement().execute("CREATE TABLE half_loaded (id int)");
            c.createStatement().execute("INSERT INTO half_loaded VALUES (1)");
        } // stopped before finishFirstStart(), as a demo whose load was interrupted
        assertThat(pg.resolve(EmbeddedPostgresServer.CREATING_MARKER)).exists();
        assertThat(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, true);
                Connection c = owner(server)) {
            assertThat(exists(c, "half_loaded"))
                    .as("the unfinished first start's data is gone")
                    .isFalse();
            c.createStatement().execute("CREATE TABLE loaded_whole (id int)");
            server.finishFirstStart();
            assertThat(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER)).exists();
            assertThat(pg.resolve(EmbeddedPostgresServer.CREATING_MARKER)).doesNotExist();
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, true);
                Connection c = owner(server)) {
            assertThat(exists(c, "loaded_whole"))
                    .as("a finished cluster is kept")
                    .isTrue();
        }
    }

    @Test
    void aClusterMarkedAsMadeIsNeverDeleted_evenWithTheCreatingMarkerLeftOver() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        Path pg = dataDir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg);
                Connection c = owner(server)) {
            c.createStatement().execute("CREATE TABLE kept (id int)");
            c.createStatement().execute("INSERT INTO kept VALUES (7)");
        }
        // as if stopped between writing tuquan-initialised and deleting tuquan-creating
        Files.writeString(pg.resolve(EmbeddedPostgresServer.CREATING_MARKER), "left over");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg);
                Connection c = owner(server)) {
            assertThat(count(c, "kept")).isEqualTo(1);
        }
    }

    @Test
    void anUnmarkedClusterThatHoldsADatabaseIsKeptAndAdopted() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        Path pg = dataDir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg);
                Connection c = owner(server)) {
            c.createStatement().execute("CREATE TABLE restored (id int)");
            c.createStatement().execute("INSERT INTO restored VALUES (1), (2)");
        }
        // e.g. restored from a base backup, which does not carry Tuquan's marker
        Files.delete(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg);
                Connection c = owner(server)) {
            assertThat(count(c, "restored")).isEqualTo(2);
        }
        assertThat(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER))
                .as("adopted: marked from now on")
                .exists();
    }

    @Test
    void aDirectoryThatIsNotAClusterIsNeverDeleted() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        Path pg = Files.createDirectories(dataDir.resolve("pg"));
        Files.writeString(pg.resolve("somebody's file.txt"), "not a cluster");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(pg).close())
                .as("initdb refuses a directory that is not empty");
        assertThat(pg.resolve("somebody's file.txt")).hasContent("not a cluster");
    }

    private static Connection owner(EmbeddedPostgresServer server) throws SQLException {
        return server.connect("tuquan");
    }

    private static Connection superuser(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(
                server.jdbcUrl().replace("/tuquan", "/postgres"), "postgres", server.password("postgres"));
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
