package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.internal.Totp;
import vn.tuquan.shared.Dates;

/**
 * Issue 4, sign-in and sessions, over real HTTP on a real database: lock-out, the second factor,
 * passwords, signing out everywhere, personal access tokens, HSTS.
 */
@TuquanTest
@Tag("clock")
@TestPropertySource(
        properties = {"tuquan.test.database=sign-in", "tuquan.security.second-factor-for-sensitive-data=true"})
class SignInSecurityTests {

    static final String PASSWORD = "mat-khau-dai-du-roi";
    static final DateTimeFormatter VIETNAM_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.tuquan.shared.FieldCipher cipher;

    @Autowired
    WebApplicationContext web;

    @Autowired
    PersonalAccessTokens tokens;

    WebSession newUser(String username) {
        accounts.createIfAbsent(username, "Người " + username, PASSWORD);
        return new WebSession(port);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    // --- lock-out ---------------------------------------------------------------------------

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutesWithAClearNotice() {
        WebSession session = newUser("khoa.nam");
        for (int i = 1; i <= 4; i++) {
            assertThat(location(session.signIn("khoa.nam", "sai-mat-khau-" + i)))
                    .endsWith("/login?error");
        }
        Instant before = Dates.now();
        assertThat(location(session.signIn("khoa.nam", "sai-mat-khau-5"))).endsWith("/login?locked");
        OffsetDateTime lockedUntil = jdbc.sql("SELECT locked_until FROM users WHERE username = 'khoa.nam'")
                .query(OffsetDateTime.class)
                .single();
        assertThat(lockedUntil.toInstant())
                .isBetween(before.plusSeconds(15 * 60 - 5), Dates.now().plusSeconds(15 * 60));

        var page = Jsoup.parse(session.getPage("/login?locked").body());
        assertThat(page.selectFirst("#locked").text())
                .contains(
                        "Tài khoản tạm bị khóa đến " + VIETNAM_TIME.format(lockedUntil.toInstant()) + " (giờ Việt Nam)")
                .contains("./tuquan user unlock");

        assertThat(location(session.signIn("khoa.nam", PASSWORD)))
                .as("the right password while locked")
                .endsWith("/login?locked");
        assertThat(session.getPage("/").statusCode()).isEqualTo(302);

        assertThat(accounts.unlock("khoa.nam")).isTrue();
        assertThat(location(session.signIn("khoa.nam", PASSWORD))).doesNotContain("login");
        assertThat(session.getPage("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        WebSession session = newUser("dem.lai");
        for (int i = 0; i < 4; i++) {
            session.signIn("dem.lai", "sai-" + i);
        }
        assertThat(location(session.signIn("dem.lai", PASSWORD))).doesNotContain("login");
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM users WHERE username = 'dem.lai'")
                        .query(Integer.class)
                        .single())
                .isZero();
        WebSession again = new WebSession(port);
        for (int i = 0; i < 4; i++) {
            assertThat(location(again.signIn("dem.lai", "sai-lan-hai-" + i))).endsWith("/login?error");
        }
    }

    @Test
    void anUnknownUsernameGetsExactlyTheSameAnswersAsAKnownOne() {
        newUser("co.that");
        WebSession known = new WebSession(port);
        WebSession unknown = new WebSession(port);
        for (int i = 1; i <= 6; i++) {
            String a = location(known.signIn("co.that", "sai-" + i));
            String b = location(unknown.signIn("khong.co.ai", "sai-" + i));
            assertThat(b).as("attempt " + i).isEqualTo(a);
        }
        assertThat(Jsoup.parse(unknown.getPage("/login?locked").body()).selectFirst("#locked"))
                .isNotNull();
        var wrong =
                Jsoup.parse(new WebSession(port).getPage("/login?error").body()).selectFirst(".alert-danger");
        assertThat(wrong.text()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    // --- second factor ----------------------------------------------------------------------

    @Test
    void enrolThenSignInWithTheCodeWhichCannotBeUsedTwice() {
        WebSession session = newUser("hai.lop");
        session.signIn("hai.lop", PASSWORD);
        var enrol = Jsoup.parse(session.getPage("/account/totp").body());
        String secret = enrol.selectFirst("#totp-secret").text().replace(" ", "");
        assertThat(enrol.selectFirst("img.totp-qr").attr("src")).startsWith("data:image/svg+xml;base64,");
        String csrf = enrol.selectFirst("form[action=/account/totp] input[name=_csrf]")
                .attr("value");
        String code = Totp.code(secret, Totp.step(Dates.now()));
        HttpResponse<String> confirmed = session.postForm("/account/totp", Map.of("code", code, "_csrf", csrf));
        assertThat(location(confirmed)).endsWith("/account");
        String stored = jdbc.sql("SELECT totp_secret FROM users WHERE username = 'hai.lop'")
                .query(String.class)
                .single();
        assertThat(stored).as("stored encrypted").startsWith("v1:").doesNotContain(secret);
        assertThat(cipher.decrypt(stored)).isEqualTo(secret);
        long usedStep = jdbc.sql("SELECT totp_last_step FROM users WHERE username = 'hai.lop'")
                .query(Long.class)
                .single();

        WebSession next = new WebSession(port);
        assertThat(location(next.signIn("hai.lop", PASSWORD))).endsWith("/login/code");
        assertThat(next.getPage("/").statusCode())
                .as("the password alone does not sign in")
                .isEqualTo(302);
        assertThat(location(postCode(next, Totp.code(secret, usedStep))))
                .as("a code already used")
                .endsWith("/login/code?error");
        assertThat(location(postCode(next, Totp.code(secret, usedStep + 1)))).doesNotContain("login");
        var home = next.getPage("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(home.body()).selectFirst("h1").text()).isEqualTo("Xin chào, Người hai.lop!");
    }

    @Test
    void wrongCodesCountTowardsTheLockOut() {
        WebSession session = newUser("ma.sai");
        String secret = Totp.newSecret();
        jdbc.sql("UPDATE users SET totp_secret = :s WHERE username = 'ma.sai'")
                .param("s", cipher.encrypt(secret))
                .update();
        assertThat(location(session.signIn("ma.sai", PASSWORD))).endsWith("/login/code");
        long now = Totp.step(Dates.now());
        String wrong = "000000";
        for (long s = now - 2; s <= now + 2; s++) {
            if (Totp.code(secret, s).equals(wrong)) {
                wrong = "999999";
            }
        }
        for (int i = 1; i <= 4; i++) {
            assertThat(location(postCode(session, wrong))).endsWith("/login/code?error");
        }
        assertThat(location(postCode(session, wrong))).endsWith("/login?locked");
        assertThat(Jsoup.parse(session.getPage("/login?locked").body()).selectFirst("#locked"))
                .isNotNull();
    }

    @Test
    void whoMustUseASecondFactorIsSentToEnrolFirst() {
        WebSession session = newUser("bat.buoc");
        accounts.setSecondFactorRequired("bat.buoc", true);
        assertThat(accounts.requiresSecondFactor("bat.buoc")).isTrue();
        session.signIn("bat.buoc", PASSWORD);
        HttpResponse<String> home = session.getPage("/");
        assertThat(location(home)).endsWith("/account/totp?required");
        assertThat(session.get("/api/v1/me", "Accept", "application/json").statusCode())
                .isEqualTo(403);
        var page = Jsoup.parse(session.getPage("/account/totp?required").body());
        assertThat(page.selectFirst(".alert-warning").text()).contains("bắt buộc");
    }

    /**
     * Issue 13.23: someone signed in before the rule came to apply to them (here --require-totp) still
     * reaches their tokens page, while the API refuses their tokens: the page says so and links the enrolment.
     */
    @Test
    void theTokensPageSaysWhenTheApiRefusesThePersonsTokensUntilTheyEnrol() {
        WebSession later = newUser("bat.buoc.sau");
        assertThat(location(later.signIn("bat.buoc.sau", PASSWORD))).doesNotContain("login");
        var before = Jsoup.parse(later.getPage("/account/tokens").body());
        assertThat(before.selectFirst("#second-factor-needed")).isNull();

        accounts.setSecondFactorRequired("bat.buoc.sau", true);
        HttpResponse<String> page = later.getPage("/account/tokens");
        assertThat(page.statusCode()).isEqualTo(200);
        var warning = Jsoup.parse(page.body()).selectFirst("#second-factor-needed");
        assertThat(warning).isNotNull();
        assertThat(warning.text()).contains("403");
        assertThat(warning.selectFirst("a[href=/account/totp]")).isNotNull();
        String token = tokens.create("bat.buoc.sau", "thử", 1).token();
        assertThat(HttpClient.newHttpClient()
                        .sendAsync(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Accept", "application/json")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .join()
                        .statusCode())
                .as("as the page says")
                .isEqualTo(403);
    }

    @Test
    void whoMayReadSensitiveRegistersMustUseASecondFactor() {
        WebSession session = newUser("doc.nhay.cam");
        assertThat(accounts.requiresSecondFactor("doc.nhay.cam")).isFalse();
        var id = accounts.findByUsername("doc.nhay.cam").orElseThrow().id();
        accounts.assign(
                vn.tuquan.shared.Caller.SYSTEM,
                id,
                java.util.Set.of("PROVINCIAL_OFFICER"),
                vn.tuquan.shared.Scope.WHOLE_COUNTRY,
                vn.tuquan.shared.Scope.WHOLE_COUNTRY);
        assertThat(accounts.requiresSecondFactor("doc.nhay.cam"))
                .as("PROVINCIAL_OFFICER holds SENSITIVE_READ")
                .isTrue();
        session.signIn("doc.nhay.cam", PASSWORD);
        assertThat(location(session.getPage("/"))).endsWith("/account/totp?required");
    }

    static HttpResponse<String> postCode(WebSession session, String code) {
        String csrf = session.csrfToken("/login/code");
        return session.postForm("/login/code", Map.of("code", code, "_csrf", csrf));
    }

    // --- passwords and sessions -------------------------------------------------------------

    @Test
    void changingThePasswordFollowsThePolicyAndEndsTheOtherSessions() {
        WebSession session = newUser("doi.mk");
        WebSession other = new WebSession(port);
        session.signIn("doi.mk", PASSWORD);
        other.signIn("doi.mk", PASSWORD);

        var refused = Jsoup.parse(changePassword(session, PASSWORD, "ngan-qua").body());
        assertThat(refused.selectFirst("#password-problem").text()).isEqualTo("Mật khẩu phải dài ít nhất 12 ký tự.");
        refused = Jsoup.parse(changePassword(session, PASSWORD, "password1234").body());
        assertThat(refused.selectFirst("#password-problem").text()).contains("quá phổ biến");
        refused = Jsoup.parse(changePassword(session, "khong-phai-mat-khau", "mot cau that dai")
                .body());
        assertThat(refused.selectFirst("#password-problem").text()).isEqualTo("Mật khẩu hiện tại không đúng.");

        assertThat(location(changePassword(session, PASSWORD, "mot cau that dai")))
                .endsWith("/account");
        assertThat(session.getPage("/account").statusCode()).isEqualTo(200);
        assertThat(other.getPage("/").statusCode())
                .as("the other session ended")
                .isEqualTo(302);
        assertThat(location(new WebSession(port).signIn("doi.mk", "mot cau that dai")))
                .doesNotContain("login");
    }

    static HttpResponse<String> changePassword(WebSession session, String current, String next) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("currentPassword", current);
        form.put("newPassword", next);
        form.put("confirmPassword", next);
        form.put("_csrf", session.csrfToken("/account/password"));
        return session.postForm("/account/password", form);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfThePerson() {
        WebSession phone = newUser("moi.noi");
        WebSession desktop = new WebSession(port);
        WebSession someoneElse = newUser("nguoi.khac");
        phone.signIn("moi.noi", PASSWORD);
        desktop.signIn("moi.noi", PASSWORD);
        someoneElse.signIn("nguoi.khac", PASSWORD);
        var account = Jsoup.parse(desktop.getPage("/account").body());
        assertThat(account.selectFirst("#account-sessions").text()).isEqualTo("2 phiên đang mở");
        String csrf = account.selectFirst("form[action=/account/sign-out-everywhere] input[name=_csrf]")
                .attr("value");

        HttpResponse<String> out = desktop.postForm("/account/sign-out-everywhere", Map.of("_csrf", csrf));
        assertThat(location(out)).endsWith("/login?signedOutEverywhere");
        assertThat(desktop.getPage("/").statusCode()).isEqualTo(302);
        assertThat(phone.getPage("/").statusCode()).isEqualTo(302);
        assertThat(someoneElse.getPage("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'moi.noi'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // --- personal access tokens -------------------------------------------------------------

    @Test
    void aTokenIsShownOnceStoredHashedAndWorksUntilRevoked() throws Exception {
        WebSession session = newUser("co.token");
        session.signIn("co.token", PASSWORD);
        String csrf = session.csrfToken("/account/tokens");
        var created = Jsoup.parse(
                session.postForm("/account/tokens", Map.of("name", "báo cáo tự động", "days", "30", "_csrf", csrf))
                        .body());
        String token = created.selectFirst("#created-token").text();
        assertThat(token).startsWith("tq_").hasSize(3 + 43);
        assertThat(session.getPage("/account/tokens").body()).doesNotContain(token);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM access_tokens WHERE encode(token_hash, 'escape') LIKE '%' || :t || '%'")
                        .param("t", token.substring(3))
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> me = bearer("GET", "/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"co.token\"");
        assertThat(me.headers().allValues("Set-Cookie"))
                .as("a bearer request makes no session")
                .isEmpty();
        assertThat(jdbc.sql("SELECT last_used_at FROM access_tokens t JOIN users u ON u.id = t.user_id "
                                + "WHERE u.username = 'co.token'")
                        .query(OffsetDateTime.class)
                        .single())
                .isNotNull();
        assertThat(bearer("POST", "/api/v1/me", token).statusCode())
                .as("no CSRF token needed with a bearer token: the method is refused, not the request")
                .isEqualTo(405);
        assertThat(session.postForm("/api/v1/me", Map.of()).statusCode())
                .as("a cookie session still needs the CSRF token")
                .isEqualTo(403);

        long id = jdbc.sql(
                        "SELECT t.id FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = 'co.token'")
                .query(Long.class)
                .single();
        String csrf2 = session.csrfToken("/account/tokens");
        WebSession stranger = newUser("nguoi.la");
        stranger.signIn("nguoi.la", PASSWORD);
        assertThat(stranger.postForm(
                                "/account/tokens/" + id + "/revoke",
                                Map.of("_csrf", stranger.csrfToken("/account/tokens")))
                        .statusCode())
                .as("someone else's token cannot be revoked")
                .isEqualTo(404);
        assertThat(bearer("GET", "/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(location(session.postForm("/account/tokens/" + id + "/revoke", Map.of("_csrf", csrf2))))
                .endsWith("/account/tokens");
        HttpResponse<String> revoked = bearer("GET", "/api/v1/me", token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(revoked.body()).contains("Token không hợp lệ");
    }

    @Test
    void expiredAndMadeUpTokensAreRefused() throws Exception {
        newUser("het.han");
        var created = accounts.findByUsername("het.han").orElseThrow();
        String token = tokens.create("het.han", "cli", 7).token();
        assertThat(bearer("GET", "/api/v1/me", token).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE access_tokens SET expires_at = :past WHERE user_id = :id")
                .param("past", Dates.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
                .param("id", created.id().value())
                .update();
        // a token's answer is kept a few seconds with its expiry; a change made straight in the database
        // (not through Tuquan) is seen once that time is over — here at once
        tokens.forget();
        assertThat(bearer("GET", "/api/v1/me", token).statusCode()).isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/me", "tq_made-up").statusCode()).isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/me", "not-even-ours").statusCode()).isEqualTo(401);
        accounts.disable("het.han");
    }

    @Test
    void aRevokedTokenOrADisabledAccountIsRefusedAtOnceAndANewRoleCountsAtOnce() throws Exception {
        newUser("thu.hoi");
        String token = tokens.create("thu.hoi", "cli", 7).token();
        long tokenId = tokens.list("thu.hoi").get(0).id();
        assertThat(bearer("GET", "/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/units", token).statusCode())
                .as("no UNITS_READ yet")
                .isEqualTo(403);
        vn.tuquan.TestUsers.withRoles(
                accounts,
                "thu.hoi",
                "Thu Hồi",
                PASSWORD,
                java.util.Set.of("STEERING_VIEWER"),
                vn.tuquan.shared.Scope.NOTHING,
                vn.tuquan.shared.Scope.WHOLE_COUNTRY);
        assertThat(bearer("GET", "/api/v1/units", token).statusCode())
                .as("the role counts at once")
                .isEqualTo(200);
        assertThat(tokens.revoke("thu.hoi", tokenId)).isTrue();
        assertThat(bearer("GET", "/api/v1/me", token).statusCode())
                .as("revoked")
                .isEqualTo(401);

        String second = tokens.create("thu.hoi", "cli", 7).token();
        assertThat(bearer("GET", "/api/v1/me", second).statusCode()).isEqualTo(200);
        accounts.disable("thu.hoi");
        assertThat(bearer("GET", "/api/v1/me", second).statusCode())
                .as("disabled")
                .isEqualTo(401);
    }

    @Test
    void aTokenCarriesExactlyItsPersonsPermissions() throws Exception {
        newUser("khong.quyen");
        String without = tokens.create("khong.quyen", "thử", 1).token();
        vn.tuquan.TestUsers.withRoles(
                accounts,
                "co.quyen",
                "Có Quyền",
                PASSWORD,
                java.util.Set.of("STEERING_VIEWER"),
                vn.tuquan.shared.Scope.NOTHING,
                vn.tuquan.shared.Scope.WHOLE_COUNTRY);
        String with = tokens.create("co.quyen", "thử", 1).token();
        assertThat(bearer("GET", "/api/v1/me", without).statusCode()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/units", without).statusCode())
                .as("no UNITS_READ")
                .isEqualTo(403);
        assertThat(bearer("GET", "/api/v1/units", with).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // --- web security -----------------------------------------------------------------------

    @Test
    void hstsIsSentOnlyOverTls() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void errorPagesShowNoStackTrace() {
        WebSession session = newUser("loi.trang");
        session.signIn("loi.trang", PASSWORD);
        HttpResponse<String> missing = session.getPage("/account/tokens/not-a-number/revoke");
        assertThat(missing.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(missing.body())
                .doesNotContain("Exception")
                .doesNotContain("at vn.tuquan")
                .doesNotContain("at org.");
    }
}
