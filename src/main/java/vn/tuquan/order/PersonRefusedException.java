package vn.tuquan.order;

import java.util.Arrays;

import vn.tuquan.shared.MessageArguments;

/**
 * A record of the persons' registers could not be saved; nothing was written. The message key
 * names the field's problem; the arguments are never a person's details.
 */
public class PersonRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public PersonRefusedException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
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
