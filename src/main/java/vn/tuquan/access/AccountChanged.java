package vn.tuquan.access;

import java.util.Map;

/**
 * Something changed about a person's account or sessions, by themselves or by an administrator (on
 * the command line: the system). Published in the changing transaction; audited.
 *
 * @param username whose account
 * @param detail   what the audit entry should say beyond the change (never a password, a token or a secret)
 */
public record AccountChanged(String username, Change change, Map<String, Object> detail) {

    public AccountChanged(String username, Change change) {
        this(username, change, Map.of());
    }

    public enum Change {
        CREATED,
        PASSWORD_CHANGED,
        DISABLED,
        UNLOCKED,
        SECOND_FACTOR_ENROLLED,
        SECOND_FACTOR_REMOVED,
        SECOND_FACTOR_REQUIRED,
        TOKEN_CREATED,
        TOKEN_REVOKED,
        SIGNED_OUT,
        SIGNED_OUT_EVERYWHERE
    }
}
