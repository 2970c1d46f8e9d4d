package vn.tuquan.access;

/**
 * A check of a known account's password or second-factor code succeeded, failed, or locked the
 * account: at sign-in, or when a signed-in person changes their password or removes their second
 * factor (both ask for it again, and count towards the same lock-out). Failures on unknown usernames
 * are not recorded: the audit log must not fill with guesses.
 *
 * @param check where the password or code was asked for
 */
public record SignInRecorded(String username, Outcome outcome, Check check) {

    public SignInRecorded(String username, Outcome outcome) {
        this(username, outcome, Check.SIGN_IN);
    }

    public enum Outcome {
        SIGNED_IN,
        FAILED,
        LOCKED_OUT
    }

    /** Where the password or the code was asked for. */
    public enum Check {
        /** signing in: the password, then the code */
        SIGN_IN,
        /** the current password, on the password change form */
        PASSWORD_CHANGE,
        /** the current code, to turn the second factor off */
        SECOND_FACTOR_REMOVAL
    }
}
