package vn.tuquan.access;

/**
 * A sign-in of a known account succeeded, failed, or locked the account (failures on unknown
 * usernames are not recorded: the audit log must not fill with guesses).
 */
public record SignInRecorded(String username, Outcome outcome) {

    public enum Outcome {
        SIGNED_IN, FAILED, LOCKED_OUT
    }
}
