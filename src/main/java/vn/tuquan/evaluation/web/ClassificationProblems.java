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
import vn.tuquan.evaluation.ClassificationRefusedException;

/** The evaluation API's answer to refused input: 400 {@code application/problem+json} naming the field. */
@RestControllerAdvice(assignableTypes = ExplanationApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClassificationProblems {

    private final MessageSource messages;

    ClassificationProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ApiResponse(responseCode = "400", description = "A field is refused: `errors` names it, with a message in the caller's language.")
    @ExceptionHandler(ClassificationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ClassificationRefusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = messages.getMessage("evaluation.classification.field." + e.field(), null, e.field(), locale);
        String message = messages.getMessage("evaluation.classification.fieldError",
                new Object[] {field, messages.getMessage(e.messageKey(), e.args(), locale)}, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(messages.getMessage("evaluation.classification.problem.refused", null, locale));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
