package vn.tuquan.evaluation;

import vn.tuquan.shared.FieldRefusedException;

/**
 * Bad input to the movement classification (an unknown item, points above the item's maximum, no
 * evidence, no evaluation stored to classify): the field it is about and a message key with its
 * arguments, shown in the reader's language. Nothing has changed when it is thrown.
 */
public class ClassificationRefusedException extends FieldRefusedException {

    public ClassificationRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "evaluation.classification.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "evaluation.classification.field.";
    }
}
