package vn.tuquan.evaluation;

import vn.tuquan.shared.FieldRefusedException;

/**
 * A request of the evaluation was refused because of its input (a step of the process, the bulk run,
 * its results or "what if"): nothing was written. The message key says why and the field which input
 * is wrong (400 for the API).
 */
public class EvaluationRefusedException extends FieldRefusedException {

    public EvaluationRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
