package vn.tuquan.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.Chromium;
import vn.tuquan.NodeTools;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.Callers;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.Units;

/**
 * The pages a person uses, checked by axe-core (Deque's accessibility engine, from the npm
 * registry at the version in {@code src/test/node}) in a real Chromium with the demo's data: any
 * violation of its rules (WCAG 2.x A and AA, and its best practices) fails, naming the page, the
 * rule and the elements. Without Chromium or Node.js the test fails: it never skips.
 */
@TuquanTest
@ActiveProfiles("demo")
class AccessibilityBrowserTests {

    static Chromium chromium;
    static String axe;

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    @Autowired
    Callers callers;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void launch() {
        axe = NodeTools.axe();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void axeFindsNoViolationOnThePagesPeopleUse() {
        long haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        long villageHeadsArea = callers.forUsername("truongthon")
                .orElseThrow()
                .capture()
                .unitIds()
                .iterator()
                .next();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("units", "/units");
        pages.put("a commune", "/units/" + haiMinh);
        pages.put("the commune's movement", "/movement/units/" + haiMinh);
        pages.put("a residential area's households", "/households/areas/" + villageHeadsArea);
        pages.put("order", "/order");
        pages.put("record an incident", "/order/incidents/new");
        pages.put("incidents", "/order/incidents");
        pages.put("evaluation", "/evaluation");
        pages.put("a verdict explained", "/evaluation/units/" + haiMinh + "/years/2017");
        pages.put("statistics of a commune", "/statistics?unit=" + haiMinh + "&year=2017");
        pages.put("statistics of the country", "/statistics?unit=all&year=2017");
        pages.put(
                "units counted by a statistic",
                "/statistics/units?unit=" + haiMinh + "&year=2017&indicator=residential-areas");
        pages.put("audit log", "/audit");
        pages.put("users", "/access");
        pages.put("my account", "/account");

        List<String> violations = new ArrayList<>();
        try (Chromium.Tab tab = chromium.open(port, 1280, 800)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            violations.addAll(check("login", page));
            page.getByLabel("Tên đăng nhập").fill("quantri");
            page.getByLabel("Mật khẩu").fill(DemoData.DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            assertThat(page).hasURL(tab.url("/"));
            pages.forEach((name, path) -> {
                var response = page.navigate(tab.url(path));
                org.assertj.core.api.Assertions.assertThat(response.status())
                        .as(path)
                        .isEqualTo(200);
                violations.addAll(check(name, page));
            });
        }
        assertThat(violations).as("axe-core's violations").isEmpty();
    }

    /** Runs axe-core in the page (through the browser's debugging protocol, as the page's policy allows no inline script). */
    private List<String> check(String name, Page page) {
        page.waitForLoadState();
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => { " + axe + "\n}");
        }
        String result = (String) page.evaluate("""
                async () => {
                  const results = await axe.run(document, {resultTypes: ['violations']});
                  return JSON.stringify(results.violations);
                }""");
        List<String> found = new ArrayList<>();
        for (JsonNode violation : json.readTree(result)) {
            List<String> nodes = new ArrayList<>();
            violation
                    .get("nodes")
                    .forEach(n -> nodes.add(n.get("target").toString() + " "
                            + n.path("failureSummary").asString()));
            found.add(name + " (" + page.url() + "): " + violation.get("id").asString() + " ["
                    + violation.get("impact").asString() + "] "
                    + violation.get("help").asString() + " — " + nodes);
        }
        return found;
    }
}
