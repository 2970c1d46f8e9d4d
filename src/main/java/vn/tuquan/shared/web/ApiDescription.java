package vn.tuquan.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * What every operation of the API gets in its description without anything written on it:
 *
 * <ul>
 * <li>its <b>security</b>: a personal access token ({@code bearerAuth}) or the session cookie
 * ({@code session}), with the CSRF header ({@code csrf}) on a write that uses the session — as
 * {@code SecurityConfiguration} asks for on {@code /api/**};</li>
 * <li>its <b>refusals</b>, each an {@code application/problem+json} {@code Problem}: 401 and 403
 * always, 400 when it takes a parameter or a body, 404 when its path names a record, 415 when it
 * takes a body, 413 when that is an upload, and whatever the exception handlers that answer for
 * its controller declare with {@code @ApiResponse} (422, 409 …; springdoc finds them, this class
 * gives them the problem schema).</li>
 * </ul>
 *
 * <p>A success described as answering {@code *}{@code /*} (springdoc's default) is JSON unless it
 * is a file's bytes. It also declares the security schemes and the {@code Problem} schema, and
 * drops schemas no operation refers to any more (the {@code ProblemDetail} springdoc reads off the
 * handlers). An operation must still say what it does in a summary
 * ({@code @Operation(summary = …)}).
 */
final class ApiDescription implements OpenApiCustomizer {

    static final String BEARER = "bearerAuth";
    static final String SESSION = "session";
    static final String CSRF = "csrf";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_ERROR = "Problem.Error";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static final String FORBIDDEN = "Refused: the caller lacks the permission, the record lies outside their scope, "
            + "they must enrol a second factor first, or a write with the session came without the CSRF header.";
    static final String FAILED = "An unexpected failure, logged on the server; the answer holds no internals.";
    static final String REFUSED = "Bad input: a parameter or a field is missing, malformed or refused; `errors` names "
            + "each one with a message in the caller's language (`code` the rule, `field` and `fieldName` the first "
            + "field); nothing is written.";
    static final String UNKNOWN = "No such record, or none of it under the unit asked about or in the caller's view.";
    static final String CONFLICT = "The record's present state does not allow the step (e.g. accepting a "
            + "self-assessment not yet submitted, submitting twice); nothing is written.";
    static final String RULE = "Refused by a rule of the register: `code` names the rule (and `field` the field), or, "
            + "for a file, `errors` lists every refused line or row; nothing is written.";

    /** What a refusal means when the handler answering it says nothing more specific. */
    static final Map<String, String> REFUSALS = Map.of(
            "400",
                    "Bad input: a parameter or a field is missing, malformed or refused; `errors` names each one "
                            + "with a message in the caller's language.",
            "401", "Not signed in: no valid personal access token and no signed-in session.",
            "403", FORBIDDEN,
            "404", "No such record.",
            "413", "The upload is larger than allowed (20 MB a file, 50 MB a request; some imports allow less).",
            "415", "The body is not of a media type the operation takes.",
            "500", FAILED);

    private static final Set<PathItem.HttpMethod> SAFE =
            Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD, PathItem.HttpMethod.OPTIONS);

    private final String sessionCookie;

    ApiDescription(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        securitySchemes(components);
        components.addSchemas(PROBLEM, schema(PROBLEM_SCHEMA));
        components.addSchemas(PROBLEM_ERROR, schema(PROBLEM_ERROR_SCHEMA));
        if (api.getPaths() != null) {
            api.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
        }
        dropUnusedSchemas(api);
    }

    private void securitySchemes(Components components) {
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("tq_…")
                        .description(
                                "A personal access token (`Authorization: Bearer tq_…`), made at `/account/tokens` "
                                        + "or with `./tuquan user token NAME --name N --days D`; it carries its person's "
                                        + "permissions and scope. No CSRF header is needed with it."));
        components.addSecuritySchemes(
                SESSION,
                new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name(sessionCookie)
                        .description("The session of a person signed in through `/login` (password, then the TOTP code "
                                + "when they use one)."));
        components.addSecuritySchemes(
                CSRF,
                new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(CSRF_HEADER)
                        .description("With the session, every write (POST, PUT, PATCH, DELETE) carries the session's "
                                + "CSRF token in this header; pages hold it in `<meta name=\"_csrf\">`."));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setSecurity(List.of(
                new SecurityRequirement().addList(BEARER),
                SAFE.contains(method)
                        ? new SecurityRequirement().addList(SESSION)
                        : new SecurityRequirement().addList(SESSION).addList(CSRF)));

        ApiResponses declared = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, ApiResponse> responses = new TreeMap<>(Comparator.comparing(ApiDescription::order));
        responses.putAll(declared);
        List<String> refusals = new ArrayList<>(List.of("401", "403"));
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()
                || operation.getRequestBody() != null) {
            refusals.add("400");
        }
        if (operation.getRequestBody() != null) {
            refusals.add("415");
        }
        if (path.contains("{")) {
            refusals.add("404");
        }
        if (operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().keySet().stream()
                        .anyMatch(type -> type.startsWith("multipart/"))) {
            refusals.add("413");
        }
        refusals.forEach(code -> responses.putIfAbsent(code, new ApiResponse()));
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problem(code, response);
            } else {
                json(response);
            }
        });
        ApiResponses ordered = new ApiResponses();
        responses.forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }

    /** A refusal's body is a problem; its description is the handler's own, else the general one. */
    private static void problem(String code, ApiResponse response) {
        if (response.getDescription() == null
                || response.getDescription().isBlank()
                || response.getDescription().equals(defaultDescription(code))) {
            response.setDescription(REFUSALS.getOrDefault(code, "Refused; the problem says why."));
        }
        response.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /**
     * A handler that says nothing of what it produces is described as answering {@code *}{@code /*};
     * what it answers is JSON unless it is a file's bytes (an attachment, a certificate), which stay
     * {@code *}{@code /*} as their type depends on the file.
     */
    private static void json(ApiResponse response) {
        Content content = response.getContent();
        MediaType any = content == null ? null : content.get("*/*");
        if (any == null
                || any.getSchema() != null
                        && "string".equals(type(any.getSchema()))
                        && Set.of("byte", "binary").contains(any.getSchema().getFormat())) {
            return;
        }
        content.remove("*/*");
        content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
    }

    private static String type(Schema<?> schema) {
        if (schema.getTypes() != null && schema.getTypes().size() == 1) {
            return schema.getTypes().iterator().next();
        }
        return schema.getType();
    }

    /** springdoc's description of a response nobody described (the reason phrase). */
    private static String defaultDescription(String code) {
        HttpStatus status = HttpStatus.resolve(Integer.parseInt(code));
        return status == null ? null : status.getReasonPhrase();
    }

    private static String order(String code) {
        return "default".equals(code) ? "999" : code;
    }

    /** Removes component schemas that nothing refers to any more, until none is left over. */
    private static void dropUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            StringBuilder used = new StringBuilder(json(api.getPaths()));
            schemas.values().forEach(schema -> used.append(json(schema)));
            for (String name : new ArrayList<>(schemas.keySet())) {
                if (used.indexOf("\"#/components/schemas/" + name + "\"") < 0) {
                    schemas.remove(name);
                    dropped = true;
                }
            }
        }
    }

    private static String json(Object value) {
        try {
            return Json31.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema<?> schema(String json) {
        try {
            return Json31.mapper().readValue(json, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String PROBLEM_SCHEMA = """
            {
              "type": "object",
              "description": "An RFC 9457 problem, in the caller's language. Registers add members of their own: `code` (the rule that refused), `field` and `fieldName`.",
              "properties": {
                "type": {"type": "string", "format": "uri-reference", "description": "`about:blank`: the status says what kind of problem it is"},
                "title": {"type": "string", "description": "what went wrong, in a few words"},
                "status": {"type": "integer", "format": "int32", "description": "the HTTP status"},
                "detail": {"type": "string", "description": "what went wrong and what to do"},
                "instance": {"type": "string", "format": "uri-reference", "description": "the path asked for"},
                "code": {"type": "string", "description": "the message key of the rule that refused"},
                "field": {"type": "string", "description": "the field refused, when one field is"},
                "fieldName": {"type": "string", "description": "that field's label in the caller's language"},
                "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Problem.Error"}, "description": "each field or row refused"}
              },
              "required": ["title", "status"]
            }
            """;

    private static final String PROBLEM_ERROR_SCHEMA = """
            {
              "type": "object",
              "description": "One refused field of a request, or one refused row of an imported file.",
              "properties": {
                "field": {"type": "string", "description": "the field (a JSON member, a parameter or a form part)"},
                "message": {"type": "string", "description": "why, in the caller's language"},
                "file": {"type": "string", "description": "the file of an import"},
                "line": {"type": "integer", "format": "int32", "description": "the line of a CSV file"},
                "row": {"type": "integer", "format": "int32", "description": "the row of a workbook"},
                "column": {"type": "string", "description": "the column"},
                "position": {"type": "string", "description": "where in the file, when not a line"},
                "code": {"type": "string", "description": "the message key of the rule that refused"}
              },
              "required": ["message"]
            }
            """;
}
