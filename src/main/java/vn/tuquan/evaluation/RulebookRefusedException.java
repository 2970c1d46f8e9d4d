package vn.tuquan.evaluation;

/**
 * A provincial rulebook version could not be adopted; nothing was written. The message key says why,
 * the field which input is wrong, the arguments name what (a criterion's code, a parameter).
 */
public class RulebookRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public RulebookRefusedException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey + " " + java.util.Arrays.toString(args));
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
        return java.util.Arrays.stream(args).map(vn.tuquan.shared.MessageArguments::display).toArray();
    }
}
