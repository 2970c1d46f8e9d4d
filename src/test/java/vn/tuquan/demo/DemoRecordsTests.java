package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * "Xem hồ sơ" lists exactly what was counted: for every value the demo's 2017 run computed for Xã Hải
 * Minh, every unit its children's facts count (its residential areas) and the provincial hospital —
 * incidents by kind, category and class and their sums, serious fires and accidents, new drug users,
 * drug users, drug spots, mediations and those reconciled, re-education cases, households and those
 * registered, effective models, the commune's children and those registered and recognised, and the
 * movement classification's items — the explanation's JSON gives the count and the link to its records;
 * the test follows the link over HTTP, as the administrator, and counts the records the page lists.
 * Every pair is checked before the test fails, so one run names them all.
 */
@TuquanTest
@ActiveProfiles("demo")
class DemoRecordsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    @Test
    void everyCountOfTheDemos2017RunLeadsToAListOfExactlyThatManyRecords() {
        WebSession admin = new WebSession(port);
        assertThat(admin.signIn("quantri", DemoLogins.PASSWORD).statusCode()).isLessThan(400);
        UnitView haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, DemoEvaluation.HAI_MINH, NamDinh2017.AS_OF)
                .orElseThrow();
        JsonNode commune = explanation(admin, haiMinh.id());
        List<Long> walked = new ArrayList<>(List.of(haiMinh.id()));
        for (JsonNode child : commune.get("explanation").get("children")) {
            if (child.get("counted").asBoolean()) {
                walked.add(child.get("id").asLong());
            }
        }
        assertThat(walked).as("Hải Minh and its residential areas").hasSizeGreaterThan(10);
        walked.add(units.search(
                        Scope.WHOLE_COUNTRY,
                        "Bệnh viện Đa khoa tỉnh Nam Định",
                        NamDinh2017.AS_OF,
                        Set.of(UnitKind.HOSPITAL),
                        Optional.empty(),
                        1)
                .get(0)
                .unit()
                .id());

        List<String> mismatches = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        int followed = 0;
        for (long unitId : walked) {
            JsonNode e = unitId == haiMinh.id() ? commune : explanation(admin, unitId);
            String where = e.get("unitName").asString();
            Set<String> pageLinks = new LinkedHashSet<>(
                    Jsoup.parse(admin.getPage("/evaluation/units/" + unitId + "/years/" + DemoEvaluation.YEAR)
                                    .body())
                            .select("a.records-link")
                            .eachAttr("href"));
            for (JsonNode criterion : e.get("criteria")) {
                for (JsonNode v : criterion.get("values")) {
                    String item = v.get("item").asString();
                    String records =
                            v.get("records").isNull() ? null : v.get("records").asString();
                    if (records == null
                            || item.endsWith("Percent")
                            || !v.get("value").isIntegralNumber()) {
                        continue; // a share is compared with its part and whole, each checked on its own line
                    }
                    assertThat(pageLinks)
                            .as("the page gives the JSON's link for %s of %s", item, where)
                            .contains(records);
                    keys.add(item.contains("+") ? "a sum" : item.replaceAll("\\.[A-Z][A-Z_]*$", ".*"));
                    long listed = listed(admin, records, item);
                    followed++;
                    if (listed != v.get("value").asLong()) {
                        mismatches.add(where + ": " + item + " counted "
                                + v.get("value").asLong() + ", listed " + listed + " at " + records);
                    }
                }
            }
            JsonNode classification = e.get("classification");
            if (classification != null && !classification.isNull()) {
                for (JsonNode i : classification.get("items")) {
                    String shown = i.get("shownValue").asString();
                    if (i.get("records").isNull() || !shown.matches("\\d+")) {
                        continue;
                    }
                    long listed = listed(
                            admin, i.get("records").asString(), i.get("code").asString());
                    followed++;
                    if (listed != Long.parseLong(shown)) {
                        mismatches.add(where + ": classification item "
                                + i.get("code").asString() + " counted " + shown + ", listed " + listed + " at "
                                + i.get("records").asString());
                    }
                }
            }
        }
        assertThat(keys)
                .as("the facts walked")
                .contains(
                        "incidents.kind.*",
                        "incidents.category.*",
                        "crimes.severity.*",
                        "incidents.seriousSubjective",
                        "drugUsers.new",
                        "hotspots.drugs",
                        "mediations.total",
                        "mediations.reconciled",
                        "reEducations.total",
                        "households.total",
                        "households.registered",
                        "models.effective",
                        "children.residentialAreas.total",
                        "children.residentialAreas.registered",
                        "children.residentialAreas.recognised",
                        "a sum");
        assertThat(followed).isGreaterThan(300);
        assertThat(mismatches)
                .as("counts whose records list holds another number")
                .isEmpty();
    }

    private static JsonNode explanation(WebSession session, long unitId) {
        HttpResponse<String> response =
                session.get("/api/v1/evaluation/units/" + unitId + "/years/" + DemoEvaluation.YEAR + "/explanation");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** How many records the list behind a link holds, read from the page as a person reads it. */
    private static long listed(WebSession session, String link, String item) {
        HttpResponse<String> response = session.getPage(link);
        assertThat(response.statusCode()).as(link).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        if (link.startsWith("/order/incidents")) {
            long total = number(page.select("#found").text());
            if (total <= 50) {
                assertThat(page.select("#incidents > li"))
                        .as("the incidents listed at %s", link)
                        .hasSize((int) total);
            }
            return total;
        }
        if (link.contains("/drug-users") || link.contains("/mediations") || link.contains("/re-educations")) {
            long total = number(page.select(".person-found").text());
            if (total <= 200) {
                assertThat(page.select("table tbody tr"))
                        .as("the records listed at %s", link)
                        .hasSize((int) total);
            }
            return total;
        }
        if (link.startsWith("/order/hotspots")) {
            return page.select("li.order-hotspot").size();
        }
        if (link.contains("/households/areas/")) {
            // each household living there on the day counted; those registered for the period marked
            return page.select(
                            item.endsWith(".registered")
                                    ? "li.household-item[data-registered=true]"
                                    : "li.household-item")
                    .size();
        }
        if (link.startsWith("/movement/units/")) {
            return page.select("table.movement-models tr[id^=model-]").size();
        }
        if (link.contains("#children")) {
            return page.select("ul.children li").size();
        }
        throw new AssertionError("no list known at " + link);
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        assertThat(digits).as(text).isNotEmpty();
        return Long.parseLong(digits);
    }
}
