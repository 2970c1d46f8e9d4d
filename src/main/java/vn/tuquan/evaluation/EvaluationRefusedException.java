package vn.tuquan.evaluation;

import vn.tuquan.shared.FieldRefusedException;

/**
 * A step of the process was refused because of its input: nothing was written. The message key says
 * why and the field which input is wrong (400 for the API), named in the message ("Ngày đăng ký: …").
 */
public class EvaluationRefusedException extends FieldRefusedException {

    public EvaluationRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "evaluation.process.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "evaluation.process.field.";
    }
}
