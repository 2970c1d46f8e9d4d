package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.TuquanApplication;
import vn.tuquan.shared.CommandContexts;
import vn.tuquan.shared.Dates;

/** {@code ./tuquan user …} on a real database: each command opens the application as the launcher does. */
class UserCommandTests {

    static Path dataDir;

    @BeforeAll
    static void openOnAFreshDirectory() {
        dataDir = FreshDataDirectory.create();
        CommandContexts.register(() -> new SpringApplicationBuilder(TuquanApplication.class)
                .web(WebApplicationType.NONE).run("--tuquan.data-directory=" + dataDir));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream before = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int exit = new CommandLine(new UserCommand()).setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute(args);
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

        Run added = run("mot-mat-khau-dong-lenh\n", "add", "Can.Bo", "--display-name", "Cán Bộ Thử",
                "--role", "SYSTEM_ADMIN", "--whole-country", "--password-stdin");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Created user can.bo").contains("with roles [SYSTEM_ADMIN]");

        try (ConfigurableApplicationContext context = CommandContexts.open()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            jdbc.sql("""
                    UPDATE users SET locked_until = :until, failed_sign_ins = 3,
                        totp_secret = 'JBSWY3DPEHPK3PXP' WHERE username = 'can.bo'
                    """).param("until", Dates.now().plusSeconds(600).atOffset(ZoneOffset.UTC))
                    .update();
        }
        Run list = run(null, "list");
        assertThat(list.out()).contains("can.bo").contains("Cán Bộ Thử").contains("enabled")
                .containsPattern("can\\.bo .* yes +\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

        assertThat(run(null, "unlock", "can.bo").exit()).isZero();
        assertThat(run(null, "reset-totp", "can.bo").exit()).isZero();
        Run token = run(null, "token", "can.bo", "--name", "báo cáo", "--days", "30");
        assertThat(token.exit()).isZero();
        String printed = token.out().strip();
        assertThat(printed).startsWith("tq_").hasSize(46);
        assertThat(token.err()).contains("not shown again");
        assertThat(run(null, "token", "can.bo", "--name", "x", "--days", "400").exit()).isEqualTo(1);
        assertThat(run(null, "disable", "can.bo").exit()).isZero();
        assertThat(run(null, "unlock", "khong.co").exit()).isEqualTo(1);

        try (ConfigurableApplicationContext context = CommandContexts.open()) {
            var account = context.getBean(UserAccounts.class).findByUsername("can.bo").orElseThrow();
            assertThat(account.enabled()).isFalse();
            assertThat(account.lockedUntil()).isEmpty();
            assertThat(account.totpEnrolled()).isFalse();
            assertThat(context.getBean(PersonalAccessTokens.class).authenticate(printed))
                    .as("a disabled user's token stops working").isEmpty();
            assertThat(context.getBean(PersonalAccessTokens.class).list("can.bo")).hasSize(1);
        }
    }
}
