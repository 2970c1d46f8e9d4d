package vn.tuquan.access;

import java.time.Instant;
import java.util.Optional;

/** A person who can sign in, as {@link UserAccounts} reads them. */
public record UserAccount(
        UserId id,
        String username,
        String displayName,
        boolean enabled,
        Optional<Instant> lockedUntil,
        boolean totpEnrolled,
        boolean totpRequired,
        Instant createdAt) {}
