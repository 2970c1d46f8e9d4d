package vn.tuquan.order.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.tuquan.order.HotspotRefusedException;
import vn.tuquan.order.UnknownHotspotException;

/**
 * The hotspot and campaign APIs' answers to a refused or unknown record: {@code application/problem+json}
 * in the caller's language.
 */
@RestControllerAdvice(assignableTypes = {HotspotsApi.class, CampaignsApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class HotspotProblems {

    private final MessageSource messages;

    HotspotProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** 400 with {@code errors: [{field, message}]}; the message names the field. */
    @ApiResponse(responseCode = "400", description = "A field is refused: `errors` names it, with a message in the caller's language.")
    @ExceptionHandler(HotspotRefusedException.class)
    ResponseEntity<ProblemDetail> refused(HotspotRefusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = messages.getMessage("order.hotspots.field." + e.field(), null, e.field(), locale);
        String message = messages.getMessage("order.hotspots.fieldError",
                new Object[] {field, messages.getMessage(e.messageKey(), e.args(), locale)}, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(messages.getMessage("order.hotspots.problem.refused", null, locale));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ApiResponse(responseCode = "404", description = "No such hotspot or campaign of the unit.")
    @ExceptionHandler(UnknownHotspotException.class)
    ResponseEntity<ProblemDetail> unknown() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("order.hotspots.problem.unknown", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
