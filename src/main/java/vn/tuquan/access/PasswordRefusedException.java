package vn.tuquan.access;

/** A password the policy refuses; {@link #messageKey()} says why, in the messages. */
public class PasswordRefusedException extends RuntimeException {

    private final String messageKey;

    public PasswordRefusedException(String messageKey) {
        super("password refused: " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
