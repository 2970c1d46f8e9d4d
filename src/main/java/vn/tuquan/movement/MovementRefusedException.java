package vn.tuquan.movement;

/** A movement record could not be saved; nothing was written. The message key explains why. */
public class MovementRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    /** @param args the message's arguments (e.g. which household), never a secret */
    public MovementRefusedException(String field, String messageKey, Object... args) {
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
        return java.util.Arrays.stream(args).map(vn.tuquan.shared.MessageArguments::display).toArray();
    }
}
