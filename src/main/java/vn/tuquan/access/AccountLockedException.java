package vn.tuquan.access;

import java.time.Instant;

/**
 * The account is locked after five wrong passwords or codes in a row (at sign-in or on a form of
 * "my account"): nothing is checked until {@link #until()}.
 */
public class AccountLockedException extends PasswordRefusedException {

    private final Instant until;

    public AccountLockedException(Instant until) {
        super("account.locked");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
