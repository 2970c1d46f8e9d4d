package vn.tuquan.evaluation;

import java.util.Arrays;

import vn.tuquan.shared.MessageArguments;

/**
 * A step that the evaluation's status does not allow (submitting twice, recognising what was not
 * accepted, changing a locked result): nothing was written (409 for the API). The message key says
 * which status it is in and what it allows.
 */
public class EvaluationStateException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public EvaluationStateException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return Arrays.stream(args).map(MessageArguments::display).toArray();
    }
}
