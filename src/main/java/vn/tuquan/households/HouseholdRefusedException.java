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

    public HouseholdRefusedException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    /** The arguments for the message; dates written 31/10/2017, as everywhere in Tuquan. */
    public Object[] args() {
        return args.stream().map(MessageArguments::display).toArray();
    }
}
