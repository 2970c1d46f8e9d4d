package vn.tuquan.access.internal;

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
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.Callers;
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
 * outside the caller's scope: in the path ({@code /units/{id}/…}) and in the request parameters
 * that name a unit ({@code ?unit=}, {@code ?unitId=}, {@code ?within=}, {@code ?toAreaId=} …, found
 * on the handlers' {@code @RequestParam}s by their names). Reads inside must answer; a target
 * outside the scope must be refused with exactly 403 (a write is refused for its target before its
 * body is looked at); a list asked with a unit outside the scope may instead answer, holding
 * nothing of that unit. Writes inside the scope are left to the feature tests, which check what
 * they change.
 */
@TuquanTest
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
    /** The name of a request parameter that names a unit: {@code unit}, {@code unitId}, {@code toAreaId}, {@code within} … */
    static final Pattern UNIT_PARAMETER = Pattern.compile("(?i).*(unit|area|commune|within|parent).*");

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

    /**
     * An endpoint as the handler mappings list it, with the names of its request parameters that
     * take a unit's id, and placeholder values for its other required parameters (so that a
     * request reaches the handler).
     */
    record Endpoint(
            String method,
            String pattern,
            HandlerMethod handler,
            boolean multipart,
            boolean json,
            List<String> unitParameters,
            Map<String, String> otherRequired) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean write() {
            return !method.equals("GET");
        }

        /** Endpoints whose path names a unit ({@code /units/{id}}, {@code {unitId}}, {@code {areaId}} …). */
        boolean targeted() {
            return VARIABLE.matcher(pattern).results().anyMatch(m -> unitVariable(pattern, m));
        }

        /**
         * Whether every variable of the path names a unit: then the path is as meaningful outside the
         * scope as inside. (Other variables name records — a household, a model — and are filled with
         * numbers that need not be one of them.)
         */
        boolean onlyUnitsInPath() {
            return VARIABLE.matcher(pattern)
                    .results()
                    .allMatch(m -> unitVariable(pattern, m)
                            || m.group(1).equals("year")
                            || m.group(2) != null && !m.group(2).startsWith("\\d"));
        }

        boolean local() {
            return pattern.contains("local-units") || pattern.matches("/units/\\{id}/(edit|move|close)");
        }
    }

    /**
     * A caller of the matrix: a demo login (or nobody), with a unit, a commune and a local unit in
     * and out of scope, and what an answer must not hold when asked about the unit outside: its
     * name and the ids of its subtree.
     */
    record Who(
            String username,
            Caller caller,
            Targets inside,
            Targets outside,
            String outsideName,
            Set<Long> outsideIds) {}

    /** Where the targets come from: the path's variables, and the request parameters that name a unit. */
    enum Attempt {
        INSIDE,
        OUTSIDE_IN_PATH,
        OUTSIDE_IN_PARAMETERS
    }

    record Targets(Long unit, String code, Long commune, Long local) {}

    List<Endpoint> endpoints = new ArrayList<>();
    List<Who> callersToTry = new ArrayList<>();

    @BeforeAll
    void listEndpointsAndCallers() {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getName().startsWith("vn.tuquan.")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(t -> t.getSubtype().equals("form-data"));
            boolean json = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(t ->
                            t.getSubtype().contains("json") || t.getSubtype().contains("sheet"));
            List<String> unitParameters = unitParameters(entry.getValue());
            Map<String, String> otherRequired = otherRequired(entry.getValue(), unitParameters);
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(
                            "GET", pattern, entry.getValue(), multipart, json, unitParameters, otherRequired));
                } else {
                    methods.forEach(m -> endpoints.add(new Endpoint(
                            m.name(), pattern, entry.getValue(), multipart, json, unitParameters, otherRequired)));
                }
            }
        }
        UnitView haiMinh = code("14233");
        long villageOfHaiMinh = firstResidentialArea(haiMinh);
        List<String> logins = DemoLogins.usernames();
        assertThat(jdbc.sql("SELECT count(DISTINCT role_code) FROM user_role r JOIN users u ON u.id = r.user_id "
                                + "WHERE u.username IN (:logins)")
                        .param("logins", logins)
                        .query(Long.class)
                        .single())
                .as("one demo login per role")
                .isEqualTo(
                        jdbc.sql("SELECT count(*) FROM role").query(Long.class).single());
        for (var login : logins) {
            Caller caller = callers.forUsername(login).orElseThrow();
            if (caller.view().wholeCountry() || covers(caller, code("36"))) {
                Targets inside = new Targets(haiMinh.id(), haiMinh.code(), haiMinh.id(), villageOfHaiMinh);
                callersToTry.add(new Who(login, caller, inside, null, null, Set.of()));
            } else {
                long scopeUnit = caller.view().unitIds().iterator().next();
                UnitView unit =
                        units.find(Scope.WHOLE_COUNTRY, scopeUnit, today()).orElseThrow();
                Targets inside = new Targets(
                        unit.id(),
                        unit.code(),
                        unit.kind() == UnitKind.COMMUNE ? unit.id() : null,
                        unit.kind() == UnitKind.COMMUNE ? villageOfHaiMinh : unit.id());
                // a ward that neither lies in the scope nor holds it (the hospital lies in Phường Trần Tế Xương)
                UnitView otherWard = java.util.stream.Stream.of("13636", "13639")
                        .map(this::code)
                        .filter(w ->
                                !covers(caller, w) && !units.contains(Scope.of(Set.of(w.id())), scopeUnit, today()))
                        .findFirst()
                        .orElseThrow();
                Targets outside =
                        new Targets(otherWard.id(), otherWard.code(), otherWard.id(), firstResidentialArea(otherWard));
                Set<Long> outsideIds = new java.util.HashSet<>(Set.of(otherWard.id()));
                units.subtree(Scope.WHOLE_COUNTRY, otherWard.id(), Set.of(), today(), 10_000, 0)
                        .units()
                        .forEach(u -> outsideIds.add(u.id()));
                callersToTry.add(new Who(login, caller, inside, outside, otherWard.name(), outsideIds));
            }
        }
    }

    /** Whether a path variable names a unit: by its name, or an {@code {id}} or {@code {code}} of the units. */
    static boolean unitVariable(String pattern, java.util.regex.MatchResult variable) {
        String name = variable.group(1);
        if (variable.group(2) != null && !variable.group(2).startsWith("\\d")) {
            return false; // an alternative such as {area:reports|citizens}
        }
        if (UNIT_PARAMETER.matcher(name).matches() || name.equals("code")) {
            return true;
        }
        return name.equals("id") && pattern.substring(0, variable.start()).matches(".*(/units|/local-units)/");
    }

    /** Placeholder values for the required request parameters that do not name a unit: text, or a number. */
    static Map<String, String> otherRequired(HandlerMethod handler, List<String> unitParameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null
                    || !annotation.required()
                    || !annotation
                            .defaultValue()
                            .equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
                continue;
            }
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            if (name == null || unitParameters.contains(name)) {
                continue;
            }
            if (type == String.class) {
                values.put(name, "x");
            } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                values.put(name, "1");
            }
        }
        return values;
    }

    /** The names of a handler's request parameters that take a unit's id, or its code ({@code ?code=}). */
    static List<String> unitParameters(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            boolean anId = type == long.class
                    || type == Long.class
                    || java.util.Collection.class.isAssignableFrom(type)
                            && parameter.getGenericParameterType().getTypeName().contains("java.lang.Long");
            if (annotation == null || !anId && type != String.class) {
                continue;
            }
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            // a code names a unit in the units module (elsewhere: a household's, a model type's, a sign-in code)
            boolean aUnitsCode = !anId
                    && name != null
                    && name.equals("code")
                    && handler.getBeanType().getPackageName().startsWith("vn.tuquan.units");
            if (name != null && (anId && UNIT_PARAMETER.matcher(name).matches() || aUnitsCode)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    @Test
    void theRequestParametersThatNameAUnitAreFoundOnTheHandlers() {
        Set<String> names = new java.util.TreeSet<>();
        endpoints.forEach(e -> names.addAll(e.unitParameters()));
        // the list filters (?unit=), the forms (?unitId=), the unit search (?within=), the moves (?parentId=,
        // ?toAreaId=),
        // a unit by its code (?code=)
        assertThat(names).contains("unit", "unitId", "within", "parentId", "toAreaId", "code");
        assertThat(endpoints.stream().filter(e -> !e.unitParameters().isEmpty()).count())
                .isGreaterThan(15);
    }

    @Test
    void everyEndpointHasAnAccessRule() {
        assertThat(endpoints).hasSizeGreaterThan(20);
        List<String> withoutRule = endpoints.stream()
                .filter(e -> AccessRuleInterceptor.rule(e.handler(), Requires.class) == null
                        && AccessRuleInterceptor.rule(e.handler(), PublicEndpoint.class) == null)
                .map(e -> e.method() + " " + e.pattern() + " (" + e.handler() + ")")
                .toList();
        assertThat(withoutRule)
                .as("endpoints without @Requires or @PublicEndpoint")
                .isEmpty();
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
            boolean refused = endpoint.api()
                    ? status == 401 || endpoint.write() && status == 403
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
        Map<Attempt, Integer> requests = new java.util.EnumMap<>(Attempt.class);
        int outOfScopeRefused = 0;
        int outOfScopeAnsweredEmpty = 0;
        int withoutPermissionRefused = 0;
        int answeredInside = 0;
        for (Who who : callersToTry) {
            WebSession session = new WebSession(port);
            session.signIn(who.username(), DemoLogins.PASSWORD);
            String csrf = Jsoup.parse(session.getPage("/").body())
                    .selectFirst("meta[name=_csrf]")
                    .attr("content");
            for (Endpoint endpoint : endpoints) {
                if (isPublic(endpoint)) {
                    continue;
                }
                boolean permitted = permitted(who.caller(), endpoint);
                for (Attempt attempt : Attempt.values()) {
                    boolean inside = attempt == Attempt.INSIDE;
                    Targets inPath = attempt == Attempt.OUTSIDE_IN_PATH ? who.outside() : who.inside();
                    Targets inParameters = inside ? who.inside() : who.outside();
                    if (inPath == null || inParameters == null || !fillable(endpoint, inPath)) {
                        continue;
                    }
                    if (attempt == Attempt.OUTSIDE_IN_PATH && !endpoint.targeted()
                            || attempt == Attempt.OUTSIDE_IN_PARAMETERS
                                    && (!endpoint.onlyUnitsInPath()
                                            || endpoint.unitParameters().stream()
                                                    .noneMatch(p -> parameter(p, inParameters) != null))) {
                        continue;
                    }
                    if (inside && permitted && endpoint.write()) {
                        continue; // changes inside the scope: the feature tests check them
                    }
                    String path = fill(endpoint, inPath) + parameters(endpoint, inParameters);
                    HttpResponse<String> response = send(session, endpoint, path, csrf);
                    int status = response.statusCode();
                    requests.merge(attempt, 1, Integer::sum);
                    if (status == 403) {
                        if (permitted) {
                            outOfScopeRefused++;
                        } else {
                            withoutPermissionRefused++;
                        }
                    } else if (inside && permitted) {
                        answeredInside++;
                    } else if (permitted && status < 400) {
                        outOfScopeAnsweredEmpty++;
                    }
                    String verdict = expect(endpoint, permitted, attempt, status);
                    if (verdict == null && !inside && status < 400) {
                        verdict = leak(who, response.body());
                    }
                    if (verdict != null) {
                        wrong.add(who.username() + ": " + endpoint.method() + " " + path + " → " + status + " ("
                                + verdict + ")");
                    }
                }
            }
        }
        int total = requests.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "Access matrix: %d endpoints × %d roles, %d requests (%s); %d refused outside the scope, "
                        + "%d lists answered with nothing outside, %d refused for a missing permission, %d answered inside%n",
                endpoints.size(),
                callersToTry.size(),
                total,
                requests,
                outOfScopeRefused,
                outOfScopeAnsweredEmpty,
                withoutPermissionRefused,
                answeredInside);
        assertThat(wrong).isEmpty();
        assertThat(total).isGreaterThan(200);
        assertThat(requests.get(Attempt.OUTSIDE_IN_PARAMETERS))
                .as("unit parameters outside the scope tried")
                .isGreaterThan(30);
        assertThat(outOfScopeRefused).as("targets outside the scope refused").isGreaterThan(30);
        assertThat(withoutPermissionRefused).as("missing permissions refused").isGreaterThan(30);
        assertThat(answeredInside).as("reads inside the scope answered").isGreaterThan(50);
        assertThat(versions()).as("no refused request changed anything").isEqualTo(versionsBefore);
    }

    /** {@code null} when the status is right, else what was expected. */
    private static String expect(Endpoint endpoint, boolean permitted, Attempt attempt, int status) {
        if (!permitted) {
            return status == 403 ? null : "expected 403: the role lacks the permission";
        }
        if (attempt == Attempt.INSIDE) {
            return status < 500 && status != 401 && status != 403 ? null : "expected an answer inside the scope";
        }
        if (status == 403) {
            return null;
        }
        // a list asked about a unit outside the scope may answer with nothing of it (checked by leak)
        boolean list = attempt == Attempt.OUTSIDE_IN_PARAMETERS && !endpoint.write() && status < 400;
        return list ? null : "expected 403: the target is outside the scope";
    }

    /** {@code null} when an answer about the unit outside the scope holds nothing of it, else what it holds. */
    private static String leak(Who who, String body) {
        if (body.contains(who.outsideName())) {
            return "the answer names " + who.outsideName();
        }
        Matcher ids = OUTSIDE_ID.matcher(body);
        while (ids.find()) {
            long id = Long.parseLong(ids.group(1) != null ? ids.group(1) : ids.group(2));
            if (who.outsideIds().contains(id)) {
                return "the answer holds unit " + id + " outside the scope";
            }
        }
        return null;
    }

    /** A unit's id in a link ({@code /units/5}) or in a JSON field ({@code "unitId": 5}, {@code "areaId":5} …). */
    static final Pattern OUTSIDE_ID =
            Pattern.compile("/units/(\\d+)|\"(?:unit|area|commune|parent)Id\"\\s*:\\s*(\\d+)");

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

    /**
     * The query string naming the targets in the endpoint's unit parameters (those it can fill), with
     * placeholders for its other required parameters.
     */
    private static String parameters(Endpoint endpoint, Targets targets) {
        StringBuilder query = new StringBuilder();
        endpoint.otherRequired()
                .forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(value));
        for (String name : endpoint.unitParameters()) {
            String unit = parameter(name, targets);
            if (unit != null) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(unit);
            }
        }
        return query.toString();
    }

    /** The unit's code for a code, a residential area for an area parameter, a commune for a commune or parent, else the unit. */
    private static String parameter(String name, Targets targets) {
        if (name.equals("code")) {
            return targets.code();
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        Long id = lower.contains("area")
                ? targets.local()
                : lower.contains("commune") || lower.contains("parent") ? targets.commune() : targets.unit();
        return id == null ? null : id.toString();
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
        Long id = name.toLowerCase(java.util.Locale.ROOT).contains("area")
                ? targets.local()
                : switch (name) {
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
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .findFirst()
                .orElseThrow()
                .id();
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
