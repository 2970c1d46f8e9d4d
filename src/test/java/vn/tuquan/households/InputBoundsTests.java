package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Bounds on input (issue 13.15) over real HTTP: a 20 MB JSON body is answered 413 before it is read
 * (with its length or sent in chunks), a page's form too; a household's head longer than its 200
 * characters is refused 400 naming {@code headName} in the caller's language, from the API, the file
 * import and the page (which shows the limit and comes back with the field's message); nothing is
 * stored by any of them.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputBoundsTests {

    static final String OFFICER = "canbo.gioihan";
    static final String PASSWORD = "mat-khau-gioi-han-2026";
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final HttpClient client = HttpClient.newHttpClient();
    WebSession officer;
    String csrf;
    long area;

    @BeforeAll
    void signIn() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        TestUsers.withRoles(
                accounts,
                OFFICER,
                "Cán Bộ Giới Hạn",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(HouseholdsFixture.namMy())),
                Scope.of(Set.of(HouseholdsFixture.namMy())));
        officer = new WebSession(port);
        officer.signIn(OFFICER, PASSWORD);
        csrf = Jsoup.parse(officer.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        // a village of its own (the one household it stores would change other classes' counts)
        area = localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.namMy(),
                        new LocalUnitForm(
                                UnitKind.RESIDENTIAL_AREA,
                                "THON",
                                "GH" + System.nanoTime() % 100_000,
                                "Thôn Giới Hạn",
                                null),
                        HouseholdsFixture.LIST_DATE)
                .id();
    }

    /** What the households' tables and the audit log hold: nothing refused may change it. */
    String stored() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM household) || '/' || (SELECT count(*) FROM household_residence) || '/'
                       || (SELECT count(*) FROM audit_event WHERE module = 'households')""").query(String.class).single();
    }

    HttpResponse<String> postJson(String path, HttpRequest.BodyPublisher body, String language) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", "TUQUAN_SESSION=" + officer.cookie("TUQUAN_SESSION"))
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Accept-Language", language)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String household(String headName) {
        return "{\"code\":\"GH-1\",\"headName\":\"" + headName
                + "\",\"address\":null,\"members\":3,\"catholic\":false}";
    }

    /** A household whose head's name has {@code length} characters, as a JSON body streamed without holding it. */
    static InputStream household(int length) {
        byte[] start = "{\"code\":\"GH-1\",\"headName\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] end = "\",\"members\":3,\"catholic\":false}".getBytes(StandardCharsets.UTF_8);
        InputStream name = new InputStream() {
            int left = length;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(
                new SequenceInputStream(new java.io.ByteArrayInputStream(start), name),
                new java.io.ByteArrayInputStream(end));
    }

    @Test
    void aTwentyMegabyteJsonBodyIsAnswered413BeforeItIsRead_withItsLengthOrInChunks_andNothingIsStored()
            throws Exception {
        String before = stored();
        String path = "/api/v1/households/areas/" + area;
        byte[] twenty = household(20 * MB).readAllBytes();
        assertThat(twenty.length).isGreaterThan(20 * MB);

        HttpResponse<String> withLength = postJson(path, HttpRequest.BodyPublishers.ofByteArray(twenty), "vi");
        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(withLength.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(withLength.body());
        assertThat(problem.get("title").asText()).isEqualTo("Yêu cầu quá lớn");
        assertThat(problem.get("detail").asText()).contains("1 MB");
        assertThat(problem.get("instance").asText()).isEqualTo(path);

        HttpResponse<String> chunked =
                postJson(path + "?lang=en", HttpRequest.BodyPublishers.ofInputStream(() -> household(20 * MB)), "en");
        assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(chunked.body()).get("title").asText()).isEqualTo("Request too large");

        // a 3 MB head of household is over the body's limit too: refused unread, as the 20 MB one
        HttpResponse<String> three =
                postJson(path, HttpRequest.BodyPublishers.ofInputStream(() -> household(3 * MB)), "vi");
        assertThat(three.statusCode()).isEqualTo(413);

        // a page's form as large: the error page, in Vietnamese, naming the limit
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", officer.csrfToken("/households/areas/" + area));
        form.put("code", "GH-1");
        form.put("headName", "a".repeat(20 * MB));
        form.put("members", "3");
        HttpResponse<String> page = officer.postForm("/households/areas/" + area, form);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Yêu cầu quá lớn");
        assertThat(Jsoup.parse(page.body()).select("p.lead").text()).contains("1 MB");

        assertThat(stored()).isEqualTo(before);
        // the session still works: nothing was left half-read
        assertThat(officer.getPage("/households/areas/" + area).statusCode()).isEqualTo(200);
    }

    @Test
    void aHeadOfHouseholdLongerThan200CharactersIsRefused400NamingHeadName_inTheCallersLanguage_andNothingIsStored()
            throws Exception {
        String before = stored();
        String path = "/api/v1/households/areas/" + area;
        HttpResponse<String> vi = postJson(path, HttpRequest.BodyPublishers.ofString(household("Ễ".repeat(201))), "vi");
        assertThat(vi.statusCode()).as(vi.body()).isEqualTo(400);
        assertThat(vi.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(vi.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("headName");
        assertThat(error.get("message").asText()).isEqualTo("Chủ hộ: dài quá 200 ký tự (có 201 ký tự).");

        // just under the body's limit: read, and refused by the field's bound
        HttpResponse<String> large =
                postJson(path + "?lang=en", HttpRequest.BodyPublishers.ofInputStream(() -> household(MB - 100)), "en");
        assertThat(large.statusCode()).isEqualTo(400);
        error = JSON.readTree(large.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("headName");
        assertThat(error.get("message").asText()).startsWith("Head of household: longer than 200 characters");

        // an address and a code too long are named as theirs
        HttpResponse<String> address = postJson(
                path,
                HttpRequest.BodyPublishers.ofString("{\"code\":\"GH-1\",\"headName\":\"Ngô Văn Dài\",\"address\":\""
                        + "x".repeat(301) + "\",\"members\":3}"),
                "vi");
        assertThat(JSON.readTree(address.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("address");
        HttpResponse<String> code = postJson(
                path,
                HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"" + "K".repeat(51) + "\",\"headName\":\"Ngô Văn Dài\",\"members\":3}"),
                "vi");
        assertThat(JSON.readTree(code.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("code");

        // exactly 200 characters are accepted (and stored whole); then the edit of it to 201 is refused
        HttpResponse<String> fits = postJson(
                path + "?asOf=2023-01-20",
                HttpRequest.BodyPublishers.ofString(household("Ễ".repeat(200)).replace("GH-1", "GH-200")),
                "vi");
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
        long id = JSON.readTree(fits.body()).get("id").asLong();
        String afterOne = stored();
        HttpResponse<String> edit = officer.sendJson(
                "PUT",
                "/api/v1/households/" + id + "?asOf=2023-01-20",
                household("Ễ".repeat(201)).replace("GH-1", "GH-200"));
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT head_name FROM household WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Ễ".repeat(200));
        assertThat(stored()).isEqualTo(afterOne);
        assertThat(afterOne).isNotEqualTo(before);
    }

    @Test
    void aFileWithAThreeMegabyteHeadIsRefusedNamingTheLineAndTheColumn_andNothingIsStored() throws Exception {
        String before = stored();
        String code = units.find(Scope.WHOLE_COUNTRY, area, HouseholdsFixture.LIST_DATE)
                .orElseThrow()
                .code();
        String csv = "area,code,head_name,address,members,catholic\n" + code + ",GH-F1,Đỗ Văn Tốt,,2,0\n" + code
                + ",GH-F2," + "a".repeat(3 * MB) + ",,2,0\n";
        String boundary = "----gioihan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ho.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/households/units/" + area
                                + "/import?asOf=2023-01-20"))
                        .header("Cookie", "TUQUAN_SESSION=" + officer.cookie("TUQUAN_SESSION"))
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "application/json")
                        .header("Accept-Language", "vi")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asText()).isEqualTo("head_name");
        assertThat(error.get("message").asText()).isEqualTo("Tên chủ hộ dài quá 200 ký tự (có 3.145.728 ký tự).");
        assertThat(stored()).isEqualTo(before);
    }

    HttpResponse<String> upload(String path, int bytes) throws Exception {
        String boundary = "----gioihan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes + 500);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ho.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\narea,code,head_name,address,members,catholic\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(new byte[bytes]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", "TUQUAN_SESSION=" + officer.cookie("TUQUAN_SESSION"))
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The households' file import documents 20 MB a file (the server's limit per file), 50 MB a request. */
    @Test
    void anUploadOverItsDocumentedLimitIsAnswered413NamingTheLimit_andNothingIsStored() throws Exception {
        String before = stored();
        String path = "/api/v1/households/units/" + area + "/import?asOf=2023-01-20";
        HttpResponse<String> file = upload(path, 21 * MB);
        assertThat(file.statusCode()).as(file.body()).isEqualTo(413);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(file.body()).get("detail").asText()).contains("20 MB");
        HttpResponse<String> request = upload(path, 51 * MB);
        assertThat(request.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(request.body()).get("detail").asText()).contains("50 MB");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theHouseholdFormShowsItsLimits_andATooLongHeadComesBackWithTheFieldsMessage() {
        String before = stored();
        String list = "/households/areas/" + area;
        Document page = Jsoup.parse(officer.getPage(list).body());
        assertThat(page.selectFirst("input#headName").attr("maxlength")).isEqualTo("200");
        assertThat(page.selectFirst("input#address").attr("maxlength")).isEqualTo("300");
        assertThat(page.selectFirst("input#code").attr("maxlength")).isEqualTo("50");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", page.selectFirst("input[name=_csrf]").attr("value"));
        form.put("code", "GH-P1");
        form.put("headName", "Ễ".repeat(201));
        form.put("members", "3");
        HttpResponse<String> refused = officer.postForm(list, form);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select(".alert-danger").text()).isEqualTo("Chủ hộ: dài quá 200 ký tự (có 201 ký tự).");
        assertThat(again.selectFirst("input#headName").hasClass("is-invalid")).isTrue();
        assertThat(again.selectFirst("input#code").attr("value"))
                .as("what was typed is kept")
                .isEqualTo("GH-P1");
        assertThat(stored()).isEqualTo(before);
    }
}
