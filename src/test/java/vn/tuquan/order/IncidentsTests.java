package vn.tuquan.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tuquan.TuquanTest;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.internal.IncidentStore;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * The register of incidents over real HTTP and the embedded PostgreSQL: period boundaries in
 * Vietnam's time, the idempotent ingest (retry, reused key, concurrent duplicates), scope,
 * validation, status transitions, withdrawal and the all-or-nothing CSV import.
 */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=" + IncidentsFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentsTests {

    static final ObjectMapper JSON = new ObjectMapper();

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
    Incidents incidents;

    @Autowired
    IncidentStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    HttpClient client;
    String csrf;

    @BeforeAll
    void signIn() throws Exception {
        IncidentsFixture.ensure(lists, units, localUnits, accounts);
        client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String token = Jsoup.parse(get("/login").body())
                .selectFirst("input[name=_csrf]")
                .attr("value");
        String form = "username=" + IncidentsFixture.OFFICER + "&password="
                + URLEncoder.encode(IncidentsFixture.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        csrf = Jsoup.parse(get("/").body()).selectFirst("meta[name=_csrf]").attr("content");
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept-Language", "vi")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String json, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "vi")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String body(long unit, String category, String severity, String occurredAt, String summary) {
        return "{\"unitId\":" + unit + ",\"categoryCode\":\"" + category + "\","
                + (severity == null ? "" : "\"severity\":\"" + severity + "\",")
                + "\"occurredAt\":\"" + occurredAt + "\",\"source\":\"PATROL\",\"summary\":\"" + summary + "\"}";
    }

    long count(String summary) {
        return jdbc.sql("SELECT count(*) FROM incident WHERE summary = :s")
                .param("s", summary)
                .query(Long.class)
                .single();
    }

    long incidentsInAll() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    @Test
    void anIncidentAt2359On31OctoberBelongsToThePeriodEndingThenOneAtMidnightToTheNext() {
        long area = IncidentsFixture.area(1);
        // TT 23 (2017: 31/10/2016 → 31/10/2017, but 31/10/2016 is counted once, in the period it ends) and
        // TT 124 (2022: 01/11/2021 → 31/10/2022, 2023: 01/11/2022 → 31/10/2023); the periods each instant is in
        String[][] cases = {
            {"2016-10-30T23:59:00+07:00", ""},
            {"2016-10-31T00:00:00+07:00", ""},
            {"2017-10-31T23:59:00+07:00", "2017"},
            {"2017-11-01T00:00:00+07:00", ""},
            {"2022-10-31T23:59:00+07:00", "2022"},
            {"2022-11-01T00:00:00+07:00", "2023"},
            {"2023-10-31T23:59:00+07:00", "2023"},
            {"2023-11-01T00:00:00+07:00", ""},
            {"2017-10-31T16:59:00Z", "2017"},
            {"2017-10-31T17:00:00Z", ""},
            {"2016-11-01T00:00:00+07:00", "2017"}
        };
        List<Long> ids = new ArrayList<>();
        for (String[] c : cases) {
            ids.add(incidents
                    .record(
                            Caller.SYSTEM,
                            new IncidentForm(
                                    area,
                                    "CRIME_THEFT",
                                    "LESS_SERIOUS",
                                    null,
                                    OffsetDateTime.parse(c[0]),
                                    null,
                                    "PATROL",
                                    null,
                                    null,
                                    "biên " + c[0]))
                    .id());
        }
        for (int year : new int[] {2017, 2022, 2023}) {
            List<Long> found = incidents
                    .list(
                            Scope.WHOLE_COUNTRY,
                            new IncidentFilter(
                                    area, null, Period.residentialArea(year), null, IncidentKind.CRIME, null, null),
                            0,
                            100)
                    .incidents()
                    .stream()
                    .map(Incident::id)
                    .toList();
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < cases.length; i++) {
                if (cases[i][1].equals(Integer.toString(year))) {
                    expected.add(ids.get(i));
                }
            }
            assertThat(found).as("period " + year).containsExactlyInAnyOrderElementsOf(expected);
        }
        // 01/11/2017 00:00 opens the 2018 period; 31/10/2017 23:59 is not in it although TT 23's 2018 period
        // starts on 31/10/2017
        assertThat(incidents
                        .list(
                                Scope.WHOLE_COUNTRY,
                                new IncidentFilter(area, null, Period.residentialArea(2018), null, null, null, null),
                                0,
                                100)
                        .incidents()
                        .stream()
                        .map(Incident::id)
                        .toList())
                .contains(ids.get(3), ids.get(9))
                .doesNotContain(ids.get(1), ids.get(2), ids.get(8));
        assertThat(Period.residentialArea(2017).regulation()).startsWith("TT 23");
        assertThat(Period.residentialArea(2023).regulation()).startsWith("TT 124");
        // shown in Vietnam's time whatever the offset it came with
        assertThat(store.find(ids.get(8)).orElseThrow().occurredAt())
                .isEqualTo(OffsetDateTime.parse("2017-10-31T23:59:00+07:00"));
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstIncidentAndStoresNothingNew() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body(
                IncidentsFixture.area(0),
                "CRIME_THEFT",
                "LESS_SERIOUS",
                "2026-01-05T21:30:00+07:00",
                "trộm xe máy – thử lại");
        HttpResponse<String> first = post("/api/v1/order/incidents", json, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry = post("/api/v1/order/incidents", json, key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        JsonNode a = JSON.readTree(first.body());
        JsonNode b = JSON.readTree(retry.body());
        assertThat(b.get("id").asLong()).isEqualTo(a.get("id").asLong());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(count("trộm xe máy – thử lại")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_idempotency WHERE key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'incident'"
                                + " AND action = 'CREATED' AND entity_id = :id AND actor_username = :by")
                        .param("id", a.get("id").asText())
                        .param("by", IncidentsFixture.OFFICER)
                        .query(Long.class)
                        .single())
                .as("audited once")
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(
                                "/api/v1/order/incidents",
                                body(
                                        IncidentsFixture.area(0),
                                        "CRIME_FRAUD",
                                        "LESS_SERIOUS",
                                        "2026-01-06T08:00:00+07:00",
                                        "lừa đảo qua điện thoại"),
                                key)
                        .statusCode())
                .isEqualTo(201);
        long before = incidentsInAll();
        HttpResponse<String> other = post(
                "/api/v1/order/incidents",
                body(
                        IncidentsFixture.area(0),
                        "CRIME_FRAUD",
                        "SERIOUS",
                        "2026-01-06T08:00:00+07:00",
                        "lừa đảo qua điện thoại"),
                key);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = JSON.readTree(other.body());
        assertThat(problem.get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(problem.get("detail").asText()).contains(key).contains("đã được dùng cho một yêu cầu khác");
        assertThat(incidentsInAll()).isEqualTo(before);
    }

    @Test
    void concurrentDuplicatesEndWithOneIncident() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body(
                IncidentsFixture.area(2),
                "TRAFFIC_ACCIDENT",
                "SERIOUS",
                "2026-01-07T17:10:00+07:00",
                "tai nạn – gửi đồng thời");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/order/incidents", json, key);
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                ids.add(JSON.readTree(response.body()).get("id").asLong());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("tai nạn – gửi đồng thời")).isEqualTo(1);
    }

    @Test
    void anIncidentOutsideTheCaptureScopeIsRefusedWith403AndNothingIsWritten() throws Exception {
        long before = incidentsInAll();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = post(
                "/api/v1/order/incidents",
                body(
                        IncidentsFixture.area(4),
                        "CRIME_THEFT",
                        "LESS_SERIOUS",
                        "2026-01-05T10:00:00+07:00",
                        "ngoài phạm vi"),
                key);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(incidentsInAll()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_idempotency WHERE key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isZero();
        // and the officer sees nothing of Nam Mỹ
        long elsewhere = incidents
                .record(
                        Caller.SYSTEM,
                        new IncidentForm(
                                IncidentsFixture.area(4),
                                "SOCIAL_EVIL_GAMBLING",
                                null,
                                null,
                                OffsetDateTime.parse("2026-01-02T20:00:00+07:00"),
                                null,
                                "TIP_OFF",
                                null,
                                null,
                                "cờ bạc"))
                .id();
        assertThat(get("/api/v1/order/units/" + IncidentsFixture.area(4) + "/incidents/" + elsewhere)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/order/incidents?unit=" + IncidentsFixture.namMy())
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/order/incidents?size=1000").body()).doesNotContain("cờ bạc");
    }

    @Test
    void badFieldsAreRefusedNamingTheField() throws Exception {
        long area = IncidentsFixture.area(0);
        long before = incidentsInAll();
        record Case(String json, String field, String detail) {}
        List<Case> cases = List.of(
                new Case(
                        body(area, "CRIME_ASSAULT", null, "2026-01-05T10:00:00+07:00", "x"),
                        "severity",
                        "phải chọn mức độ"),
                new Case(
                        body(area, "SOCIAL_EVIL_GAMBLING", "SERIOUS", "2026-01-05T10:00:00+07:00", "x"),
                        "severity",
                        "không phân mức độ"),
                new Case(
                        body(area, "FIRE", "VERY_SERIOUS", "2026-01-05T10:00:00+07:00", "x"),
                        "severity",
                        "không dùng cho"),
                new Case(
                        body(area, "CRIME_THEFT", "LESS_SERIOUS", "2099-01-05T10:00:00+07:00", "x"),
                        "occurredAt",
                        "tương lai"),
                new Case(body(area, "NO_SUCH", null, "2026-01-05T10:00:00+07:00", "x"), "categoryCode", "NO_SUCH"),
                new Case(
                        body(
                                        IncidentsFixture.haiMinh(),
                                        "CRIME_THEFT",
                                        "LESS_SERIOUS",
                                        "2026-01-05T10:00:00+07:00",
                                        "x")
                                .replace(
                                        "\"unitId\":" + IncidentsFixture.haiMinh(),
                                        "\"unitId\":"
                                                + units.findByCode(
                                                                Scope.WHOLE_COUNTRY, "366", IncidentsFixture.LIST_DATE)
                                                        .orElseThrow()
                                                        .id()),
                        "unitId",
                        null),
                new Case(
                        "{\"unitId\":" + area + ",\"categoryCode\":\"CRIME_THEFT\",\"severity\":\"SERIOUS\","
                                + "\"occurredAt\":\"2026-01-05T10:00:00+07:00\",\"reportedAt\":\"2026-01-05T09:00:00+07:00\","
                                + "\"source\":\"PATROL\"}",
                        "reportedAt",
                        "trước thời gian xảy ra"));
        for (Case c : cases) {
            HttpResponse<String> response =
                    post("/api/v1/order/incidents", c.json(), UUID.randomUUID().toString());
            if (c.detail() == null) {
                assertThat(response.statusCode()).as(c.json()).isIn(403, 422);
                continue;
            }
            assertThat(response.statusCode()).as(c.json()).isEqualTo(422);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("field").asText()).isEqualTo(c.field());
            assertThat(problem.get("detail").asText()).contains(c.detail());
        }
        assertThat(incidentsInAll()).isEqualTo(before);
    }

    @Test
    void statusesMoveOneStepAtATimeAndEveryStepIsRecordedAndAudited() throws Exception {
        long area = IncidentsFixture.area(3);
        HttpResponse<String> created = post(
                "/api/v1/order/incidents",
                body(area, "CRIME_ROBBERY", "SERIOUS", "2026-01-08T22:00:00+07:00", "cướp tài sản"),
                UUID.randomUUID().toString());
        long id = JSON.readTree(created.body()).get("id").asLong();
        String base = "/api/v1/order/units/" + area + "/incidents/" + id;
        assertThat(post(base + "/status", "{\"status\":\"CLOSED\"}", null).statusCode())
                .isEqualTo(422);
        assertThat(post(base + "/status", "{\"status\":\"VERIFIED\",\"note\":\"đã xác minh tại chỗ\"}", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(base + "/status", "{\"status\":\"REPORTED\"}", null).statusCode())
                .isEqualTo(422);
        assertThat(post(base + "/status", "{\"status\":\"UNDER_INVESTIGATION\"}", null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> closed = post(base + "/status", "{\"status\":\"CLOSED\"}", null);
        assertThat(JSON.readTree(closed.body()).get("status").asText()).isEqualTo("CLOSED");
        HttpResponse<String> after = post(base + "/status", "{\"status\":\"CLOSED\"}", null);
        assertThat(after.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(after.body()).get("detail").asText()).contains("Đã kết thúc");
        JsonNode history = JSON.readTree(get(base + "/statuses").body());
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(1).get("from").asText()).isEqualTo("REPORTED");
        assertThat(history.get(1).get("to").asText()).isEqualTo("VERIFIED");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo(IncidentsFixture.OFFICER);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_id = :id AND action = 'UPDATED'")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aWithdrawnIncidentCountsNowhereAndTheWithdrawalIsAudited() throws Exception {
        long area = IncidentsFixture.area(3);
        long id = JSON.readTree(post(
                                "/api/v1/order/incidents",
                                body(area, "CRIME_DISORDER", "LESS_SERIOUS", "2026-01-09T09:00:00+07:00", "ghi nhầm"),
                                UUID.randomUUID().toString())
                        .body())
                .get("id")
                .asLong();
        String base = "/api/v1/order/units/" + area + "/incidents/" + id;
        assertThat(get("/api/v1/order/incidents?unit=" + area + "&size=1000").body())
                .contains("ghi nhầm");
        assertThat(post(base + "/withdraw", "{}", null).statusCode()).isEqualTo(422);
        assertThat(post(base + "/withdraw", "{\"reason\":\"ghi trùng với vụ khác\"}", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/order/incidents?unit=" + area + "&size=1000").body())
                .doesNotContain("ghi nhầm");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_id = :id AND action = 'DELETED'")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> incidents.changeStatus(Caller.SYSTEM, id, IncidentStatus.VERIFIED, null))
                .isInstanceOf(IncidentRefusedException.class);
    }

    @Test
    void aFileWithABadRowIsRefusedWholeNamingLineAndColumn() throws Exception {
        long area = IncidentsFixture.area(0);
        String csv = String.join(",", IncidentImports.HEADER) + "\n"
                + area + ",CRIME_THEFT,LESS_SERIOUS,,02/01/2026 08:00,,PATROL,,,\"nhập tệp 1\"\n"
                + area + ",CRIME_THEFT,,,02/01/2026 09:00,,PATROL,,,\"nhập tệp 2\"\n"
                + area + ",FIRE,SERIOUS,1,32/01/2026 09:00,,PATROL,,,\"nhập tệp 3\"\n"
                + IncidentsFixture.area(4) + ",FIRE,,0,02/01/2026 10:00,,PATROL,,,\"nhập tệp 4\"\n";
        long before = incidentsInAll();
        long entriesBefore = csvImportEntries(area);
        HttpResponse<String> refused = upload(csv);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(csvImportEntries(area))
                .as("a refused file is not audited as an import")
                .isEqualTo(entriesBefore);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.size()).isEqualTo(3);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("severity");
        assertThat(errors.get(0).get("message").asText()).contains("phải chọn mức độ");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("column").asText()).isEqualTo("occurred_at");
        assertThat(errors.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(errors.get(2).get("column").asText()).isEqualTo("unit");
        assertThat(incidentsInAll()).isEqualTo(before);

        String good = String.join(",", IncidentImports.HEADER) + "\n"
                + area + ",CRIME_THEFT,LESS_SERIOUS,,02/01/2026 08:00,,PATROL,20.2,106.2,\"nhập tệp 1\"\n"
                + area + ",FIRE,SERIOUS,1,02/01/2026 09:00,02/01/2026 09:30,TIP_OFF,,,\"nhập tệp 3\"\n";
        HttpResponse<String> imported = upload(good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(incidentsInAll()).isEqualTo(before + 2);
        assertThat(csvImportEntries(area))
                .as("one entry for this file, not one per row")
                .isEqualTo(entriesBefore + 1);
        Map<String, Object> entry = jdbc.sql("""
                SELECT actor_username, after->>'incidents' AS incidents FROM audit_event
                 WHERE module = 'order' AND action = 'IMPORTED' AND entity_type = 'incident' AND unit_id = :unit
                   AND after->>'fileName' = 'vu-viec.csv' ORDER BY id DESC LIMIT 1""").param("unit", area).query().singleRow();
        assertThat(entry)
                .containsEntry("actor_username", IncidentsFixture.OFFICER)
                .containsEntry("incidents", "2");
    }

    /** Audit entries of CSV imports of incidents on one unit (the workbook test imports "vu-viec.xlsx" elsewhere). */
    long csvImportEntries(long unit) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event
                 WHERE module = 'order' AND action = 'IMPORTED' AND entity_type = 'incident' AND unit_id = :unit
                   AND after->>'fileName' = 'vu-viec.csv'""").param("unit", unit).query(Long.class).single();
    }

    @Test
    void theUploadPageShowsEveryBadRowAndTheMapShowsPoints() throws Exception {
        long area = IncidentsFixture.area(1);
        String csv = String.join(",", IncidentImports.HEADER) + "\n" + area
                + ",NO_SUCH,,,02/01/2026 08:00,,PATROL,,,\"trang nhập 1\"\n";
        var page =
                Jsoup.parse(upload("/order/incidents/import", csv, "text/html").body());
        assertThat(page.select("#problems tbody tr").text())
                .contains("2")
                .contains("category")
                .contains("NO_SUCH");
        assertThat(count("trang nhập 1")).isZero();
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        area,
                        "FIRE",
                        "SERIOUS",
                        true,
                        OffsetDateTime.parse("2026-01-04T03:00:00+07:00"),
                        null,
                        "PATROL",
                        20.21,
                        106.27,
                        "cháy kho"));
        JsonNode map = JSON.readTree(
                get("/order/incidents/map.json?unit=" + area + "&kind=FIRE").body());
        assertThat(map.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(map.get("features")
                        .get(0)
                        .get("geometry")
                        .get("coordinates")
                        .get(0)
                        .asDouble())
                .isEqualTo(106.27);
        assertThat(map.get("features").get(0).get("properties").get("category").asText())
                .isEqualTo("Cháy");
        assertThat(get("/order/incidents/map").statusCode()).isEqualTo(200);
    }

    @Test
    void anExcelWorkbookIsCheckedAndLoadedLikeACsvFileWithDateCellsInVietnamsTime() throws Exception {
        long area = IncidentsFixture.area(3);
        byte[] bad = workbook(area, "LESS_SERIOUS", "nhập excel 1", "");
        long before = incidentsInAll();
        HttpResponse<String> refused = uploadBytes(bad, "vu-viec.xlsx");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("severity");
        assertThat(incidentsInAll()).isEqualTo(before);

        HttpResponse<String> imported =
                uploadBytes(workbook(area, "LESS_SERIOUS", "nhập excel 1", "LESS_SERIOUS"), "vu-viec.xlsx");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(incidentsInAll()).isEqualTo(before + 2);
        // the date cell 31/10/2025 23:59 is read in Vietnam's time
        assertThat(jdbc.sql("SELECT occurred_at FROM incident WHERE summary = 'nhập excel 1'")
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-10-31T23:59:00+07:00").toInstant());

        HttpResponse<String> notAWorkbook = uploadBytes(new byte[] {'P', 'K', 3, 4, 0, 0}, "hong.xlsx");
        assertThat(notAWorkbook.statusCode()).isEqualTo(422);
        assertThat(notAWorkbook.body()).contains("Excel");
    }

    /** A workbook of two incidents: the first with a date cell, the second with the severity given. */
    static byte[] workbook(long area, String firstSeverity, String summary, String secondSeverity) throws Exception {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Vụ việc");
            var header = sheet.createRow(0);
            for (int i = 0; i < IncidentImports.HEADER.size(); i++) {
                header.createCell(i).setCellValue(IncidentImports.HEADER.get(i));
            }
            var dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            var first = sheet.createRow(1);
            first.createCell(0).setCellValue(area);
            first.createCell(1).setCellValue("CRIME_THEFT");
            first.createCell(2).setCellValue(firstSeverity);
            var when = first.createCell(4);
            when.setCellValue(java.time.LocalDateTime.of(2025, 10, 31, 23, 59));
            when.setCellStyle(dateStyle);
            first.createCell(6).setCellValue("PATROL");
            first.createCell(9).setCellValue(summary);
            var second = sheet.createRow(2);
            second.createCell(0).setCellValue(area);
            second.createCell(1).setCellValue("CRIME_THEFT");
            second.createCell(2).setCellValue(secondSeverity);
            second.createCell(4).setCellValue("02/11/2025 08:00");
            second.createCell(6).setCellValue("TIP_OFF");
            second.createCell(9).setCellValue(summary + " (2)");
            book.write(out);
            return out.toByteArray();
        }
    }

    /** An incident as the export shows it to a Vietnamese reader. */
    List<String> exported(Incident i) {
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        return Workbooks.row(
                i.id(),
                units.latest(Scope.WHOLE_COUNTRY, i.unitId()).orElseThrow().name(),
                incidents.category(i.categoryCode()).orElseThrow().name(vi),
                messages.getMessage("order.incident.kind." + i.kind(), null, vi),
                i.severity() == null ? null : messages.getMessage("order.incident.severity." + i.severity(), null, vi),
                i.subjectiveCause() == null
                        ? null
                        : messages.getMessage(i.subjectiveCause() ? "order.yes" : "order.no", null, vi),
                minute.format(i.occurredAt().atZoneSameInstant(Dates.VIETNAM)),
                minute.format(i.reportedAt().atZoneSameInstant(Dates.VIETNAM)),
                messages.getMessage("order.incident.status." + i.status(), null, vi),
                messages.getMessage("order.incident.source." + i.source(), null, vi),
                i.latitude(),
                i.longitude(),
                i.summary(),
                i.createdBy());
    }

    HttpResponse<String> uploadBytes(byte[] file, String name) throws Exception {
        String boundary = "----vuviec" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/order/incidents/import"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "application/json")
                        .header("Accept-Language", "vi")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> upload(String csv) throws Exception {
        return upload("/api/v1/order/incidents/import", csv, "application/json");
    }

    HttpResponse<String> upload(String path, String csv, String accept) throws Exception {
        String boundary = "----vuviec" + System.nanoTime();
        String body =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vu-viec.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", accept)
                        .header("Accept-Language", "vi")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theListPageFiltersAndExports() throws Exception {
        long area = IncidentsFixture.area(2);
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        area,
                        "SCHOOL_VIOLENCE",
                        null,
                        null,
                        OffsetDateTime.parse("2026-01-03T10:00:00+07:00"),
                        null,
                        "OTHER_AGENCY",
                        null,
                        null,
                        "đánh nhau ở trường"));
        var page = Jsoup.parse(
                get("/order/incidents?unit=" + area + "&kind=SCHOOL_VIOLENCE").body());
        assertThat(page.select("#incidents li").text())
                .contains("Bạo lực học đường")
                .contains("đánh nhau ở trường");
        assertThat(page.select("#incidents li").text()).doesNotContain("Trộm cắp");
        assertThat(page.selectFirst("#export").attr("href")).contains("kind=SCHOOL_VIOLENCE");
        String export = page.selectFirst("#export").attr("href");
        assertThat(export).isEqualTo("/order/incidents.xlsx?unit=" + area + "&kind=SCHOOL_VIOLENCE");
        // the same kind in another village of the officer's commune, and in a commune outside the scope
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        IncidentsFixture.area(1),
                        "SCHOOL_VIOLENCE",
                        null,
                        null,
                        OffsetDateTime.parse("2026-01-05T16:30:00+07:00"),
                        OffsetDateTime.parse("2026-01-05T17:00:00+07:00"),
                        "PATROL",
                        20.2113,
                        106.2654,
                        "xô xát cổng trường"));
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        IncidentsFixture.area(4),
                        "SCHOOL_VIOLENCE",
                        null,
                        null,
                        OffsetDateTime.parse("2026-01-06T08:00:00+07:00"),
                        null,
                        "PATROL",
                        null,
                        null,
                        "ngoài phạm vi"));
        Scope officer = Scope.of(java.util.Set.of(IncidentsFixture.haiMinh()));
        // the village's export from the list page, then the officer's whole commune
        for (Long unit : java.util.Arrays.asList(area, null)) {
            String path = unit == null ? "/order/incidents.xlsx?kind=SCHOOL_VIOLENCE" : export;
            HttpResponse<byte[]> xlsx = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).as(path).isEqualTo(200);
            List<List<String>> sheet = Workbooks.rows(xlsx.body());
            assertThat(sheet.get(0))
                    .containsExactly(
                            "Số",
                            "Đơn vị",
                            "Loại vụ việc",
                            "Loại",
                            "Mức độ",
                            "Do nguyên nhân chủ quan",
                            "Thời gian xảy ra",
                            "Thời gian tiếp nhận",
                            "Trạng thái",
                            "Nguồn tin",
                            "Vĩ độ",
                            "Kinh độ",
                            "Tóm tắt",
                            "Người ghi nhận");
            List<Incident> records = new ArrayList<>();
            incidents.each(
                    officer,
                    new IncidentFilter(unit, null, null, null, IncidentKind.SCHOOL_VIOLENCE, null, null),
                    records::add);
            assertThat(records)
                    .extracting(Incident::summary)
                    .as(path)
                    .contains("đánh nhau ở trường")
                    .doesNotContain("ngoài phạm vi");
            assertThat(records)
                    .extracting(Incident::summary)
                    .as(path)
                    .matches(list -> list.contains("xô xát cổng trường") == (unit == null));
            assertThat(sheet.subList(1, sheet.size()))
                    .as(path)
                    .containsExactlyElementsOf(
                            records.stream().map(this::exported).toList());
        }
        assertThat(get("/order/incidents?kind=NOPE").statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document landing = Jsoup.parse(get("/order").body());
        assertThat(landing.select("#order-links a").size()).isGreaterThanOrEqualTo(3);
        // the other registers, each reachable from the landing page
        assertThat(landing.select("#order-registers a").eachAttr("href"))
                .anyMatch(href -> href.matches("/order/units/\\d+/persons"))
                .contains("/order/hotspots", "/order/campaigns");
        for (String href : landing.select("#order-registers a").eachAttr("href")) {
            assertThat(get(href).statusCode()).as(href).isEqualTo(200);
        }
    }

    /** A sheet with Vietnamese headers in its own order, a row number column, and without the optional columns. */
    @Test
    void aFileWithVietnameseHeadersInAnotherOrderIsReadAndOneWithoutARequiredColumnIsRefusedNamingIt()
            throws Exception {
        long area = IncidentsFixture.area(2);
        String csv = "STT,Nội dung vụ việc,Thời gian xảy ra,Đơn vị,Loại vụ việc,Mức độ,Nguồn tin\n"
                + "1,\"tiêu đề việt 1\",03/01/2026 08:00," + area + ",CRIME_THEFT,LESS_SERIOUS,PATROL\n"
                + "2,\"tiêu đề việt 2\",03/01/2026 09:00," + area + ",FIRE,,PATROL\n";
        HttpResponse<String> imported = upload(csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(count("tiêu đề việt 1")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT category_code || '/' || unit_id FROM incident WHERE summary = 'tiêu đề việt 2'")
                        .query(String.class)
                        .single())
                .isEqualTo("FIRE/" + area);

        long before = incidentsInAll();
        HttpResponse<String> refused = upload("Đơn vị,Nội dung\n" + area + ",thiếu cột\n");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.findValuesAsString("column")).containsExactly("category", "occurred_at", "source");
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("message").asText()).contains("thiếu cột category");
        assertThat(incidentsInAll()).isEqualTo(before);
    }
}
