package vn.tuquan.order;

import java.util.List;

import vn.tuquan.shared.MessageArguments;

/**
 * An incident the register refuses: a message key with its arguments, and the field it is about
 * ({@code null} when about the whole request), so pages and the API say why in the caller's language.
 */
public class IncidentRefusedException extends RuntimeException {

    private final String field;
    private final String key;
    private final transient List<Object> args;

    public IncidentRefusedException(String field, String key, Object... args) {
        super(key);
        this.field = field;
        this.key = key;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.stream().map(MessageArguments::display).toArray();
    }
}
