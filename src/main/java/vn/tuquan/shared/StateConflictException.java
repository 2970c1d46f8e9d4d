package vn.tuquan.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A step the record's present state does not allow (submitting twice, changing what is locked):
 * nothing was written; 409. The message key says which state it is in and what it allows.
 */
public abstract class StateConflictException extends FieldRefusedException {

    protected StateConflictException(String messageKey, Object... args) {
        super(List.of(FieldProblem.of(null, messageKey, args)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String titleKey() {
        return "error.409.title";
    }
}
