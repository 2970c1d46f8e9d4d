package vn.tuquan.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.tuquan.shared.AccessRefusedException;

/**
 * Every error of a REST controller is an RFC 9457 problem in the caller's language; invalid input
 * lists each field with its message. Unexpected failures are logged and answered without
 * internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    ApiExceptionHandler(MessageSource messages) {
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        MessageSource messages = getMessageSource();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        problem.setDetail(messages.getMessage("error.validation.detail", null, locale));
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map((FieldError e) -> Map.of("field", e.getField(),
                        "message", messages.getMessage(e, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Standard errors (404, 405, 415 …) get their title and, when they have none, a detail in the caller's language. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Locale locale = LocaleContextHolder.getLocale();
            String key = switch (status.value()) {
                case 400, 401, 403, 404, 405, 413 -> "error." + status.value();
                default -> status.is4xxClientError() ? "error.400" : "error.500";
            };
            HttpStatus known = HttpStatus.resolve(status.value());
            if (problem.getTitle() == null || known != null && problem.getTitle().equals(known.getReasonPhrase())) {
                problem.setTitle(getMessageSource().getMessage(key + ".title", null, locale));
            }
            if (problem.getDetail() == null || problem.getDetail().startsWith("No static resource")
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
