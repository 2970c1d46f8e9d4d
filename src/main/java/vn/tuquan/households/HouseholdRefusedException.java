package vn.tuquan.households;

import vn.tuquan.shared.MessageArguments;

import java.util.List;

/**
 * A household or commitment the register refuses: {@link #key()} is a message key (with its
 * arguments) so pages and the API say why in the caller's language.
 */
public class HouseholdRefusedException extends RuntimeException {


    private final String key;
    private final transient List<Object> args;
    private final String field;

    public HouseholdRefusedException(String key, Object... args) {
        this(null, key, args);
    }

    private HouseholdRefusedException(String field, String key, Object... args) {
        super(field == null ? key : field + ": " + key);
        this.key = key;
        this.args = List.of(args);
        this.field = field;
    }

    /**
     * A text longer than its field allows ({@link vn.tuquan.shared.TextLimits}): names the field (as
     * the API calls it) and its label, the limit and the length given. The API answers 400.
     */
    public static HouseholdRefusedException tooLong(String field, String labelKey, int max, String value) {
        return new HouseholdRefusedException(field, "households.refused.tooLong",
                new org.springframework.context.support.DefaultMessageSourceResolvable(labelKey), max,
                vn.tuquan.shared.TextLimits.length(value));
    }

    /** The field refused (as the API names it), or {@code null} when the refusal is about the request as a whole. */
    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    /** The arguments for the message; dates written 31/10/2017, as everywhere in Tuquan. */
    public Object[] args() {
        return args.stream().map(MessageArguments::display).toArray();
    }
}
