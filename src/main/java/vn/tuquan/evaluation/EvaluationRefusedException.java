package vn.tuquan.evaluation;

/**
 * A request of the bulk run, its results or "what if" was refused; nothing was written. The message
 * key says why and the field which input is wrong.
 */
public class EvaluationRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public EvaluationRefusedException(String field, String messageKey, Object... args) {
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

    public Object[] args() {
        return java.util.Arrays.stream(args).map(vn.tuquan.shared.MessageArguments::display).toArray();
    }
}
