package vn.tuquan.audit;

/** What an audit entry records. Add a value when a module needs one; the page labels it by {@code audit.action.<NAME>}. */
public enum AuditAction {
    CREATED,
    UPDATED,
    MOVED,
    CLOSED,
    DELETED,
    IMPORTED,
    READ_SENSITIVE,
    EXPORTED,
    SIGNED_IN,
    SIGNED_OUT,
    SIGN_IN_FAILED,
    LOCKED_OUT,
    GRANTED,
    REVOKED,
    KEYS_ROTATED,
    PASSWORD_CHANGED,
    VERIFICATION_FAILED,
    DISABLED,
    UNLOCKED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_REMOVED,
    SECOND_FACTOR_REQUIRED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    SIGNED_OUT_EVERYWHERE,
    REFUSED
}
