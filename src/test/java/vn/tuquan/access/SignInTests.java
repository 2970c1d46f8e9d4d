package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.shared.Scope;

@TuquanTest
class SignInTests {

    static final String USERNAME = "kiemthu";
    static final String PASSWORD = "mat-khau-kiem-thu-2026";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession session;

    @BeforeEach
    void setUp() {
        accounts.createIfAbsent(USERNAME, "Người Kiểm Thử", PASSWORD);
        session = new WebSession(port);
    }

    @Test
    void pagesNeedSignInAndTheLoginPageIsVietnamese() {
        HttpResponse<String> home = session.getPage("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        var login = Jsoup.parse(session.getPage("/login").body());
        assertThat(login.selectFirst("html").attr("lang")).isEqualTo("vi");
        assertThat(login.selectFirst("h1").text()).isEqualTo("Đăng nhập");
        assertThat(login.selectFirst("label[for=username]").text()).isEqualTo("Tên đăng nhập");
        assertThat(login.selectFirst("label[for=password]").text()).isEqualTo("Mật khẩu");
        assertThat(login.selectFirst("input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void signingInWithTheRightPasswordOpensTheHomePage() {
        // the menu offers only the areas a person may open (issue 13.5): a steering-committee member reads these
        TestUsers.withRoles(
                accounts,
                USERNAME,
                "Người Kiểm Thử",
                PASSWORD,
                Set.of("STEERING_VIEWER"),
                Scope.WHOLE_COUNTRY,
                Scope.WHOLE_COUNTRY);
        HttpResponse<String> signIn = session.signIn(USERNAME, PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        var home = Jsoup.parse(session.getPage("/").body());
        assertThat(home.selectFirst("h1").text()).isEqualTo("Xin chào, Người Kiểm Thử!");
        assertThat(home.select("nav a.nav-link").eachText()).contains("Đơn vị", "Sổ phong trào", "Đánh giá");
        assertThat(home.selectFirst("#today").text()).matches("Hôm nay là \\d{2}/\\d{2}/\\d{4}\\.");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        HttpResponse<String> signIn = session.signIn(USERNAME, "not-the-password");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        var page = Jsoup.parse(session.getPage("/login?error").body());
        assertThat(page.selectFirst(".alert-danger").text()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(session.getPage("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRejected() {
        HttpResponse<String> post = session.postForm("/login", Map.of("username", USERNAME, "password", PASSWORD));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(session.getPage("/").statusCode()).isEqualTo(302);
    }

    @Test
    void passwordsAreStoredWithArgon2id() {
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = :u")
                .param("u", USERNAME)
                .query(String.class)
                .single();
        assertThat(hash)
                .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$")
                .doesNotContain(PASSWORD);
    }

    /** A passphrase of 128 Vietnamese characters (over 72 bytes in UTF-8: bcrypt could not hash it) signs in. */
    @Test
    void aLongVietnamesePassphraseIsStoredAndSignsIn() {
        String passphrase = vietnamese(128);
        assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(128);
        assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThan(150);
        accounts.createIfAbsent("cumtu.dai", "Người Cụm Từ Dài", passphrase);
        WebSession person = new WebSession(port);
        assertThat(person.signIn("cumtu.dai", passphrase)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        assertThat(person.signIn("cumtu.dai", passphrase.substring(0, passphrase.length() - 1) + "x")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?error");

        // and it is changed on the page to another one as long
        String another = vietnamese(128).replace('Đ', 'Ư');
        WebSession changing = new WebSession(port);
        changing.signIn("cumtu.dai", passphrase);
        var form = Jsoup.parse(changing.getPage("/account/password").body());
        HttpResponse<String> changed = changing.postForm(
                "/account/password",
                Map.of(
                        "_csrf",
                        form.selectFirst("main form input[name=_csrf]").attr("value"),
                        "currentPassword",
                        passphrase,
                        "newPassword",
                        another,
                        "confirmPassword",
                        another));
        assertThat(changed.statusCode()).as(changed.body()).isIn(200, 302);
        assertThat(new WebSession(port)
                        .signIn("cumtu.dai", another)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
    }

    /** An account whose hash is still bcrypt signs in, and its hash is then Argon2id. */
    @Test
    void aBcryptHashIsVerifiedAndReplacedByArgon2idAtSignIn() {
        String password = "mat-khau-cu-bcrypt-2019";
        accounts.createIfAbsent("nguoi.cu", "Người Dùng Cũ", "mot-mat-khau-tam-2026");
        jdbc.sql("UPDATE users SET password_hash = :h WHERE username = 'nguoi.cu'")
                .param(
                        "h",
                        "{bcrypt}"
                                + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                                        .encode(password))
                .update();
        assertThat(new WebSession(port)
                        .signIn("nguoi.cu", "khong-phai-mat-khau")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?error");
        assertThat(hashOf("nguoi.cu")).as("a failed sign-in changes nothing").startsWith("{bcrypt}");
        assertThat(new WebSession(port)
                        .signIn("nguoi.cu", vietnamese(60))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("over 72 bytes against a bcrypt hash: not a match, no error")
                .endsWith("/login?error");
        assertThat(new WebSession(port)
                        .signIn("nguoi.cu", password)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        assertThat(hashOf("nguoi.cu")).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(new WebSession(port)
                        .signIn("nguoi.cu", password)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
    }

    String hashOf(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    /** The first {@code length} characters of a Vietnamese sentence said over and over. */
    static String vietnamese(int length) {
        String sentence = "Đêm trăng sáng ngõ xóm bình yên, nhà nhà khóa cửa, tiếng kẻng an toàn vang lên ở đầu làng. ";
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            text.append(sentence);
        }
        return text.substring(0, text.offsetByCodePoints(0, length));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        HttpResponse<String> login = session.getPage("/login");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("TUQUAN_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void signingOutEndsTheSession() {
        session.signIn(USERNAME, PASSWORD);
        String token = Jsoup.parse(session.getPage("/").body())
                .selectFirst("form[action=/logout] input[name=_csrf]")
                .attr("value");
        HttpResponse<String> logout = session.postForm("/logout", Map.of("_csrf", token));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(session.getPage("/").statusCode()).isEqualTo(302);
    }
}
