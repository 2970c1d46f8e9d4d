package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.TuquanApplication;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;

/**
 * Two nodes of Tuquan on one PostgreSQL share their sessions (Spring Session JDBC): sign in on
 * node A, use the session cookie on node B, sign out on B, and A has forgotten it too.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=sign-in")
class SharedSessionTests {

    @LocalServerPort
    int portA;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    UserAccounts accounts;

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOther() throws Exception {
        accounts.createIfAbsent("hai.nut", "Người Hai Nút", "mat-khau-hai-nut");
        WebSession onA = new WebSession(portA);
        onA.signIn("hai.nut", "mat-khau-hai-nut");
        assertThat(onA.getPage("/").statusCode()).isEqualTo(200);
        String cookie = onA.cookie("TUQUAN_SESSION");
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM spring_session WHERE principal_name = 'hai.nut'")
                        .query(Long.class)
                        .single())
                .as("the session is a row in PostgreSQL")
                .isEqualTo(1L);

        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(TuquanApplication.class)
                .run(
                        "--tuquan.data-directory=" + FreshDataDirectory.create(),
                        "--server.port=0",
                        "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                        "--spring.datasource.username=" + dataSource.getUsername(),
                        "--spring.datasource.password=" + dataSource.getPassword(),
                        "--management.server.port=0")) {
            int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
            assertThat(portB).isNotEqualTo(portA);

            HttpResponse<String> home = get(portB, "/", cookie);
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(home.body()).selectFirst("h1").text()).isEqualTo("Xin chào, Người Hai Nút!");

            String csrf = Jsoup.parse(home.body())
                    .selectFirst("form[action=/logout] input[name=_csrf]")
                    .attr("value");
            HttpResponse<String> logout = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/logout"))
                                    .header("Cookie", "TUQUAN_SESSION=" + cookie)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        }
        assertThat(onA.getPage("/").statusCode())
                .as("signed out on B means signed out on A")
                .isEqualTo(302);
    }

    static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Cookie", "TUQUAN_SESSION=" + cookie)
                                .header("Accept", "text/html")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
