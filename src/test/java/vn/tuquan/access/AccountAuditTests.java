package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.internal.Totp;
import vn.tuquan.shared.Dates;

/**
 * Issue 13.13 and 13.14 over real HTTP: what a person does to their own account is in the audit log
 * (a password changed, a token made and revoked, the second factor turned on and off, signing out
 * here and everywhere), with who did it and never a secret; and a wrong current password on the
 * password change form, or a wrong code when turning the second factor off, counts towards the
 * lock-out like a failed sign-in (five in a row lock the account for fifteen minutes), is audited, and
 * while the account is locked the person's session gets nothing checked.
 */
@TuquanTest
@TestPropertySource(
        properties = {"tuquan.test.database=sign-in", "tuquan.security.second-factor-for-sensitive-data=true"})
class AccountAuditTests {

    static final String PASSWORD = "mat-khau-dai-du-roi";
    static final String NEW_PASSWORD = "mat-khau-moi-cung-dai";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.tuquan.shared.FieldCipher cipher;

    /** An entry of the audit log about a person's account: action, who did it, the record, what it says after. */
    record Entry(String action, String actor, String entityType, String entityId, String after) {}

    @Test
    void wrongCurrentPasswordsCountTowardsTheLockOut_areAudited_andALockedSessionGetsNothingChecked() {
        WebSession session = signedIn("doi.sai");
        long since = lastEntry();
        for (int i = 1; i <= 4; i++) {
            Document page = changePassword(session, "sai-mat-khau-cu-" + i, NEW_PASSWORD);
            assertThat(page.selectFirst("#password-problem").text()).isEqualTo("Mật khẩu hiện tại không đúng.");
        }
        Document locked = changePassword(session, "sai-mat-khau-cu-5", NEW_PASSWORD);
        OffsetDateTime until = jdbc.sql("SELECT locked_until FROM users WHERE username = 'doi.sai'")
                .query(OffsetDateTime.class)
                .single();
        assertThat(until.toInstant()).isAfter(Dates.now().plusSeconds(14 * 60));
        assertThat(locked.selectFirst("#account-locked").text())
                .contains("Tài khoản tạm bị khóa đến " + SignInSecurityTests.VIETNAM_TIME.format(until.toInstant()));

        String hash = passwordHash("doi.sai");
        Document stillLocked = changePassword(session, PASSWORD, NEW_PASSWORD);
        assertThat(stillLocked.selectFirst("#account-locked"))
                .as("the right password while locked: not checked")
                .isNotNull();
        assertThat(passwordHash("doi.sai")).isEqualTo(hash);
        assertThat(Jsoup.parse(session.getPage("/account/password").body()).selectFirst("#account-locked"))
                .isNotNull();
        assertThat(SignInSecurityTests.location(new WebSession(port).signIn("doi.sai", PASSWORD)))
                .as("the account is locked for signing in too")
                .endsWith("/login?locked");

        assertThat(entriesSince(since, "doi.sai"))
                .containsExactly(
                        failed("doi.sai", "PASSWORD_CHANGE"),
                        failed("doi.sai", "PASSWORD_CHANGE"),
                        failed("doi.sai", "PASSWORD_CHANGE"),
                        failed("doi.sai", "PASSWORD_CHANGE"),
                        new Entry("LOCKED_OUT", "doi.sai", "user", "doi.sai", "{\"check\": \"PASSWORD_CHANGE\"}"));

        long unlocked = lastEntry();
        accounts.unlock("doi.sai");
        assertThat(changePassword(session, PASSWORD, NEW_PASSWORD).selectFirst("#account-locked"))
                .isNull();
        assertThat(passwordHash("doi.sai")).isNotEqualTo(hash);
        assertThat(entriesSince(unlocked, "doi.sai"))
                .containsExactly(
                        new Entry("UNLOCKED", null, "user", "doi.sai", null),
                        new Entry("PASSWORD_CHANGED", "doi.sai", "user", "doi.sai", null));
    }

    @Test
    void aCorrectCurrentPasswordClearsTheCount() {
        WebSession session = signedIn("dem.doi");
        for (int i = 0; i < 4; i++) {
            changePassword(session, "sai-" + i, NEW_PASSWORD);
        }
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM users WHERE username = 'dem.doi'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(changePassword(session, PASSWORD, NEW_PASSWORD).selectFirst("#password-problem"))
                .isNull();
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM users WHERE username = 'dem.doi'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void wrongCodesWhenTurningTheSecondFactorOffCountTowardsTheLockOut_areAudited_andNothingIsCheckedWhileLocked() {
        WebSession session = signedIn("tat.hai.lop");
        long since = lastEntry();
        String secret = enrol(session, "tat.hai.lop");
        String wrong = wrongCode(secret);
        for (int i = 1; i <= 4; i++) {
            assertThat(SignInSecurityTests.location(disable(session, wrong))).endsWith("/account/totp?error");
        }
        assertThat(SignInSecurityTests.location(disable(session, wrong))).endsWith("/account/totp?locked");
        assertThat(Jsoup.parse(session.getPage("/account/totp?locked").body()).selectFirst("#account-locked"))
                .isNotNull();
        long lastStep = lastStep("tat.hai.lop");
        assertThat(SignInSecurityTests.location(disable(session, Totp.code(secret, nextStep(lastStep)))))
                .as("the right code while locked: not checked")
                .endsWith("/account/totp?locked");
        assertThat(lastStep("tat.hai.lop"))
                .as("the code was not even looked at")
                .isEqualTo(lastStep);
        assertThat(jdbc.sql("SELECT totp_secret IS NOT NULL FROM users WHERE username = 'tat.hai.lop'")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        accounts.unlock("tat.hai.lop");
        assertThat(SignInSecurityTests.location(disable(session, Totp.code(secret, nextStep(lastStep)))))
                .endsWith("/account");
        assertThat(jdbc.sql("SELECT totp_secret IS NULL FROM users WHERE username = 'tat.hai.lop'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(entriesSince(since, "tat.hai.lop"))
                .containsExactly(
                        new Entry("SECOND_FACTOR_ENROLLED", "tat.hai.lop", "user", "tat.hai.lop", null),
                        failed("tat.hai.lop", "SECOND_FACTOR_REMOVAL"),
                        failed("tat.hai.lop", "SECOND_FACTOR_REMOVAL"),
                        failed("tat.hai.lop", "SECOND_FACTOR_REMOVAL"),
                        failed("tat.hai.lop", "SECOND_FACTOR_REMOVAL"),
                        new Entry(
                                "LOCKED_OUT",
                                "tat.hai.lop",
                                "user",
                                "tat.hai.lop",
                                "{\"check\": \"SECOND_FACTOR_REMOVAL\"}"),
                        new Entry("UNLOCKED", null, "user", "tat.hai.lop", null),
                        new Entry("SECOND_FACTOR_REMOVED", "tat.hai.lop", "user", "tat.hai.lop", null));
    }

    @Test
    void passwordsTokensTheSecondFactorAndSigningOutAreAuditedWithWhoAndNeverASecret() {
        WebSession session = signedIn("nhat.ky");
        WebSession phone = signedIn("nhat.ky");
        long since = lastEntry();
        changePassword(session, PASSWORD, NEW_PASSWORD);

        String csrf = session.csrfToken("/account/tokens");
        Document made =
                Jsoup.parse(session.postForm("/account/tokens", Map.of("name", "báo cáo", "days", "30", "_csrf", csrf))
                        .body());
        String token = made.selectFirst("#created-token").text();
        long tokenId = jdbc.sql("SELECT id FROM access_tokens WHERE name = 'báo cáo' AND user_id = "
                        + "(SELECT id FROM users WHERE username = 'nhat.ky')")
                .query(Long.class)
                .single();
        assertThat(SignInSecurityTests.location(session.postForm(
                        "/account/tokens/" + tokenId + "/revoke",
                        Map.of("_csrf", session.csrfToken("/account/tokens")))))
                .endsWith("/account/tokens");

        phone = new WebSession(port);
        phone.signIn("nhat.ky", NEW_PASSWORD);
        String logout = Jsoup.parse(phone.getPage("/").body())
                .selectFirst("form[action=/logout] input[name=_csrf]")
                .attr("value");
        assertThat(SignInSecurityTests.location(phone.postForm("/logout", Map.of("_csrf", logout))))
                .endsWith("/login?logout");
        WebSession tablet = new WebSession(port);
        tablet.signIn("nhat.ky", NEW_PASSWORD);
        String everywhere = Jsoup.parse(session.getPage("/account").body())
                .selectFirst("form[action=/account/sign-out-everywhere] input[name=_csrf]")
                .attr("value");
        session.postForm("/account/sign-out-everywhere", Map.of("_csrf", everywhere));
        accounts.disable("nhat.ky");

        List<Entry> entries = entriesSince(since, "nhat.ky").stream()
                .filter(e -> !e.action().equals("SIGNED_IN"))
                .toList();
        assertThat(entries)
                .containsExactly(
                        new Entry("PASSWORD_CHANGED", "nhat.ky", "user", "nhat.ky", null),
                        new Entry(
                                "TOKEN_CREATED",
                                "nhat.ky",
                                "access-token",
                                Long.toString(tokenId),
                                entries.get(1).after()),
                        new Entry(
                                "TOKEN_REVOKED",
                                "nhat.ky",
                                "access-token",
                                Long.toString(tokenId),
                                "{\"user\": \"nhat.ky\", \"tokenId\": " + tokenId + "}"),
                        new Entry("SIGNED_OUT", "nhat.ky", "user", "nhat.ky", null),
                        new Entry("SIGNED_OUT_EVERYWHERE", "nhat.ky", "user", "nhat.ky", "{\"otherSessionsEnded\": 1}"),
                        new Entry("DISABLED", null, "user", "nhat.ky", null));
        assertThat(entries.get(1).after())
                .contains("\"name\": \"báo cáo\"", "\"prefix\": \"" + token.substring(0, 8) + "\"", "\"expiresAt\"")
                .doesNotContain(token);
        String everything = jdbc.sql("SELECT string_agg(coalesce(after::text, '') || coalesce(before::text, ''), ' ') "
                        + "FROM audit_event WHERE id > :since")
                .param("since", since)
                .query(String.class)
                .single();
        assertThat(everything)
                .as("no password, token or secret in the log")
                .doesNotContain(PASSWORD, NEW_PASSWORD, token);
    }

    // --- helpers -----------------------------------------------------------------------------

    private WebSession signedIn(String username) {
        accounts.createIfAbsent(username, "Người " + username, PASSWORD);
        WebSession session = new WebSession(port);
        assertThat(SignInSecurityTests.location(session.signIn(username, PASSWORD)))
                .doesNotContain("login");
        return session;
    }

    private Document changePassword(WebSession session, String current, String next) {
        HttpResponse<String> response = session.postForm(
                "/account/password",
                Map.of(
                        "currentPassword",
                        current,
                        "newPassword",
                        next,
                        "confirmPassword",
                        next,
                        "_csrf",
                        session.csrfToken("/account/password")));
        return Jsoup.parse(
                response.statusCode() == 302
                        ? session.getPage("/account/password").body()
                        : response.body());
    }

    private String enrol(WebSession session, String username) {
        Document page = Jsoup.parse(session.getPage("/account/totp").body());
        String secret = page.selectFirst("#totp-secret").text().replace(" ", "");
        String csrf =
                page.selectFirst("form[action=/account/totp] input[name=_csrf]").attr("value");
        assertThat(SignInSecurityTests.location(session.postForm(
                        "/account/totp", Map.of("code", Totp.code(secret, Totp.step(Dates.now())), "_csrf", csrf))))
                .endsWith("/account");
        assertThat(lastStep(username)).isPositive();
        return secret;
    }

    private HttpResponse<String> disable(WebSession session, String code) {
        return session.postForm(
                "/account/totp/disable",
                Map.of(
                        "code",
                        code,
                        "_csrf",
                        Jsoup.parse(session.getPage("/account/totp").body())
                                .selectFirst("form[action=/account/totp/disable] input[name=_csrf]")
                                .attr("value")));
    }

    /** A step the server accepts (one step of drift) and has not seen yet. */
    private static long nextStep(long lastStep) {
        return Math.max(Totp.step(Dates.now()), lastStep + 1);
    }

    private static String wrongCode(String secret) {
        long now = Totp.step(Dates.now());
        for (String candidate : List.of("000000", "999999", "123456")) {
            boolean valid = false;
            for (long s = now - 3; s <= now + 3; s++) {
                valid |= Totp.code(secret, s).equals(candidate);
            }
            if (!valid) {
                return candidate;
            }
        }
        throw new AssertionError("no wrong code");
    }

    private long lastStep(String username) {
        return jdbc.sql("SELECT coalesce(totp_last_step, 0) FROM users WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private String passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    private long lastEntry() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    private static Entry failed(String username, String check) {
        return new Entry("VERIFICATION_FAILED", username, "user", username, "{\"check\": \"" + check + "\"}");
    }

    /** The entries of the access module about the person's account or tokens, oldest first. */
    private List<Entry> entriesSince(long since, String username) {
        return jdbc.sql("""
                SELECT action, actor_username, entity_type, entity_id, after::text AS after FROM audit_event
                WHERE id > :since AND module = 'access' AND action <> 'REFUSED'
                  AND (entity_type = 'user' AND entity_id = :username OR after->>'user' = :username)
                ORDER BY id
                """)
                .param("since", since)
                .param("username", username)
                .query((rs, n) ->
                        new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
