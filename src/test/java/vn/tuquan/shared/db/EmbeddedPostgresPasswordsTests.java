package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.tuquan.FreshDataDirectory;

/**
 * The embedded PostgreSQL asks every connection for its role's password (issue 13, item 17): a new
 * cluster is made so, a cluster of an earlier Tuquan that trusted every local connection is moved to
 * passwords at its next start with its data kept, and the passwords are kept owner-only in
 * {@code tuquan-pgpass}. Each case on a real cluster, connecting over TCP as {@code pg_dump} would.
 */
class EmbeddedPostgresPasswordsTests {

    @Test
    void aNewClusterRefusesEveryRoleWithoutItsPassword_andKeepsThePasswordsOwnerOnly() throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg)) {
            assertAsksForPasswords(server, pg);
        }
    }

    @Test
    void aClusterOfAnEarlierTuquanThatTrustedLocalConnectionsIsMovedToPasswordsAtItsNextStart_keepingItsData()
            throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        makeClusterAsAnEarlierTuquanDid(pg);
        assertThat(trusting(pg))
                .as("the earlier cluster trusts local connections")
                .isTrue();
        assertThat(EmbeddedCredentials.file(pg)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg)) {
            assertAsksForPasswords(server, pg);
            try (Connection owner = server.connect("tuquan");
                    var rs = owner.createStatement().executeQuery("SELECT count(*) FROM kept_from_before")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("the data is kept").isEqualTo(3);
            }
        }
        String passwords = Files.readString(EmbeddedCredentials.file(pg), StandardCharsets.UTF_8);
        // the next start keeps the same passwords and asks for them still
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg)) {
            assertAsksForPasswords(server, pg);
        }
        assertThat(EmbeddedCredentials.file(pg)).hasContent(passwords);
    }

    /** Stopped after the passwords were written and before pg_hba.conf was: the next start finishes with the same ones. */
    @Test
    void aMoveToPasswordsStoppedMidwayIsFinishedWithTheSamePasswords() throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        makeClusterAsAnEarlierTuquanDid(pg);
        EmbeddedCredentials written = EmbeddedCredentials.generate();
        written.write(pg);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg)) {
            assertAsksForPasswords(server, pg);
            assertThat(server.password("tuquan")).isEqualTo(written.password("tuquan"));
        }
    }

    @Test
    void aClusterThatAsksForPasswordsWithoutItsPasswordFileIsRefusedSayingWhatToDo() throws Exception {
        Path pg = FreshDataDirectory.create().resolve("pg");
        EmbeddedPostgresServer.start(pg).close();
        Files.delete(EmbeddedCredentials.file(pg));

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(pg).close())
                .isInstanceOf(EmbeddedPostgresServer.CredentialsMissingException.class)
                .hasMessageContaining(EmbeddedCredentials.FILE_NAME)
                .satisfies(e -> assertThat(((EmbeddedPostgresServer.CredentialsMissingException) e).action())
                        .contains("trust"));
    }

    /**
     * No role gets in without its password, nor with another's; each gets in with its own from the
     * file, which is owner-only, in .pgpass format, and the only password-less line of pg_hba.conf is gone.
     */
    private static void assertAsksForPasswords(EmbeddedPostgresServer server, Path pg) throws Exception {
        // the owner first: the one who could edit the registers and the audit log
        for (String role : List.of("tuquan", "postgres", "tuquan_app")) {
            for (String database : List.of("tuquan", "postgres", "template1")) {
                String url = server.jdbcUrl().replace("/tuquan", "/" + database);
                assertThatThrownBy(() ->
                                DriverManager.getConnection(url, role, null).close())
                        .as("%s on %s without a password", role, database)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password");
                assertThatThrownBy(
                                () -> DriverManager.getConnection(url, role, "").close())
                        .as("%s on %s with an empty password", role, database)
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() ->
                                DriverManager.getConnection(url, role, "tuquan").close())
                        .as("%s on %s with a guessed password", role, database)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            }
            try (Connection c = server.connect(role);
                    var rs = c.createStatement().executeQuery("SELECT current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(role);
            }
        }
        assertThat(trusting(pg))
                .as("no line of pg_hba.conf trusts a connection")
                .isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "tuquan", server.password("tuquan_app")))
                .as("another role's password")
                .isInstanceOf(SQLException.class);
        try (Connection c = server.connect("postgres");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT rolname, rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname IN ('postgres', 'tuquan', 'tuquan_app')")) {
            int roles = 0;
            while (rs.next()) {
                roles++;
                assertThat(rs.getBoolean(2))
                        .as("%s's password is a SCRAM verifier", rs.getString(1))
                        .isTrue();
            }
            assertThat(roles).isEqualTo(3);
        }
        try (Connection c = server.connect("postgres");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT current_setting('unix_socket_directories'), current_setting('listen_addresses')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1))
                    .as("no Unix socket (it would be in /tmp)")
                    .isEmpty();
            assertThat(rs.getString(2)).isEqualTo("localhost");
        }

        Path file = EmbeddedCredentials.file(pg);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines)
                .hasSize(3)
                .allMatch(l -> l.matches("localhost:\\*:\\*:(postgres|tuquan|tuquan_app):[A-Za-z0-9]{32}"));
        assertThat(lines.stream().map(l -> l.substring(l.lastIndexOf(':') + 1)).distinct())
                .as("three passwords")
                .hasSize(3);
    }

    /** What the Tuquan before issue 13 left: zonky's initdb ({@code -A trust}), the owner, the application's role, data. */
    private static void makeClusterAsAnEarlierTuquanDid(Path pg) throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(pg.toFile())
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .start()) {
            try (Connection c = old.getPostgresDatabase().getConnection();
                    var st = c.createStatement()) {
                st.execute("CREATE ROLE tuquan LOGIN");
                st.execute("CREATE DATABASE tuquan OWNER tuquan ENCODING 'UTF8' TEMPLATE template0");
                st.execute("CREATE ROLE tuquan_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            }
            try (Connection c = DriverManager.getConnection(old.getJdbcUrl("tuquan", "tuquan"));
                    var st = c.createStatement()) {
                st.execute("CREATE TABLE kept_from_before (id int)");
                st.execute("INSERT INTO kept_from_before VALUES (1), (2), (3)");
            }
        }
        Files.writeString(pg.resolve(EmbeddedPostgresServer.INITIALISED_MARKER), "initialised by Tuquan\n");
    }

    private static boolean trusting(Path pg) throws Exception {
        return Files.readAllLines(pg.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .anyMatch(l -> List.of(l.toLowerCase(Locale.ROOT).split("\\s+")).contains("trust"));
    }
}
