package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.demo.DemoLogins;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.PublicEndpoint;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Every endpoint of Tuquan (found in the handler mappings, so a new one cannot be forgotten) ×
 * every role of the demo (each with its scope in Nam Định) × anonymous, on targets inside and
 * outside the caller's scope. Reads must answer; refusals must be 401/403; nothing out of scope
 * is ever served or changed. Writes inside the scope are left to the feature tests, which check
 * what they change.
 */
@TuquanTest
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Units units;

    @Autowired
    Callers callers;

    @Autowired
    JdbcClient jdbc;

    record Endpoint(String method, String pattern, HandlerMethod handler, boolean multipart, boolean json) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean write() {
            return !method.equals("GET");
        }

        /** Endpoints about one residential area or organisation rather than any unit. */
        boolean targeted() {
            return VARIABLE.matcher(pattern).results().anyMatch(m -> m.group(2) == null || m.group(2).startsWith("\\d"));
        }

        boolean local() {
            return pattern.contains("local-units") || pattern.matches("/units/\\{id}/(edit|move|close)");
        }
    }

    /** A caller of the matrix: a demo login (or nobody), with a unit, a commune and a local unit in and out of scope. */
    record Who(String username, Caller caller, Targets inside, Targets outside) {
    }

    record Targets(Long unit, String code, Long commune, Long local) {
    }

    List<Endpoint> endpoints = new ArrayList<>();
    List<Who> callersToTry = new ArrayList<>();

    @BeforeAll
    void listEndpointsAndCallers() {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getName().startsWith("vn.tuquan.")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(t -> t.getSubtype().equals("form-data"));
            boolean json = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(t -> t.getSubtype().contains("json") || t.getSubtype().contains("sheet"));
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("GET", pattern, entry.getValue(), multipart, json));
                } else {
                    methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern, entry.getValue(), multipart, json)));
                }
            }
        }
        UnitView haiMinh = code("14233");
        UnitView otherWard = code("13636");
        long villageOfHaiMinh = firstResidentialArea(haiMinh);
        long villageElsewhere = firstResidentialArea(otherWard);
        List<String> logins = DemoLogins.usernames();
        assertThat(jdbc.sql("SELECT count(DISTINCT role_code) FROM user_role r JOIN users u ON u.id = r.user_id "
                + "WHERE u.username IN (:logins)").param("logins", logins).query(Long.class).single())
                .as("one demo login per role").isEqualTo(jdbc.sql("SELECT count(*) FROM role").query(Long.class).single());
        for (var login : logins) {
            Caller caller = callers.forUsername(login).orElseThrow();
            Targets inside;
            Targets outside = null;
            if (caller.view().wholeCountry() || covers(caller, code("36"))) {
                inside = new Targets(haiMinh.id(), haiMinh.code(), haiMinh.id(), villageOfHaiMinh);
            } else {
                long scopeUnit = caller.view().unitIds().iterator().next();
                UnitView unit = units.find(Scope.WHOLE_COUNTRY, scopeUnit, today()).orElseThrow();
                inside = new Targets(unit.id(), unit.code(), unit.kind() == UnitKind.COMMUNE ? unit.id() : null,
                        unit.kind() == UnitKind.COMMUNE ? villageOfHaiMinh : unit.id());
                outside = new Targets(otherWard.id(), otherWard.code(), otherWard.id(), villageElsewhere);
            }
            callersToTry.add(new Who(login, caller, inside, outside));
        }
    }

    @Test
    void everyEndpointHasAnAccessRule() {
        assertThat(endpoints).hasSizeGreaterThan(20);
        List<String> withoutRule = endpoints.stream()
                .filter(e -> AccessRuleInterceptor.rule(e.handler(), Requires.class) == null
                        && AccessRuleInterceptor.rule(e.handler(), PublicEndpoint.class) == null)
                .map(e -> e.method() + " " + e.pattern() + " (" + e.handler() + ")")
                .toList();
        assertThat(withoutRule).as("endpoints without @Requires or @PublicEndpoint").isEmpty();
    }

    @Test
    void nobodySignedInGetsNothingButThePublicPages() {
        WebSession anonymous = new WebSession(port);
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (isPublic(endpoint)) {
                continue;
            }
            String path = fill(endpoint, new Targets(1L, "36", 1L, 1L));
            int status = send(anonymous, endpoint, path, null).statusCode();
            // a write without a session has no CSRF token either: refused with 403 before anything else
            boolean refused = endpoint.api() ? status == 401 || endpoint.write() && status == 403
                    : status == 302 || status == 401 || status == 403;
            if (!refused) {
                leaks.add(endpoint.method() + " " + path + " → " + status);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyRoleOnEveryEndpointInsideAndOutsideItsScope() {
        long versionsBefore = versions();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        int outOfScopeRefused = 0;
        int withoutPermissionRefused = 0;
        int answeredInside = 0;
        for (Who who : callersToTry) {
            WebSession session = new WebSession(port);
            session.signIn(who.username(), DemoLogins.PASSWORD);
            String csrf = Jsoup.parse(session.getPage("/").body()).selectFirst("meta[name=_csrf]").attr("content");
            for (Endpoint endpoint : endpoints) {
                if (isPublic(endpoint)) {
                    continue;
                }
                boolean permitted = permitted(who.caller(), endpoint);
                for (boolean inside : new boolean[] {true, false}) {
                    Targets targets = inside ? who.inside() : who.outside();
                    if (targets == null || !fillable(endpoint, targets) || !inside && !endpoint.targeted()) {
                        continue;
                    }
                    if (inside && permitted && endpoint.write()) {
                        continue; // changes inside the scope: the feature tests check them
                    }
                    String path = fill(endpoint, targets);
                    int status = send(session, endpoint, path, csrf).statusCode();
                    requests++;
                    if (status == 403) {
                        if (permitted) {
                            outOfScopeRefused++;
                        } else {
                            withoutPermissionRefused++;
                        }
                    } else if (inside && permitted) {
                        answeredInside++;
                    }
                    String verdict = expect(endpoint, permitted, inside, status);
                    if (verdict != null) {
                        wrong.add(who.username() + ": " + endpoint.method() + " " + path + " → " + status + " (" + verdict + ")");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(requests).isGreaterThan(200);
        assertThat(outOfScopeRefused).as("targets outside the scope refused").isGreaterThan(30);
        assertThat(withoutPermissionRefused).as("missing permissions refused").isGreaterThan(30);
        assertThat(answeredInside).as("reads inside the scope answered").isGreaterThan(50);
        assertThat(versions()).as("no refused request changed anything").isEqualTo(versionsBefore);
    }

    /** {@code null} when the status is right, else what was expected. */
    private static String expect(Endpoint endpoint, boolean permitted, boolean inside, int status) {
        if (!permitted) {
            return status == 403 ? null : "expected 403: the role lacks the permission";
        }
        if (!inside) {
            if (status == 403) {
                return null;
            }
            // a write may be refused for its body before its target is looked at; it must never succeed
            boolean refusedWrite = endpoint.write() && status >= 400 && status < 500 && status != 401;
            return refusedWrite ? null : "expected 403: the target is outside the scope";
        }
        return status < 500 && status != 401 && status != 403 ? null : "expected an answer inside the scope";
    }

    private static boolean permitted(Caller caller, Endpoint endpoint) {
        Requires requires = AccessRuleInterceptor.rule(endpoint.handler(), Requires.class);
        return EnumSet.copyOf(caller.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : caller.permissions())
                .containsAll(List.of(requires.value()));
    }

    private static boolean isPublic(Endpoint endpoint) {
        return AccessRuleInterceptor.rule(endpoint.handler(), PublicEndpoint.class) != null;
    }

    private static boolean fillable(Endpoint endpoint, Targets targets) {
        Matcher m = VARIABLE.matcher(endpoint.pattern());
        while (m.find()) {
            if (value(endpoint, m.group(1), m.group(2), targets) == null) {
                return false;
            }
        }
        return true;
    }

    private static String fill(Endpoint endpoint, Targets targets) {
        Matcher m = VARIABLE.matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(value(endpoint, m.group(1), m.group(2), targets)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String value(Endpoint endpoint, String name, String regex, Targets targets) {
        if (regex != null && !regex.startsWith("\\d")) {
            return regex.split("\\|")[0]; // an alternative such as {area:access|movement|…}
        }
        if (name.equals("code")) {
            return targets.code();
        }
        if (name.equals("year")) {
            return Integer.toString(today().getYear());
        }
        Long id = switch (name) {
            case "communeId", "parentId" -> targets.commune();
            default -> endpoint.local() ? targets.local() : targets.unit();
        };
        return id == null ? null : id.toString();
    }

    private static HttpResponse<String> send(WebSession session, Endpoint endpoint, String path, String csrf) {
        String query = path.contains("?") ? "&" : "?";
        if (!endpoint.write()) {
            return endpoint.api() || endpoint.json() ? session.get(path) : session.getPage(path);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        if (endpoint.multipart()) {
            return session.postMultipart(path, fields, "file", List.of());
        }
        return session.send(endpoint.method(), path + query + "asOf=" + today(), fields, endpoint.api());
    }

    private UnitView code(String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, today()).orElseThrow();
    }

    private long firstResidentialArea(UnitView commune) {
        return units.children(Scope.WHOLE_COUNTRY, commune.id(), today()).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA).findFirst().orElseThrow().id();
    }

    private boolean covers(Caller caller, UnitView unit) {
        return units.inScope(caller.view(), unit, today());
    }

    private long versions() {
        return jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single();
    }

    private static java.time.LocalDate today() {
        return vn.tuquan.shared.Dates.today();
    }
}
