package vn.tuquan.evaluation;

import vn.tuquan.shared.StateConflictException;

/**
 * A step that the evaluation's status does not allow (submitting twice, recognising what was not
 * accepted, changing a locked result): nothing was written (409 for the API). The message key says
 * which status it is in and what it allows.
 */
public class EvaluationStateException extends StateConflictException {

    public EvaluationStateException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public String titleKey() {
        return "evaluation.process.problem.state";
    }
}
