package vn.tuquan.evaluation.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.tuquan.evaluation.EvaluationRefusedException;
import vn.tuquan.evaluation.EvaluationStateException;

/**
 * The evaluation API's answers to a refused step: {@code application/problem+json} in the caller's
 * language, 400 naming the field for bad input, 409 for a step the status does not allow.
 */
@RestControllerAdvice(assignableTypes = EvaluationApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvaluationProblems {

    private final EvaluationMessages messages;

    EvaluationProblems(EvaluationMessages messages) {
        this.messages = messages;
    }

    @ApiResponse(responseCode = "400", description = "A field is refused: `errors` names it, with a message in the caller's language.")
    @ExceptionHandler(EvaluationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(EvaluationRefusedException e) {
        String message = messages.refused(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(messages.message("evaluation.process.problem.refused"));
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ApiResponse(responseCode = "409", description = "The step is not allowed in the process's present status (e.g. accepting a self-assessment not yet submitted).")
    @ExceptionHandler(EvaluationStateException.class)
    ResponseEntity<ProblemDetail> state(EvaluationStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.state(e));
        problem.setTitle(messages.message("evaluation.process.problem.state"));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
