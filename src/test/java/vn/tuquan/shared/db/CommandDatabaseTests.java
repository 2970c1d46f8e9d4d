package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import vn.tuquan.FreshDataDirectory;

/**
 * The database of a command of {@code ./tuquan} ({@link EmbeddedPostgresServer#forCommand}), each
 * case on a real cluster: never a new cluster; the running server's PostgreSQL when Tuquan serves
 * (issue 13.20); a server of its own otherwise, which nobody else uses meanwhile.
 */
class CommandDatabaseTests {

    @Test
    void onADirectoryWithoutADatabaseACommandMakesNothing() {
        Path pg = FreshDataDirectory.create().resolve("pg");
        assertThatThrownBy(() -> EmbeddedPostgresServer.forCommand(pg).close())
                .isInstanceOf(EmbeddedPostgresServer.NoDatabaseYetException.class)
                .hasMessageContaining("run `./tuquan serve` once first");
        assertThat(pg).doesNotExist();
    }

    @Test
    void whileTuquanServesACommandUsesItsPostgreSQL_withTheStoredPasswords_andLeavesItRunning() throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        try (EmbeddedPostgresServer serving = EmbeddedPostgresServer.start(pg)) {
            try (Connection c = serving.connect("tuquan")) {
                c.createStatement().execute("CREATE TABLE made_by_the_server (id int)");
            }
            try (EmbeddedPostgresServer command = EmbeddedPostgresServer.forCommand(pg)) {
                assertThat(command.attached()).isTrue();
                assertThat(command.port()).isEqualTo(serving.port());
                try (Connection c = command.connect("tuquan");
                        var rs = c.createStatement().executeQuery("SELECT count(*) FROM made_by_the_server")) {
                    assertThat(rs.next()).isTrue();
                }
                try (EmbeddedPostgresServer another = EmbeddedPostgresServer.forCommand(pg)) {
                    assertThat(another.attached())
                            .as("any number of commands at once")
                            .isTrue();
                }
            }
            try (Connection c = serving.connect("tuquan");
                    var rs = c.createStatement().executeQuery("SELECT 1")) {
                assertThat(rs.next())
                        .as("the server still runs after the commands")
                        .isTrue();
            }
        }
    }

    @Test
    void whileAFirstStartIsUnderWayACommandIsToldToWait() throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        try (EmbeddedPostgresServer starting = EmbeddedPostgresServer.start(pg, true)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.forCommand(pg).close())
                    .isInstanceOf(EmbeddedPostgresServer.ServerNotReadyException.class);
            starting.finishFirstStart();
        }
    }

    @Test
    void withoutAServerACommandStartsItsOwn_whichNoOtherCommandNorServerUsesMeanwhile() throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        EmbeddedPostgresServer.start(pg).close();

        try (EmbeddedPostgresServer command = EmbeddedPostgresServer.forCommand(pg)) {
            assertThat(command.attached()).isFalse();
            try (Connection c = command.connect("tuquan");
                    var rs = c.createStatement().executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(pg).close())
                    .as("serve waits for the command to end")
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class);
            assertThatThrownBy(() -> EmbeddedPostgresServer.forCommand(pg).close())
                    .as("another command is told to run again later")
                    .isInstanceOf(EmbeddedPostgresServer.CommandRunningException.class);
        }
        assertThat(pg.resolve("postmaster.pid"))
                .as("stopped at the command's end")
                .doesNotExist();
        assertThat(Files.exists(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER)))
                .isTrue();
    }
}
