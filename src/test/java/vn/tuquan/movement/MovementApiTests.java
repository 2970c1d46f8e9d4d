package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/** The movement API's writes over real HTTP: JSON bodies, refusals as problems, attachments. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Conferences conferences;

    final HttpClient client = HttpClient.newHttpClient();
    String cookie;
    String csrf;

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        TestUsers.administrator(accounts, MovementFixture.USERNAME, "Cán Bộ Phong Trào", MovementFixture.PASSWORD);
        WebSession session = new WebSession(port);
        session.signIn(MovementFixture.USERNAME, MovementFixture.PASSWORD);
        cookie = "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION");
        csrf = Jsoup.parse(session.getPage("/movement").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", cookie)
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Accept-Language", "vi")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String path, String contentType, byte[] content) throws Exception {
        String boundary = "----movement" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bien-ban.pdf\"\r\n"
                        + "Content-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", cookie)
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAwardWithoutADecisionIsAProblemNamingTheField() throws Exception {
        String path = "/api/v1/movement/units/" + MovementFixture.secondParish + "/awards";
        HttpResponse<String> refused = post(path, """
                {"titleCode": "ADVANCED_PARISH", "year": 2016, "decidingBody": "UBND tỉnh Nam Định"}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(refused.body()).contains("decisionNumber").contains("Khen thưởng phải có số quyết định");
        HttpResponse<String> created = post(path, """
                {"titleCode": "ADVANCED_PARISH", "year": 2016, "decidingBody": "UBND tỉnh Nam Định",
                 "decisionNumber": "1234/QĐ-UBND", "decidedOn": "2016-12-28"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("1234/QĐ-UBND");
    }

    @Test
    void aModelOfTheWrongKindIsRefusedOverTheApi() throws Exception {
        HttpResponse<String> refused = post("/api/v1/movement/units/" + MovementFixture.pagoda + "/models", """
                {"typeCode": "SAFE_SCHOOL", "name": "Trường học an toàn", "startedOn": "2016-01-01"}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("typeCode");
        HttpResponse<String> created = post("/api/v1/movement/units/" + MovementFixture.pagoda + "/models", """
                {"typeCode": "DILIGENT_PAGODA", "name": "Chùa Cả tinh tiến", "startedOn": "2016-01-01",
                 "campaigns": ["Toàn dân đoàn kết xây dựng đời sống văn hóa"]}""");
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void attachmentsAreUploadedAndRefusedOverTheApi() throws Exception {
        Conference c = conferences.record(
                Caller.SYSTEM,
                MovementFixture.haLong,
                new Conference.Form(
                        Conference.Kind.INTERIM,
                        "Sơ kết mô hình camera",
                        LocalDate.of(2016, 7, 1),
                        LocalDate.of(2016, 1, 1),
                        LocalDate.of(2016, 6, 30),
                        40,
                        null,
                        List.of()));
        String path = "/api/v1/movement/units/" + MovementFixture.haLong + "/conferences/" + c.id() + "/attachments";
        HttpResponse<String> ok = upload(path, "application/pdf", "%PDF-1.7 biên bản".getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(201);
        HttpResponse<String> html =
                upload(path, "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(400);
        long attachmentId = conferences
                .attachments(Caller.SYSTEM.view(), MovementFixture.haLong, c.id())
                .get(0)
                .id();
        HttpResponse<String> read = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/movement/units/"
                                + MovementFixture.haLong + "/attachments/" + attachmentId))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
    }
}
