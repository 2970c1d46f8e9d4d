package vn.tuquan.evaluation;

import java.util.Arrays;

import vn.tuquan.shared.MessageArguments;

/**
 * A request of the evaluation was refused because of its input (a step of the process, the bulk run,
 * its results or "what if"): nothing was written. The message key says why and the field which input
 * is wrong (400 for the API).
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

    /** The message's arguments as people read them (dates 31/10/2017). */
    public Object[] args() {
        return Arrays.stream(args).map(MessageArguments::display).toArray();
    }
}
