package vn.tuquan.order;

import org.springframework.http.HttpStatus;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.TextLimits;

/**
 * An incident the register refuses: a message key with its arguments, and the field it is about
 * ({@code null} when about the whole request), so pages and the API say why in the caller's language.
 * The API answers a rule of the register 422 with {@code code}, {@code field} and {@code fieldName}
 * (the message itself does not name the field), a text too long for its field 400; a page 400.
 */
public class IncidentRefusedException extends FieldRefusedException {

    public IncidentRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public HttpStatus status() {
        return TextLimits.isLengthRefusal(messageKey()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
    }

    @Override
    public HttpStatus pageStatus() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String titleKey() {
        return "order.incident.refused.title";
    }

    @Override
    public String fieldLabels() {
        return "order.incident.field.";
    }

    @Override
    public boolean messageNamesField() {
        return false;
    }
}
