package vn.tuquan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.demo.DemoLogins;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Every page and API call that takes a page, an offset, a limit or a size (found on the handlers'
 * request parameters by their names, so a new one is covered) answers a negative, a huge, an
 * overflowing or a non-numeric value with a page (the first or the last) or a 400 — a problem for
 * the API — and never a 500 (issue 13.12: {@code /audit?page=999999999} answered 500).
 */
@TuquanTest
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingBoundsTests {

    static final Pattern PAGING = Pattern.compile("(?i)page|offset|limit|size|first|max|count|from|skip");
    static final List<String> VALUES =
            List.of("-1", "-2147483648", "2147483647", "999999999", "99999999999999", "abc", "");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Units units;

    record Paged(String pattern, List<String> parameters, Map<String, String> otherRequired) {
        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    final List<Paged> paged = new ArrayList<>();
    UnitView haiMinh;
    long area;

    @BeforeAll
    void findThePagedEndpoints() {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!handler.getBeanType().getName().startsWith("vn.tuquan.")
                    || !methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            List<String> parameters = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                Class<?> type = parameter.getParameterType();
                if (annotation == null
                        || !(type == int.class || type == Integer.class || type == long.class || type == Long.class)) {
                    continue;
                }
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
                if (name != null && PAGING.matcher(name).matches()) {
                    parameters.add(name);
                }
            }
            if (!parameters.isEmpty()) {
                Map<String, String> others = AccessMatrixTests.otherRequired(handler, List.of());
                parameters.forEach(others::remove);
                entry.getKey()
                        .getPathPatternsCondition()
                        .getPatternValues()
                        .forEach(p -> paged.add(new Paged(p, parameters, others)));
            }
        }
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", Dates.today()).orElseThrow();
        area = units.children(Scope.WHOLE_COUNTRY, haiMinh.id(), Dates.today()).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void everyPagedEndpointAnswersAnyPageWithAPageOrA400_neverA500() {
        assertThat(paged)
                .extracting(Paged::pattern)
                .as("the paged pages and API calls found on the handlers")
                .contains(
                        "/audit",
                        "/order/incidents",
                        "/api/v1/order/incidents",
                        "/api/v1/units/{id}/subtree",
                        "/api/v1/units/search",
                        "/api/v1/order/units/{unitId}/drug-users",
                        "/api/v1/evaluation/units/{unitId}/runs",
                        "/evaluation/units/{unitId}/runs");
        WebSession admin = new WebSession(port);
        admin.signIn("quantri", DemoLogins.PASSWORD);
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Paged endpoint : paged) {
            String path = fill(endpoint.pattern());
            for (String parameter : endpoint.parameters()) {
                for (String value : VALUES) {
                    StringBuilder query =
                            new StringBuilder("?").append(parameter).append('=').append(value);
                    endpoint.otherRequired()
                            .forEach((k, v) ->
                                    query.append('&').append(k).append('=').append(v));
                    HttpResponse<String> response = endpoint.api()
                            ? admin.get(path + query, "Accept", "application/json")
                            : admin.getPage(path + query);
                    requests++;
                    int status = response.statusCode();
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (status >= 500 || status != 200 && status != 400) {
                        wrong.add(path + query + " → " + status);
                    } else if (status == 400 && endpoint.api() && !type.startsWith("application/problem+json")) {
                        wrong.add(path + query + " → 400 as " + type);
                    }
                }
            }
        }
        assertThat(wrong).as("answers to %d requests", requests).isEmpty();
    }

    @Test
    void theAuditPageShowsTheFirstPageForANegativeOneAndTheLastForOnePastTheEnd() {
        WebSession admin = new WebSession(port);
        admin.signIn("quantri", DemoLogins.PASSWORD);
        List<String> first = entries(admin.getPage("/audit?page=0").body());
        assertThat(first).isNotEmpty();
        assertThat(entries(admin.getPage("/audit?page=-3").body())).isEqualTo(first);
        Document far = Jsoup.parse(admin.getPage("/audit?page=999999999").body());
        assertThat(entries(far.outerHtml()))
                .as("the last page, not an empty one")
                .isNotEmpty();
        assertThat(far.selectFirst("a[rel=next]")).isNull();
        if (far.selectFirst("a[rel=prev]") != null) {
            // the page before the last links to it: the same entries
            Document beforeLast = Jsoup.parse(
                    admin.getPage(far.selectFirst("a[rel=prev]").attr("href")).body());
            Document last = Jsoup.parse(
                    admin.getPage(beforeLast.selectFirst("a[rel=next]").attr("href"))
                            .body());
            assertThat(entries(last.outerHtml())).isEqualTo(entries(far.outerHtml()));
        }
        assertThat(admin.getPage("/audit?page=abc").statusCode()).isEqualTo(400);
    }

    private static List<String> entries(String html) {
        return Jsoup.parse(html)
                .select("#audit-entries tbody tr td:first-child")
                .eachText();
    }

    private String fill(String pattern) {
        Matcher m = AccessMatrixTests.VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("year")
                    ? Integer.toString(Dates.today().getYear())
                    : name.equals("code")
                            ? haiMinh.code()
                            : name.toLowerCase(java.util.Locale.ROOT).contains("area")
                                    ? Long.toString(area)
                                    : Long.toString(haiMinh.id());
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }
}
