package vn.tuquan.shared;

/** The data key was rotated: new values use {@code keyId}; {@code reencrypted} stored values were re-encrypted. */
public record DataKeyRotated(String keyId, long reencrypted) {}
