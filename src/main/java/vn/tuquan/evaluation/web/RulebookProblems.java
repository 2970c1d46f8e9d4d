package vn.tuquan.evaluation.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.tuquan.evaluation.RulebookRefusedException;
import vn.tuquan.evaluation.UnknownRulebookException;

/** The rulebook API's answers to a refused adoption or an unknown version: {@code application/problem+json}. */
@RestControllerAdvice(assignableTypes = RulebooksApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RulebookProblems {

    private final MessageSource messages;

    RulebookProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal in the reader's language, naming the field: "Thresholds adjusted: … is not editable". */
    static String message(MessageSource messages, RulebookRefusedException e, Locale locale) {
        String field = messages.getMessage("evaluation.rulebooks.field." + e.field(), null, e.field(), locale);
        return messages.getMessage("evaluation.rulebooks.fieldError",
                new Object[] {field, messages.getMessage(e.messageKey(), e.args(), locale)}, locale);
    }

    /** 400 with {@code errors: [{field, message}]}. */
    @ApiResponse(responseCode = "400", description = "A field is refused: `errors` names it, with a message in the caller's language.")
    @ExceptionHandler(RulebookRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RulebookRefusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = message(messages, e, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(messages.getMessage("evaluation.rulebooks.problem.refused", null, locale));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ApiResponse(responseCode = "404", description = "No such rulebook version.")
    @ExceptionHandler(UnknownRulebookException.class)
    ResponseEntity<ProblemDetail> unknown() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("evaluation.rulebooks.problem.unknown", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
