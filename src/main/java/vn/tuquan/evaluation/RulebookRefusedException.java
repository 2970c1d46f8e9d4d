package vn.tuquan.evaluation;

import vn.tuquan.shared.FieldRefusedException;

/**
 * A provincial rulebook version could not be adopted; nothing was written. The message key says why,
 * the field which input is wrong, the arguments name what (a criterion's code, a parameter).
 */
public class RulebookRefusedException extends FieldRefusedException {

    public RulebookRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "evaluation.rulebooks.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "evaluation.rulebooks.field.";
    }
}
