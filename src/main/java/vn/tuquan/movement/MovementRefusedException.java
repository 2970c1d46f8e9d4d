package vn.tuquan.movement;

/** A movement record could not be saved; nothing was written. The message key explains why. */
public class MovementRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public MovementRefusedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
