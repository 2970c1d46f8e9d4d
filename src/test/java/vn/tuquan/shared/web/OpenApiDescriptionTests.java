package vn.tuquan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.NodeTools;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.PersonalAccessTokens;
import vn.tuquan.access.UserAccounts;

/**
 * The API's description as a client gets it from {@code /v3/api-docs}: it passes Redocly's
 * recommended rules without an error or a warning, names each request and response type apart, says
 * how to authenticate as the API really asks, and lists every refusal the API answers.
 */
@TuquanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDescriptionTests {

    /** Where the description is written for the linter, and for people to look at after a run. */
    static final Path DESCRIPTION = Path.of("target", "openapi", "tuquan-api.json");

    static final String PASSWORD = "mat-khau-mo-ta-api";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PersonalAccessTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    WebSession session;
    JsonNode api;
    String token;

    @BeforeAll
    void fetchTheDescription() throws IOException {
        TestUsers.administrator(accounts, "mo.ta.api", "Mô Tả Api", PASSWORD);
        session = new WebSession(port);
        session.signIn("mo.ta.api", PASSWORD);
        HttpResponse<String> answer = session.get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        Files.createDirectories(DESCRIPTION.getParent());
        Files.writeString(DESCRIPTION, answer.body());
        api = json.readTree(answer.body());
        token = tokens.create("mo.ta.api", "mo ta api", 1).token();
    }

    @Test
    void redoclysRecommendedRulesFindNothingToReport() {
        NodeTools.Result lint = NodeTools.node(
                DESCRIPTION.getParent(),
                Duration.ofMinutes(5),
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true", "NO_COLOR", "1"),
                NodeTools.redocly().toString(),
                "lint",
                "--extends=recommended",
                "--format=json",
                "--max-problems=1000",
                DESCRIPTION.getFileName().toString());
        JsonNode report;
        try {
            report = json.readTree(lint.stdout());
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "Redocly CLI did not answer with its report (exit " + lint.exit() + "):\n" + lint.output(), e);
        }
        List<String> problems = new ArrayList<>();
        report.get("problems")
                .forEach(p -> problems.add(
                        p.get("severity").asString() + " " + p.get("ruleId").asString() + " at "
                                + p.at("/location/0/pointer").asString() + ": "
                                + p.get("message").asString()));
        assertThat(problems)
                .as("Redocly's recommended rules on %s", DESCRIPTION)
                .isEmpty();
        assertThat(report.at("/totals/errors").asInt()).isZero();
        assertThat(report.at("/totals/warnings").asInt()).isZero();
        assertThat(lint.exit()).as(lint.output()).isZero();
    }

    /**
     * Every type a handler of the API takes as its body or answers has a schema of its own: two
     * records named {@code Form} in {@code Camera} and {@code Hotspot} are {@code Camera.Form} and
     * {@code Hotspot.Form}, never one merged {@code Form}.
     */
    @Test
    void eachRequestAndResponseTypeHasASchemaOfItsOwn() {
        Set<Class<?>> types = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            boolean api = entry.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (!api || handler.getMethod().isAnnotationPresent(Hidden.class)) {
                continue;
            }
            collect(handler.getMethod().getGenericReturnType(), types);
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), types);
                }
            }
        }
        Map<String, Set<String>> classesByName = new TreeMap<>();
        for (Class<?> type : types) {
            classesByName.computeIfAbsent(name(type), n -> new TreeSet<>()).add(type.getName());
        }
        assertThat(classesByName).as("types of the API").containsKeys("Camera.Form", "Hotspot.Form", "Conference.Form");
        assertThat(classesByName.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .toList())
                .as("schema names shared by several types")
                .isEmpty();
        Set<String> schemas = new TreeSet<>(api.at("/components/schemas").propertyNames());
        assertThat(schemas)
                .as("the description's schemas")
                .containsAll(classesByName.keySet())
                .doesNotContain("Form", "ProblemDetail");
    }

    @Test
    void theDocumentedAuthenticationIsWhatTheApiAsksFor() throws Exception {
        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.at("/bearerAuth/type").asString()).isEqualTo("http");
        assertThat(schemes.at("/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
        assertThat(schemes.at("/csrf/in").asString()).isEqualTo("header");
        String cookie = schemes.at("/session/name").asString();
        String csrfHeader = schemes.at("/csrf/name").asString();
        assertThat(api.at("/paths/~1api~1v1~1me/get/security").toString())
                .isEqualTo("[{\"bearerAuth\":[]},{\"session\":[]}]");
        String write = "/api/v1/evaluation/units/{unitId}/runs";
        assertThat(api.at("/paths/" + write.replace("/", "~1") + "/post/security")
                        .toString())
                .isEqualTo("[{\"bearerAuth\":[]},{\"session\":[],\"csrf\":[]}]");

        assertThat(call("GET", "/api/v1/me", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        String sessionCookie = cookie + "=" + session.cookie(cookie);
        assertThat(call("GET", "/api/v1/me", "Cookie", sessionCookie).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/v1/me").statusCode()).isEqualTo(401);

        String csrf = Jsoup.parse(session.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        String nowhere = write.replace("{unitId}", "999999999") + "?year=2017";
        assertThat(call("POST", nowhere, "Cookie", sessionCookie).statusCode())
                .as("a write without the CSRF header")
                .isEqualTo(403);
        assertThat(call("POST", nowhere, "Cookie", sessionCookie, csrfHeader, csrf)
                        .statusCode())
                .as("the same write with it reaches the handler, which finds no such unit")
                .isEqualTo(404);
        assertThat(call("POST", nowhere, "Authorization", "Bearer " + token).statusCode())
                .as("with a token, no CSRF header")
                .isEqualTo(404);
    }

    /**
     * Every operation of the description, asked something senseless with a token (records that do
     * not exist, an empty body, placeholders for the required parameters): when it refuses, the
     * status is one its description lists, and the answer is {@code application/problem+json}.
     * A failure (5xx) is a failure of this test too.
     */
    @Test
    void everyRefusalOfASenselessRequestIsInTheDescriptionAsAProblem() {
        List<String> undocumented = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String uri = senseless(path.getKey(), op);
                HttpResponse<String> answer = send(method, uri, op);
                asked++;
                int status = answer.statusCode();
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (status >= 500
                        || status >= 400
                                && (!op.get("responses").has(String.valueOf(status))
                                        || !type.startsWith("application/problem+json"))) {
                    undocumented.add(method + " " + uri + " answered " + status + " " + type + " (described: "
                            + op.get("responses").propertyNames() + ")");
                }
            }
        }
        assertThat(asked).isGreaterThan(100);
        assertThat(undocumented).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static String name(Class<?> type) {
        String nested = ApiSchemaNames.of(type);
        return nested != null ? nested : type.getSimpleName();
    }

    /** The classes of Tuquan in a type, and in the components of those that are records, recursively. */
    static void collect(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), into);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, into);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, into);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), into);
            } else if (c.getName().startsWith("vn.tuquan.") && !c.isEnum() && into.add(c)) {
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        collect(component.getGenericType(), into);
                    }
                } else {
                    for (Method getter : c.getMethods()) {
                        if (getter.getDeclaringClass() == c
                                && getter.getParameterCount() == 0
                                && getter.getName().matches("(get|is)[A-Z].*")) {
                            collect(getter.getGenericReturnType(), into);
                        }
                    }
                }
            }
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** The path with records that do not exist, and placeholders for the required query parameters. */
    private static String senseless(String path, JsonNode op) {
        Map<String, JsonNode> parameters = new TreeMap<>();
        if (op.has("parameters")) {
            op.get("parameters")
                    .forEach(p -> parameters.put(
                            p.get("in").asString() + ":" + p.get("name").asString(), p));
        }
        Matcher m = VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            JsonNode parameter = parameters.get("path:" + m.group(1));
            m.appendReplacement(uri, placeholder(parameter));
        }
        m.appendTail(uri);
        List<String> query = new ArrayList<>();
        parameters.values().stream()
                .filter(p -> p.get("in").asString().equals("query")
                        && p.path("required").asBoolean())
                .forEach(p -> query.add(p.get("name").asString() + "=" + placeholder(p)));
        return query.isEmpty() ? uri.toString() : uri + "?" + String.join("&", query);
    }

    private static String placeholder(JsonNode parameter) {
        JsonNode schema = parameter == null ? null : parameter.get("schema");
        String type = schema == null ? "string" : schema.path("type").asString();
        if (type.equals("array")) {
            type = schema.at("/items/type").asString();
        }
        return switch (type) {
            case "integer", "number" -> "999999999";
            case "boolean" -> "true";
            default ->
                schema != null && "date".equals(schema.path("format").asString())
                        ? "2017-01-01"
                        : schema != null && schema.path("items").has("enum")
                                ? schema.at("/items/enum/0").asString()
                                : schema != null && schema.has("enum")
                                        ? schema.at("/enum/0").asString()
                                        : "x";
        };
    }

    private HttpResponse<String> send(String method, String uri, JsonNode op) {
        // what the operation answers when it succeeds (JSON, a workbook, a PDF …), or a problem
        List<String> accept = new ArrayList<>();
        op.get("responses").properties().stream()
                .filter(r -> r.getKey().startsWith("2"))
                .forEach(r -> accept.addAll(r.getValue().path("content").propertyNames()));
        accept.add("application/problem+json");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
                .header("Authorization", "Bearer " + token)
                .header("Accept", String.join(", ", accept));
        JsonNode content = op.at("/requestBody/content");
        if (content.has("multipart/form-data")) {
            String boundary = "----senseless";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        } else if (!content.isMissingNode()) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    private HttpResponse<String> call(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
