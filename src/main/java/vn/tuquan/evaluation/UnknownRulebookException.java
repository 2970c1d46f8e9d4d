package vn.tuquan.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No rulebook version has this id: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownRulebookException extends RuntimeException {

    public UnknownRulebookException(long id) {
        super("no rulebook version " + id);
    }
}
