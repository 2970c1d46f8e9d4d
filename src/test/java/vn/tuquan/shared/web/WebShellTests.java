package vn.tuquan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;

/** Language, areas, errors, API and operations endpoints over real HTTP. */
@TuquanTest
class WebShellTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    UserAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();
    WebSession session;

    @BeforeEach
    void signIn() {
        TestUsers.administrator(accounts, "vo.thi.mai", "Võ Thị Mai", "mat-khau-cua-mai");
        session = new WebSession(port);
        session.signIn("vo.thi.mai", "mat-khau-cua-mai");
    }

    @Test
    void englishIsOneClickAwayAndRemembered() {
        var english = Jsoup.parse(session.getPage("/?lang=en").body());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Hello, Võ Thị Mai!");

        var later = Jsoup.parse(session.getPage("/units").body());
        assertThat(later.selectFirst("h1").text()).isEqualTo("Units");

        var back = Jsoup.parse(session.getPage("/?lang=vi").body());
        assertThat(back.selectFirst("h1").text()).isEqualTo("Xin chào, Võ Thị Mai!");
        var unsupported = Jsoup.parse(session.getPage("/?lang=fr").body());
        assertThat(unsupported.selectFirst("html").attr("lang")).isEqualTo("vi");
    }

    @Test
    void everyAreaThatIsNotBuiltSaysSoPlainly() {
        for (Area area : Area.values()) {
            if (area.built()) {
                continue;
            }
            HttpResponse<String> response = session.getPage(area.path());
            assertThat(response.statusCode()).as(area.path()).isEqualTo(200);
            var page = Jsoup.parse(response.body());
            assertThat(page.selectFirst(".alert h2").text()).isEqualTo("Phần này chưa được xây dựng");
            assertThat(page.selectFirst("nav a[aria-current=page]").attr("href"))
                    .isEqualTo(area.path());
        }
    }

    @Test
    void aMissingPageIsAFriendlyVietnamesePage() {
        HttpResponse<String> response = session.getPage("/khong-co-trang-nay");
        assertThat(response.statusCode()).isEqualTo(404);
        var page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Không tìm thấy");
        assertThat(page.selectFirst("a.btn").attr("href")).isEqualTo("/");
    }

    @Test
    void apiErrorsAreProblemJsonInTheCallersLanguage() {
        HttpResponse<String> missing = session.get("/api/v1/khong-co");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(missing.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asString()).isEqualTo("Không tìm thấy");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/khong-co");

        HttpResponse<String> anonymous = new WebSession(port).get("/api/v1/system", "Cookie", "TUQUAN_LANG=en");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(anonymous.body()).get("title").asString()).isEqualTo("Sign-in required");
    }

    @Test
    void theApiAnswersAndIsDocumentedInOpenApi() {
        JsonNode system = json.readTree(session.get("/api/v1/system").body());
        assertThat(system.get("database").asString()).startsWith("PostgreSQL 17");
        assertThat(system.get("databaseMode").asString()).isEqualTo("embedded");

        JsonNode me = json.readTree(session.get("/api/v1/me").body());
        assertThat(me.get("displayName").asString()).isEqualTo("Võ Thị Mai");

        JsonNode openApi = json.readTree(session.get("/v3/api-docs").body());
        assertThat(openApi.get("paths").has("/api/v1/system")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/me")).isTrue();
        assertThat(session.getPage("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    /**
     * Issue 13.16: health, metrics and info are served on the management port, bound to 127.0.0.1
     * only, so a reverse proxy on the machine (which forwards the main port) publishes none of them;
     * the main port answers the load balancer's probes and nothing else of the actuator.
     */
    @Test
    void healthAndMetricsAreOnTheManagementPortOnLoopbackOnly_andTheMainPortServesNoneOfThem() {
        WebSession management = new WebSession(managementPort);
        JsonNode health = json.readTree(management.get("/actuator/health").body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asString()).isEqualTo("PostgreSQL");
        HttpResponse<String> metrics = management.get("/actuator/prometheus");
        assertThat(metrics.statusCode())
                .as("Prometheus scrapes the machine itself")
                .isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections_active");
        assertThat(management.get("/actuator/metrics").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/info").body()).contains("Tuquan");

        // the main port: no metrics, health or info for anyone, signed in or not
        WebSession anonymous = new WebSession(port);
        for (String path : List.of(
                "/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator/info", "/actuator")) {
            for (WebSession caller : List.of(anonymous, session)) {
                HttpResponse<String> answer = caller.get(path);
                assertThat(answer.statusCode()).as(path).isIn(404);
                assertThat(answer.body())
                        .as(path)
                        .doesNotContain("jvm_memory")
                        .doesNotContain("hikaricp")
                        .doesNotContain("\"components\"");
            }
        }
        // the load balancer's probes stay on the main port, for anyone
        assertThat(json.readTree(anonymous.get("/readyz").body()).get("status").asString())
                .isEqualTo("UP");
        assertThat(json.readTree(anonymous.get("/livez").body()).get("status").asString())
                .isEqualTo("UP");
    }

    /**
     * The management port listens on 127.0.0.1 only, not on every address of the machine: another
     * address of it (127.0.0.2, on the loopback interface like any of the machine's, so that this holds
     * on any machine) is refused there, while the main port, which listens on every address, answers it.
     */
    @Test
    void theManagementPortListensOn127001Only() throws Exception {
        assertThat(connects("127.0.0.1", managementPort)).isTrue();
        assertThat(connects("127.0.0.2", port))
                .as("the main port, on every address")
                .isTrue();
        assertThat(connects("127.0.0.2", managementPort))
                .as("the management port, on another address")
                .isFalse();
    }

    private static boolean connects(String address, int port) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getByName(address), port), 5_000);
            return true;
        } catch (java.net.ConnectException refused) {
            return false;
        }
    }
}
