package vn.tuquan.order.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.tuquan.order.HotspotRefusedException;

/** The API's answers to a refused or unknown hotspot or campaign: {@code application/problem+json} in the caller's language. */
final class HotspotProblems {

    private HotspotProblems() {
    }

    /** 400 with {@code errors: [{field, message}]}; the message names the field. */
    static ResponseEntity<ProblemDetail> refused(MessageSource messages, HotspotRefusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = messages.getMessage("order.hotspots.field." + e.field(), null, e.field(), locale);
        String message = messages.getMessage("order.hotspots.fieldError",
                new Object[] {field, messages.getMessage(e.messageKey(), e.args(), locale)}, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(messages.getMessage("order.hotspots.problem.refused", null, locale));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<ProblemDetail> unknown(MessageSource messages) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("order.hotspots.problem.unknown", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
