package vn.tuquan.order;

import vn.tuquan.shared.FieldRefusedException;

/**
 * A record of the persons' registers could not be saved; nothing was written. The message key
 * names the field's problem; the arguments are never a person's details.
 */
public class PersonRefusedException extends FieldRefusedException {

    public PersonRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "order.persons.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "order.persons.field.";
    }
}
