package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.TuquanApplication;

/** Start-up, migrations, restart and the two kinds of database, each on a real PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupTests {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("Mật khẩu / Password:\\s+(\\S+)");

    /** Starts the application as {@code ./tuquan serve} does; properties as command-line arguments. */
    private static ConfigurableApplicationContext start(Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(
                List.of("--tuquan.data-directory=" + dataDir, "--server.port=0", "--management.server.port=0"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(TuquanApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void firstStartMakesADurableMigratedDatabaseAndAnAdministrator_andARestartKeepsThem(CapturedOutput output)
            throws Exception {
        Path dataDir = FreshDataDirectory.create();
        String password;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                            .query(String.class)
                            .list())
                    .isEqualTo(migrationVersions());
            assertThat(jdbc.sql("SELECT extname FROM pg_extension")
                            .query(String.class)
                            .list())
                    .contains("pg_trgm", "unaccent", "btree_gist");
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .as("the application runs as its own role: not the superuser, not the owner")
                    .isEqualTo("tuquan_app");
            assertThat(jdbc.sql(
                                    "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            assertThat(jdbc.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
                            .query(String.class)
                            .single())
                    .as("the owner ran the migrations")
                    .isEqualTo("tuquan");
            assertThat(jdbc.sql("SELECT DISTINCT installed_by FROM flyway_schema_history")
                            .query(String.class)
                            .list())
                    .containsExactly("tuquan");

            Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
            assertThat(printed.find())
                    .as("the administrator password is printed on the first start")
                    .isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getAll().split(Pattern.quote(password), -1))
                    .as("the password appears exactly once in all output")
                    .hasSize(2);
            assertThat(output.getOut())
                    .as("standard output holds what Tuquan prints, the log is on standard error")
                    .doesNotContain("Starting embedded PostgreSQL")
                    .doesNotContain("Created the administrator account");
            assertThat(output.getErr())
                    .contains("Starting embedded PostgreSQL")
                    .contains("Created the administrator account 'admin'");
            String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = 'admin'")
                    .query(String.class)
                    .single();
            assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}").doesNotContain(password);
            assertThat(app.getBean(PasswordEncoder.class).matches(password, hash))
                    .isTrue();
        }
        assertThat(dataDir.resolve("pg/postmaster.pid"))
                .as("a clean shutdown stops PostgreSQL")
                .doesNotExist();

        int outputBefore = output.getOut().length();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
                    .isEqualTo(1L);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history")
                            .query(Long.class)
                            .single())
                    .isEqualTo((long) migrationVersions().size());
            assertThat(output.getOut().substring(outputBefore)).doesNotContain("Password:");
        }
    }

    /** The versions of the migration files, in order: every one must have run. */
    private static List<String> migrationVersions() throws java.io.IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> versions = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
            assertThat(versions).isNotEmpty();
            return versions;
        }
    }

    /** The application's role may neither change the audit log nor the schema. */
    @Test
    void theApplicationsRoleCannotUpdateDeleteOrTruncateTheAuditLogNorChangeTheSchema() {
        Path dataDir = FreshDataDirectory.create();
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("INSERT INTO audit_event (id, occurred_at, action, module, entity_type, prev_hash, hash) "
                            + "VALUES (1000000, now(), 'CREATED', 'test', 'probe', repeat('0', 64), repeat('1', 64))")
                    .update();
            for (String statement : List.of(
                    "UPDATE audit_event SET action = 'DELETED' WHERE id = 1000000",
                    "DELETE FROM audit_event WHERE id = 1000000",
                    "TRUNCATE audit_event",
                    "DELETE FROM audit_chain_head",
                    "DROP TABLE users",
                    "ALTER TABLE users ADD COLUMN x int",
                    "CREATE TABLE intruder (id int)")) {
                assertThatThrownBy(() -> jdbc.sql(statement).update())
                        .as(statement)
                        .rootCause()
                        .hasMessageMatching("(?s).*(permission denied|must be owner).*");
            }
            assertThat(jdbc.sql("SELECT action FROM audit_event WHERE id = 1000000")
                            .query(String.class)
                            .single())
                    .isEqualTo("CREATED");
            assertThat(jdbc.sql("SELECT has_table_privilege('unit_version', 'UPDATE, DELETE')")
                            .query(Boolean.class)
                            .single())
                    .as("the modules' own tables stay writable")
                    .isTrue();
        }
    }

    /** A cluster made before the application had its own role holds only {@code tuquan}: it still starts. */
    @Test
    void aClusterFromBeforeTheApplicationRoleGetsItAtStart() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        try (EmbeddedPostgresServer old = EmbeddedPostgresServer.start(dataDir.resolve("pg"))) {
            try (var superuser = java.sql.DriverManager.getConnection(
                            old.jdbcUrl().replace("/tuquan", "/postgres"), "postgres", old.password("postgres"));
                    var st = superuser.createStatement()) {
                st.execute("DROP ROLE tuquan_app");
            }
            org.flywaydb.core.Flyway.configure()
                    .dataSource(old.jdbcUrl(), "tuquan", old.password("tuquan"))
                    .locations("classpath:db/migration")
                    .target("4")
                    .load()
                    .migrate();
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo("tuquan_app");
            assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
                    .isEqualTo(1L);
            assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                            .query(String.class)
                            .list())
                    .isEqualTo(migrationVersions());
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsRefusedClearly() {
        Path dataDir = FreshDataDirectory.create();
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThatThrownBy(() -> start(dataDir))
                    .rootCause()
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running Tuquan process");
            assertThat(first.getBean(JdbcClient.class)
                            .sql("SELECT 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void withAnExternalDatabaseItStartsNoPostgresAndMigratesThatDatabase(CapturedOutput output) throws Exception {
        Path dataDir = FreshDataDirectory.create();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(FreshDataDirectory.create().resolve("external"))
                .start()) {
            try (Connection c = external.getPostgresDatabase().getConnection();
                    var st = c.createStatement()) {
                st.execute("CREATE ROLE owner_role LOGIN");
                st.execute("CREATE DATABASE ext OWNER owner_role");
            }
            try (ConfigurableApplicationContext app = start(
                    dataDir,
                    "spring.datasource.url=" + external.getJdbcUrl("owner_role", "ext"),
                    "spring.datasource.username=owner_role")) {
                DatabaseInfo info = app.getBean(DatabaseInfo.class);
                assertThat(info.isEmbedded()).isFalse();
                assertThat(app.getBeanNamesForType(EmbeddedPostgresServer.class))
                        .isEmpty();
                assertThat(info.location()).endsWith("/ext");
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT search_fold('Hải Hậu')")
                                .query(String.class)
                                .single())
                        .isEqualTo("hai hau");
                assertThat(jdbc.sql("SELECT count(*) FROM users")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1L);
                assertThat(output.getAll())
                        .as("one role only: no grants, said once")
                        .doesNotContain("permission denied");
            }
        }
        assertThat(Files.exists(dataDir.resolve("pg")))
                .as("no embedded cluster was made")
                .isFalse();
    }

    /** External database, two roles: the owner migrates (spring.flyway.user), the application connects as another. */
    @Test
    void withAnExternalDatabaseTheOwnerMigratesAndTheApplicationUsesItsOwnRole() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(FreshDataDirectory.create().resolve("external"))
                .start()) {
            try (Connection c = external.getPostgresDatabase().getConnection();
                    var st = c.createStatement()) {
                st.execute("CREATE ROLE ext_owner LOGIN");
                st.execute("CREATE ROLE ext_app LOGIN");
                st.execute("CREATE DATABASE ext2 OWNER ext_owner");
            }
            try (ConfigurableApplicationContext app = start(
                    dataDir,
                    // no user in the URL: it would win over both user names
                    "spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/ext2",
                    "spring.datasource.username=ext_app",
                    "spring.flyway.user=ext_owner",
                    "spring.flyway.placeholders.approle=ext_app")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                        .isEqualTo("ext_app");
                assertThat(jdbc.sql("SELECT DISTINCT installed_by FROM flyway_schema_history")
                                .query(String.class)
                                .list())
                        .containsExactly("ext_owner");
                assertThat(jdbc.sql("SELECT count(*) FROM users")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1L);
                assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                        .rootCause()
                        .hasMessageContaining("permission denied");
            }
        }
    }
}
