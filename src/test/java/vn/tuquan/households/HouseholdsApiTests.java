package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdsApiTests {

    static final String PASSWORD = "mat-khau-api-nam-my-2026";

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

    HttpClient client;
    String csrf;

    @BeforeAll
    void signIn() throws Exception {
        HouseholdsFixture.ensure(lists, units, localUnits);
        TestUsers.withRoles(
                accounts,
                "canbo.nammy",
                "Ngô Văn Mỹ",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(HouseholdsFixture.namMy())),
                Scope.of(Set.of(HouseholdsFixture.namMy())));
        client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String token = Jsoup.parse(get("/login").body())
                .selectFirst("input[name=_csrf]")
                .attr("value");
        String form = "username=canbo.nammy&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + token;
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
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Accept-Language", "vi")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void addsAHouseholdRecordsItsCommitmentAndReadsTheRates() throws Exception {
        long area = HouseholdsFixture.area(6);
        String base = "/api/v1/households/areas/" + area;
        HttpResponse<String> added = post(
                base + "/households?asOf=2023-01-20",
                "{\"code\":\"API-1\",\"headName\":\"Ngô Thị Api\",\"address\":null,\"members\":3,\"catholic\":false}");
        assertThat(added.statusCode()).isEqualTo(201);
        long id = Long.parseLong(added.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        HttpResponse<String> refused = post(
                base + "/households?asOf=2023-01-20",
                "{\"code\":\"API-2\",\"headName\":\"Ngô Văn Không\",\"members\":0,\"catholic\":false}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Số nhân khẩu phải là số dương");

        HttpResponse<String> outside = post(
                base + "/commitments?year=2023", "{\"householdIds\":[" + id + "],\"registeredOn\":\"2023-11-02\"}");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("nằm ngoài kỳ đánh giá 2023");

        HttpResponse<String> recorded = post(
                base + "/commitments?year=2023", "{\"householdIds\":[" + id + "],\"registeredOn\":\"2023-02-02\"}");
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(recorded.body()).contains("\"added\":1");

        HttpResponse<String> moved = post(
                "/api/v1/households/" + id + "/move",
                "{\"toAreaId\":" + HouseholdsFixture.area(8) + ",\"code\":\"API-M\",\"on\":\"2023-05-01\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("\"areaId\":" + HouseholdsFixture.area(8), "\"code\":\"API-M\"");
        HttpResponse<String> back = post(
                "/api/v1/households/" + id + "/move",
                "{\"toAreaId\":" + HouseholdsFixture.area(7) + ",\"on\":\"2023-04-01\"}");
        assertThat(back.statusCode()).isEqualTo(422);
        assertThat(back.body()).contains("không thể cùng lúc ở hai khu dân cư");

        assertThat(get(base + "/rate?year=2023").body()).contains("\"areaId\":" + area);
        assertThat(get("/api/v1/households/units/" + HouseholdsFixture.namMy() + "/rates?year=2023")
                        .body())
                .contains("\"areaId\":" + area, "\"areaId\":" + HouseholdsFixture.area(7));
        assertThat(get("/api/v1/households/areas/" + HouseholdsFixture.area(0) + "/households")
                        .statusCode())
                .as("an area of Hải Minh")
                .isEqualTo(403);
    }

    /**
     * A household of Nam Mỹ moves to Hải Minh, whose officer then corrects its head, address and size:
     * Nam Mỹ's officer still reads it as it was while it lived in Nam Mỹ (the list of a past date, its
     * page), sees no stay in Hải Minh, and its correction of the past stay does not touch what Hải Minh keeps.
     */
    @Test
    void aHouseholdThatMovedToAnotherCommuneShowsItsFormerCommuneOnlyItsOwnStay(@Autowired Households households)
            throws Exception {
        long namMyArea = HouseholdsFixture.area(8);
        long haiMinhArea = HouseholdsFixture.area(4);
        Household h = households.add(
                vn.tuquan.shared.Caller.SYSTEM,
                namMyArea,
                new HouseholdForm("CHUYEN-1", "Phan Văn Cũ", "Thôn 3 Nam Mỹ", 4, false),
                java.time.LocalDate.of(2023, 1, 2));
        households.move(
                vn.tuquan.shared.Caller.SYSTEM, h.id(), haiMinhArea, "HM-CHUYEN", java.time.LocalDate.of(2023, 6, 1));
        households.edit(
                vn.tuquan.shared.Caller.SYSTEM,
                h.id(),
                new HouseholdForm("HM-CHUYEN", "Phan Thị Mới", "Số 9 đường mới, Hải Minh", 6, true),
                java.time.LocalDate.of(2023, 7, 1));

        String past = get("/api/v1/households/areas/" + namMyArea + "/households?asOf=2023-05-31")
                .body();
        assertThat(past)
                .contains("Phan Văn Cũ")
                .contains("Thôn 3 Nam Mỹ")
                .doesNotContain("Phan Thị Mới")
                .doesNotContain("đường mới");
        assertThat(get("/api/v1/households/areas/" + namMyArea + "/households?asOf=2023-06-01")
                        .body())
                .doesNotContain("CHUYEN");
        assertThat(get("/api/v1/households/areas/" + haiMinhArea + "/households?asOf=2023-07-01")
                        .statusCode())
                .isEqualTo(403);

        String page =
                get("/households/areas/" + namMyArea + "/households/" + h.id()).body();
        assertThat(page)
                .contains("Phan Văn Cũ")
                .doesNotContain("Phan Thị Mới")
                .doesNotContain("đường mới")
                .doesNotContain("HM-CHUYEN");
        assertThat(Jsoup.parse(page).select("#stays li")).hasSize(1);

        // Hải Minh reads the household as it keeps it; a correction of the past stay (as Nam Mỹ) leaves that alone
        households.edit(
                vn.tuquan.shared.Caller.SYSTEM,
                h.id(),
                new HouseholdForm("CHUYEN-1", "Phan Văn Cũ Sửa", "Thôn 3 Nam Mỹ", 4, false),
                java.time.LocalDate.of(2023, 3, 1));
        assertThat(households
                        .find(Scope.WHOLE_COUNTRY, h.id(), java.time.LocalDate.of(2023, 8, 1))
                        .orElseThrow())
                .extracting(Household::headName, Household::address, Household::members, Household::catholic)
                .containsExactly("Phan Thị Mới", "Số 9 đường mới, Hải Minh", 6, true);
        assertThat(households
                        .find(Scope.WHOLE_COUNTRY, h.id(), java.time.LocalDate.of(2023, 3, 1))
                        .orElseThrow()
                        .headName())
                .isEqualTo("Phan Văn Cũ Sửa");
    }

    /**
     * The paths of before issue 13.18 ({@code /areas/{areaId}}, now {@code /areas/{areaId}/households})
     * still list and add households as the documented ones do (in 2025, a period the other tests leave alone);
     * an absurd period year is refused, not a failure.
     */
    @Test
    void theAreasOldPathsStillAnswer_andAnAbsurdYearIsRefused() throws Exception {
        long area = HouseholdsFixture.area(7);
        HttpResponse<String> added = post(
                "/api/v1/households/areas/" + area + "?asOf=2025-01-21",
                "{\"code\":\"CU-1\",\"headName\":\"Đỗ Văn Cũ\",\"members\":2,\"catholic\":false}");
        assertThat(added.statusCode()).isEqualTo(201);
        String documented = get("/api/v1/households/areas/" + area + "/households?asOf=2025-02-01")
                .body();
        assertThat(documented).contains("Đỗ Văn Cũ");
        assertThat(get("/api/v1/households/areas/" + area + "?asOf=2025-02-01").body())
                .isEqualTo(documented);

        HttpResponse<String> absurd = get("/api/v1/households/areas/" + area + "/rate?year=999999999");
        assertThat(absurd.statusCode()).isEqualTo(422);
        assertThat(absurd.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(absurd.body()).contains("households.refused.year");
    }
}
