package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.TuquanApplication;
import vn.tuquan.shared.CommandContexts;
import vn.tuquan.shared.Dates;

/**
 * {@code ./tuquan user …} on a real database: each command opens the application as the launcher does
 * ({@link TuquanApplication#commandContext}), on a data directory whose first {@code serve} is over.
 */
class UserCommandTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path dataDir;

    @BeforeAll
    static void openOnADirectoryServeMadeFirst() {
        dataDir = FreshDataDirectory.create();
        // serve's first start makes the database and the administrator; a command never makes a database
        try (ConfigurableApplicationContext served = new SpringApplicationBuilder(TuquanApplication.class)
                .run("--tuquan.data-directory=" + dataDir, "--server.port=0", "--management.server.port=0")) {
            assertThat(served.getBean(UserAccounts.class).findByUsername("admin"))
                    .isPresent();
        }
        CommandContexts.register(() -> TuquanApplication.commandContext("--tuquan.data-directory=" + dataDir));
    }

    record Run(int exit, String out, String err) {}

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream before = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int exit = new CommandLine(new UserCommand())
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void addListUnlockResetTokenAndDisable() {
        Run weak = run("password1234\n", "add", "can.bo", "--display-name", "Cán Bộ Thử", "--password-stdin");
        assertThat(weak.exit()).isEqualTo(1);
        assertThat(weak.err()).contains("too common");

        Run added = run(
                "mot-mat-khau-dong-lenh\n",
                "add",
                "Can.Bo",
                "--display-name",
                "Cán Bộ Thử",
                "--role",
                "SYSTEM_ADMIN",
                "--whole-country",
                "--password-stdin");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Created user can.bo").contains("with roles [SYSTEM_ADMIN]");

        try (ConfigurableApplicationContext context = CommandContexts.open()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            jdbc.sql("""
                    UPDATE users SET locked_until = :until, failed_sign_ins = 3,
                        totp_secret = 'JBSWY3DPEHPK3PXP' WHERE username = 'can.bo'
                    """)
                    .param("until", Dates.now().plusSeconds(600).atOffset(ZoneOffset.UTC))
                    .update();
        }
        Run list = run(null, "list");
        assertThat(list.out())
                .contains("can.bo")
                .contains("Cán Bộ Thử")
                .contains("enabled")
                .containsPattern("can\\.bo .* yes +\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        Run listed = run(null, "list", "--json");
        assertThat(listed.exit()).isZero();
        JsonNode people = JSON.readTree(listed.out());
        assertThat(people.isArray()).isTrue();
        JsonNode canBo = people.valueStream()
                .filter(p -> p.get("username").asString().equals("can.bo"))
                .findFirst()
                .orElseThrow();
        assertThat(canBo.get("displayName").asString()).isEqualTo("Cán Bộ Thử");
        assertThat(canBo.get("enabled").asBoolean()).isTrue();
        assertThat(canBo.get("secondFactor").asString()).isEqualTo("enrolled");
        assertThat(Instant.parse(canBo.get("lockedUntil").asString())).isAfter(Dates.now());
        assertThat(people.valueStream().map(p -> p.get("username").asString())).contains("admin");

        assertThat(run(null, "unlock", "can.bo").exit()).isZero();
        assertThat(run(null, "reset-totp", "can.bo").exit()).isZero();
        Run token = run(null, "token", "can.bo", "--name", "báo cáo", "--days", "30");
        assertThat(token.exit()).isZero();
        assertThat(token.out()).as("the token alone on standard output").matches("tq_\\S{43}\\R");
        String printed = token.out().strip();
        // a whole-country administrator may read sensitive registers: after reset-totp the token waits for a new
        // enrolment
        assertThat(token.err())
                .contains("not shown again")
                .contains("tài khoản can.bo phải dùng xác thực hai lớp nhưng chưa đăng ký");
        assertThat(run(null, "token", "can.bo", "--name", "x", "--days", "400").exit())
                .isEqualTo(1);
        assertThat(run(null, "disable", "can.bo").exit()).isZero();
        assertThat(run(null, "unlock", "khong.co").exit()).isEqualTo(1);

        try (ConfigurableApplicationContext context = CommandContexts.open()) {
            var account =
                    context.getBean(UserAccounts.class).findByUsername("can.bo").orElseThrow();
            assertThat(account.enabled()).isFalse();
            assertThat(account.lockedUntil()).isEmpty();
            assertThat(account.totpEnrolled()).isFalse();
            assertThat(context.getBean(PersonalAccessTokens.class).authenticate(printed))
                    .as("a disabled user's token stops working")
                    .isEmpty();
            assertThat(context.getBean(PersonalAccessTokens.class).list("can.bo"))
                    .hasSize(1);
        }
    }

    /** A token of someone who must enrol a second factor first is refused by the API (403) until they do: said at once. */
    @Test
    void aTokenForSomeoneWhoMustEnrolASecondFactorFirstSaysSo_onStandardErrorAndInTheJson() {
        assertThat(run(
                                "mat-khau-cua-can-bo-tinh\n",
                                "add",
                                "can.bo.tinh",
                                "--display-name",
                                "Cán Bộ Tỉnh",
                                "--require-totp",
                                "--password-stdin")
                        .exit())
                .isZero();
        assertThat(run(
                                "mat-khau-cua-can-bo-xa\n",
                                "add",
                                "can.bo.xa",
                                "--display-name",
                                "Cán Bộ Xã",
                                "--password-stdin")
                        .exit())
                .isZero();

        Run warned = run(null, "token", "can.bo.tinh", "--name", "báo cáo");
        assertThat(warned.exit()).isZero();
        assertThat(warned.out()).matches("tq_\\S{43}\\R");
        assertThat(warned.err())
                .contains("tài khoản can.bo.tinh phải dùng xác thực hai lớp nhưng chưa đăng ký")
                .contains("403")
                .contains("/account/totp");
        Run warnedJson = run(null, "token", "can.bo.tinh", "--name", "báo cáo 2", "--json", "--lang", "en");
        assertThat(warnedJson.exit()).isZero();
        JsonNode made = JSON.readTree(warnedJson.out());
        assertThat(made.get("secondFactorNeeded").asBoolean()).isTrue();
        assertThat(made.get("username").asString()).isEqualTo("can.bo.tinh");
        assertThat(made.get("name").asString()).isEqualTo("báo cáo 2");
        assertThat(made.get("token").asString()).startsWith("tq_").hasSize(46);
        assertThat(Instant.parse(made.get("expiresAt").asString())).isAfter(Dates.now());
        assertThat(warnedJson.err()).contains("the account can.bo.tinh must use a second factor");

        Run plain = run(null, "token", "can.bo.xa", "--name", "báo cáo", "--json");
        assertThat(JSON.readTree(plain.out()).get("secondFactorNeeded").asBoolean())
                .isFalse();
        assertThat(plain.err()).doesNotContain("xác thực hai lớp");
    }
}
