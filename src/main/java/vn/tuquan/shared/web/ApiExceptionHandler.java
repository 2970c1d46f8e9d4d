package vn.tuquan.shared.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.CallerLanguage;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.FileRefusedException;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.RowProblem;
import vn.tuquan.shared.StateConflictException;
import vn.tuquan.shared.UnknownRecordException;

/**
 * Every error of a REST controller is an RFC 9457 problem in the caller's language; invalid input
 * lists each field with its message. Unexpected failures are logged and answered without
 * internals.
 *
 * <p>The one place where the modules' refusals become problems: a {@link FieldRefusedException}
 * (bad input 400, an unknown record 404, a state that does not allow the step 409, a rule of a
 * register 422: {@link FieldRefusedException#status()}) and a {@link FileRefusedException} (a file
 * refused whole). A module declares its refusal by extending one of them and writes no handler.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final RefusalMessages refusals;

    ApiExceptionHandler(MessageSource messages, RefusalMessages refusals) {
        setMessageSource(messages);
        this.refusals = refusals;
    }

    /**
     * A refusal: {@code code} is the (first) problem's message key, {@code field} and {@code fieldName}
     * the field it is about, {@code errors: [{field, message}]} every field refused; the detail says the
     * first problem. 400, or what the refusal says (422 for a rule of a register: the file handler's
     * description covers it).
     */
    @ApiResponse(responseCode = "400", description = ApiDescription.REFUSED)
    @ExceptionHandler(FieldRefusedException.class)
    ResponseEntity<ProblemDetail> refused(FieldRefusedException refusal, HttpServletRequest request) {
        Locale locale = CallerLanguage.of(request);
        FieldProblem first = refusal.problems().get(0);
        ProblemDetail problem = problem(refusal.status(), refusal.titleKey(), request, locale);
        problem.setDetail(refusals.message(refusal, first, locale));
        problem.setProperty("code", first.messageKey());
        if (first.field() != null) {
            problem.setProperty("field", first.field());
            String name = refusals.fieldName(refusal, first.field(), locale);
            if (name != null) {
                problem.setProperty("fieldName", name);
            }
        }
        List<Map<String, String>> errors = refusal.problems().stream()
                .filter(p -> p.field() != null)
                .map(p -> Map.of("field", p.field(), "message", refusals.message(refusal, p, locale)))
                .toList();
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return answer(problem);
    }

    /** An unknown record: 404, the detail saying what was not found. */
    @ApiResponse(responseCode = "404", description = ApiDescription.UNKNOWN)
    @ExceptionHandler(UnknownRecordException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownRecordException refusal, HttpServletRequest request) {
        return refused(refusal, request);
    }

    /** A step the record's state does not allow: 409, the detail saying which state and what it allows. */
    @ApiResponse(responseCode = "409", description = ApiDescription.CONFLICT)
    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ProblemDetail> conflict(StateConflictException refusal, HttpServletRequest request) {
        return refused(refusal, request);
    }

    /** A file refused whole: {@code errors: [{file, line, row, position, column, code, message}]}, the members known. */
    @ApiResponse(responseCode = "422", description = ApiDescription.RULE)
    @ExceptionHandler(FileRefusedException.class)
    ResponseEntity<ProblemDetail> fileRefused(FileRefusedException refusal, HttpServletRequest request) {
        Locale locale = CallerLanguage.of(request);
        ProblemDetail problem = problem(refusal.status(), refusal.titleKey(), request, locale);
        List<Map<String, Object>> errors =
                refusal.rows().stream().map(p -> error(refusal, p, locale)).toList();
        if (!errors.isEmpty()) {
            problem.setDetail(errors.get(0).get("message").toString());
            problem.setProperty("errors", errors);
        }
        return answer(problem);
    }

    private Map<String, Object> error(FileRefusedException refusal, RowProblem p, Locale locale) {
        Map<String, Object> error = new LinkedHashMap<>();
        put(error, "file", p.file());
        put(error, "line", p.line());
        put(error, "row", p.row());
        put(error, "position", p.position());
        put(error, "column", p.column());
        error.put("code", p.messageKey());
        error.put("message", refusals.message(refusal, p, locale));
        return error;
    }

    private static void put(Map<String, Object> error, String name, Object value) {
        if (value != null) {
            error.put(name, value);
        }
    }

    /**
     * A body that is not JSON, or a value of the wrong type ({@code "staffCount": "abc"}, a date
     * {@code "2024-13-40"}): {@code errors} names the member when it is known.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        Locale locale = servlet == null ? LocaleContextHolder.getLocale() : CallerLanguage.of(servlet);
        MessageSource messages = getMessageSource();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        String field = ex.getCause() instanceof JacksonException json
                        && !json.getPath().isEmpty()
                ? json.getPath().get(json.getPath().size() - 1).getPropertyName()
                : null;
        if (field != null) {
            problem.setDetail(messages.getMessage("error.validation.detail", null, locale));
            problem.setProperty(
                    "errors",
                    List.of(Map.of(
                            "field", field, "message", messages.getMessage("error.unreadableValue", null, locale))));
        } else {
            problem.setDetail(messages.getMessage("error.400.detail", null, locale));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, HttpServletRequest request, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(getMessageSource().getMessage(titleKey, null, titleKey, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        MessageSource messages = getMessageSource();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        problem.setDetail(messages.getMessage("error.validation.detail", null, locale));
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map((FieldError e) -> Map.of("field", e.getField(), "message", messages.getMessage(e, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Standard errors (404, 405, 415 …) get their title and, when they have none, a detail in the caller's language. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Locale locale = LocaleContextHolder.getLocale();
            String key = switch (status.value()) {
                case 400, 401, 403, 404, 405, 413 -> "error." + status.value();
                default -> status.is4xxClientError() ? "error.400" : "error.500";
            };
            HttpStatus known = HttpStatus.resolve(status.value());
            if (problem.getTitle() == null
                    || known != null && problem.getTitle().equals(known.getReasonPhrase())) {
                problem.setTitle(getMessageSource().getMessage(key + ".title", null, locale));
            }
            if (problem.getDetail() == null
                    || problem.getDetail().startsWith("No static resource")
                    || known != null && problem.getDetail().equals(known.getReasonPhrase())) {
                problem.setDetail(getMessageSource().getMessage(key + ".detail", null, locale));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ApiResponse(responseCode = "403", description = ApiDescription.FORBIDDEN)
    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ProblemDetail> refused(AccessRefusedException ex) {
        log.info("Refused: {}", ex.getMessage());
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        problem.setTitle(getMessageSource().getMessage("error.403.title", null, locale));
        problem.setDetail(getMessageSource().getMessage("error.403.detail", null, locale));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ApiResponse(responseCode = "500", description = ApiDescription.FAILED)
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error in an API call", ex);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        problem.setTitle(getMessageSource().getMessage("error.500.title", null, locale));
        problem.setDetail(getMessageSource().getMessage("error.500.detail", null, locale));
        return ResponseEntity.internalServerError().body(problem);
    }
}
