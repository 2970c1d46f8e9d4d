package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;

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
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        var login = Jsoup.parse(session.getPage("/login").body());
        assertThat(login.selectFirst("html").attr("lang")).isEqualTo("vi");
        assertThat(login.selectFirst("h1").text()).isEqualTo("Đăng nhập");
        assertThat(login.selectFirst("label[for=username]").text()).isEqualTo("Tên đăng nhập");
        assertThat(login.selectFirst("label[for=password]").text()).isEqualTo("Mật khẩu");
        assertThat(login.selectFirst("input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void signingInWithTheRightPasswordOpensTheHomePage() {
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
    void passwordsAreStoredWithAModernHash() {
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = :u").param("u", USERNAME)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        HttpResponse<String> login = session.getPage("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("TUQUAN_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void signingOutEndsTheSession() {
        session.signIn(USERNAME, PASSWORD);
        String token = Jsoup.parse(session.getPage("/").body()).selectFirst("form[action=/logout] input[name=_csrf]")
                .attr("value");
        HttpResponse<String> logout = session.postForm("/logout", Map.of("_csrf", token));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(session.getPage("/").statusCode()).isEqualTo(302);
    }
}
