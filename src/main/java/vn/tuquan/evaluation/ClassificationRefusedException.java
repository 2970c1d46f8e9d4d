package vn.tuquan.evaluation;

/**
 * Bad input to the movement classification (an unknown item, points above the item's maximum, no
 * evidence, no evaluation stored to classify): the field it is about and a message key with its
 * arguments, shown in the reader's language. Nothing has changed when it is thrown.
 */
public class ClassificationRefusedException extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] args;

    public ClassificationRefusedException(String field, String key, Object... args) {
        super(field + ": " + key);
        this.field = field;
        this.key = key;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
