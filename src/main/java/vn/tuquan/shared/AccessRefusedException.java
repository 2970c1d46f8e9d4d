package vn.tuquan.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller may not do this, or the target is outside their scope: 403 for people and for the API.
 * The message is for the log only; people see a generic "not allowed".
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String message) {
        super(message);
    }
}
