package vn.tuquan.shared;

import java.util.Arrays;

/**
 * A request refused because of its input, before anything was written: the field it is about
 * ({@code null} when about the whole request), a message key saying why and the key's arguments.
 * Each module names its own refusals by extending it (incidents, hotspots, the evaluation …), so
 * that its pages and API can tell them apart; the shape is this one.
 */
public abstract class FieldRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    protected FieldRefusedException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments as people read them (dates 31/10/2017). */
    public Object[] args() {
        return Arrays.stream(args).map(MessageArguments::display).toArray();
    }
}
