package vn.tuquan.order;

import vn.tuquan.shared.FieldRefusedException;

/**
 * An incident the register refuses: a message key with its arguments, and the field it is about
 * ({@code null} when about the whole request), so pages and the API say why in the caller's language.
 */
public class IncidentRefusedException extends FieldRefusedException {

    public IncidentRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
