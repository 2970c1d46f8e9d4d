package vn.tuquan.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * No such record (or none of it under the unit or in the scope asked about): 404, for the API and
 * for pages. The message key (with its arguments) says what was not found, in the reader's language.
 */
public abstract class UnknownRecordException extends FieldRefusedException {

    /** @param description for the log: what was looked for, by id */
    protected UnknownRecordException(String description, String messageKey, Object... args) {
        super(description, List.of(FieldProblem.of(null, messageKey, args)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String titleKey() {
        return "error.404.title";
    }
}
