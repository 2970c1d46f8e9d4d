package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.ScopeFixture;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.Callers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.demo.DemoLogins;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.SearchHit;
import vn.tuquan.units.Units;

/**
 * Searching units by name as a scoped caller, through the API ({@code /api/v1/units/search}) and
 * the units page ({@code /units?q=}, and its htmx fragment): the answer is exactly what the whole
 * country's search finds inside the caller's view scope — nothing outside it, nothing inside left
 * out. The demo's Nam Định has Thái Bình beside it (ScopeFixture); both have a Phường Quang Trung.
 */
@TuquanTest
@ActiveProfiles("demo")
@TestPropertySource(properties = ScopeFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitSearchScopeTests {

    /** Words found on both sides of every scope below. */
    static final List<String> QUERIES =
            List.of("quang trung", "hai", "thon", "xom", "to dan pho", "phuong", "thai binh", "benh vien", "ky dong");

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    @Autowired
    Callers callers;

    final JsonMapper json = JsonMapper.builder().build();
    long namDinh;
    long haiMinh;
    long haiVan;

    @BeforeAll
    void twoProvinces(
            @Autowired OfficialLists lists, @Autowired LocalUnits localUnits, @Autowired UserAccounts accounts) {
        ScopeFixture.ensure(lists, units, localUnits, accounts);
        namDinh = ScopeFixture.code(units, "36").id();
        haiMinh = ScopeFixture.code(units, "14233").id();
        haiVan = ScopeFixture.code(units, "14230").id();
    }

    @Test
    void theApiFindsExactlyWhatLiesInTheScope() {
        // a provincial officer, a commune officer, the head of a residential area, a security officer of a hospital
        for (String login :
                List.of("canbo.tinh", "canbo.xa", "truongthon", "baove.benhvien", ScopeFixture.THAI_BINH_OFFICER)) {
            Caller caller = callers.forUsername(login).orElseThrow();
            long scopeUnit = caller.view().unitIds().iterator().next();
            WebSession web = signIn(login);
            int found = 0;
            for (String q : QUERIES) {
                // the whole country's search under the scope's unit (the unit itself included)
                List<Long> expected =
                        ids(units.search(Scope.WHOLE_COUNTRY, q, Dates.today(), Set.of(), Optional.of(scopeUnit), 100));
                List<Long> answered = ids(json(web, "/api/v1/units/search?limit=100&q=" + encode(q)));
                same(login + " searching " + q, caller, answered, expected, 100);
                found += answered.size();
            }
            assertThat(found).as(login + " finds something of their own").isPositive();
        }
        Caller admin = callers.forUsername("quantri").orElseThrow();
        assertThat(units.search(admin.view(), "quang trung", Dates.today(), Set.of(), Optional.empty(), 100))
                .as("both provinces have a Phường Quang Trung")
                .extracting(h -> h.fullName())
                .anyMatch(n -> n.contains("Nam Định"))
                .anyMatch(n -> n.contains("Thái Bình"));
    }

    @Test
    void searchingWithinAUnitOutsideTheScopeIsRefused_andInsideStaysInside() {
        WebSession commune = signIn("canbo.xa");
        assertThat(commune.get("/api/v1/units/search?q=thon&within=" + haiVan).statusCode())
                .isEqualTo(403);
        assertThat(commune.get("/api/v1/units/search?q=thon&within=" + namDinh).statusCode())
                .as("the province holds the commune but is not in its scope")
                .isEqualTo(403);
        long village =
                ScopeFixture.firstArea(units, ScopeFixture.code(units, "14233")).id();
        assertThat(ids(json(
                        commune,
                        "/api/v1/units/search?q="
                                + encode(units.find(Scope.WHOLE_COUNTRY, village, Dates.today())
                                        .orElseThrow()
                                        .name()) + "&within=" + haiMinh)))
                .contains(village);
        WebSession province = signIn("canbo.tinh");
        long thaiBinh = ScopeFixture.code(units, "34").id();
        assertThat(province.get("/api/v1/units/search?q=quang%20trung&within=" + thaiBinh)
                        .statusCode())
                .isEqualTo(403);
        // and on another day: the scope of that day
        assertThat(ids(json(province, "/api/v1/units/search?q=quang%20trung&asOf=" + LocalDate.of(2018, 6, 1))))
                .allSatisfy(id -> assertThat(units.contains(Scope.of(Set.of(namDinh)), id, Dates.today()))
                        .isTrue())
                .isNotEmpty();
    }

    @Test
    void theUnitsPageAndItsSearchFragmentShowTheSame() {
        for (String login : List.of("canbo.tinh", "canbo.xa", ScopeFixture.THAI_BINH_OFFICER)) {
            Caller caller = callers.forUsername(login).orElseThrow();
            WebSession web = signIn(login);
            for (String q : List.of("quang trung", "thon", "phuong")) {
                List<Long> expected = ids(units.search(
                        caller.view(), q, Dates.today(), Set.of(), Optional.empty(), UnitPagesController.SEARCH_LIMIT));
                HttpResponse<String> page = web.getPage("/units?q=" + encode(q));
                assertThat(page.statusCode()).isEqualTo(200);
                HttpResponse<String> fragment =
                        web.get("/units/search?q=" + encode(q), "Accept", "text/html", "HX-Request", "true");
                assertThat(fragment.statusCode()).isEqualTo(200);
                for (String body : List.of(page.body(), fragment.body())) {
                    List<Long> shown = Jsoup.parse(body).select("a.search-hit").eachAttr("href").stream()
                            .map(h -> Long.parseLong(h.replaceAll("^/units/(\\d+).*", "$1")))
                            .toList();
                    same(login + " " + q, caller, shown, expected, UnitPagesController.SEARCH_LIMIT);
                }
            }
            List<Long> roots =
                    Jsoup.parse(web.getPage("/units").body())
                            .select(".unit-tree .unit-node a")
                            .eachAttr("href")
                            .stream()
                            .filter(h -> h.matches("/units/\\d+.*"))
                            .map(h -> Long.parseLong(h.replaceAll("^/units/(\\d+).*", "$1")))
                            .toList();
            assertThat(roots)
                    .as(login + ": the tree starts at the scope")
                    .containsExactlyElementsOf(caller.view().unitIds());
        }
    }

    /**
     * Every unit answered lies in the caller's view scope, and the answer is the one expected — the
     * same units, or, when there are more than the limit (ties of score, level and name may then be
     * cut anywhere), as many.
     */
    private void same(String what, Caller caller, List<Long> answered, List<Long> expected, int limit) {
        assertThat(answered)
                .as(what)
                .allSatisfy(id -> assertThat(units.contains(caller.view(), id, Dates.today()))
                        .as(what + ": unit " + id + " outside the scope")
                        .isTrue());
        if (expected.size() < limit) {
            assertThat(answered).as(what).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            assertThat(answered).as(what).hasSize(limit);
        }
    }

    private WebSession signIn(String login) {
        WebSession web = new WebSession(port);
        String password = login.equals(ScopeFixture.THAI_BINH_OFFICER) ? ScopeFixture.PASSWORD : DemoLogins.PASSWORD;
        assertThat(web.signIn(login, password).statusCode()).isEqualTo(302);
        return web;
    }

    private JsonNode json(WebSession web, String path) {
        HttpResponse<String> response = web.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<Long> ids(JsonNode hits) {
        List<Long> ids = new ArrayList<>();
        hits.forEach(h -> ids.add(h.get("unit").get("id").asLong()));
        return ids;
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return new ArrayList<>(hits.stream().map(h -> h.unit().id()).toList());
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
