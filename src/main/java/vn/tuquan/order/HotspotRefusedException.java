package vn.tuquan.order;

/**
 * A hotspot or campaign record could not be saved; nothing was written. The message key says why
 * and the field which input is wrong.
 */
public class HotspotRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public HotspotRefusedException(String field, String messageKey, Object... args) {
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
