package vn.tuquan.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.access.SignInRecorded;
import vn.tuquan.shared.Dates;

/**
 * Five failed sign-ins in a row (wrong password or wrong second-factor code) lock an account for
 * fifteen minutes; a successful sign-in clears the count. A wrong current password on the password
 * change form and a wrong code when turning the second factor off count the same way, and a locked
 * account's session is refused those forms until the lock ends. Unknown usernames are "locked" the
 * same way in memory, so that the lock notice does not tell which usernames exist.
 */
@Component
public class SignInLockout {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_UNKNOWN_TRACKED = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock = Dates.clock();
    private final Map<String, Unknown> unknown = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    SignInLockout(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** Until when this username is locked, if it is now. */
    public Optional<Instant> lockedUntil(String username) {
        String name = normalise(username);
        Instant now = clock.instant();
        Optional<Optional<Instant>> known = jdbc.sql("SELECT locked_until FROM users WHERE username = :username")
                .param("username", name)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .optional();
        Optional<Instant> until = known.isPresent()
                ? known.get()
                : Optional.ofNullable(unknown.get(name)).map(Unknown::lockedUntil);
        return until.filter(now::isBefore);
    }

    /** Counts one failure at sign-in; returns until when the username is locked when this failure locked it (or it was). */
    public Optional<Instant> recordFailure(String username) {
        return recordFailure(username, SignInRecorded.Check.SIGN_IN);
    }

    /** Counts one failure where {@code check} says; returns until when the username is locked when this failure locked it (or it was). */
    public Optional<Instant> recordFailure(String username, SignInRecorded.Check check) {
        String name = normalise(username);
        Instant now = clock.instant();
        Instant lockUntil = now.plus(LOCK);
        Optional<Optional<Instant>> known = jdbc.sql("""
                UPDATE users SET
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END,
                    locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :lockUntil ELSE locked_until END
                WHERE username = :username
                RETURNING locked_until
                """)
                .param("max", MAX_FAILURES)
                .param("lockUntil", lockUntil.atOffset(ZoneOffset.UTC))
                .param("username", name)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .optional();
        if (known.isPresent()) {
            Optional<Instant> locked = known.get().filter(now::isBefore);
            events.publishEvent(new SignInRecorded(
                    name,
                    locked.isPresent() ? SignInRecorded.Outcome.LOCKED_OUT : SignInRecorded.Outcome.FAILED,
                    check));
            return locked;
        }
        if (unknown.size() > MAX_UNKNOWN_TRACKED) {
            unknown.clear();
        }
        Unknown next = unknown.compute(name, (k, old) -> {
            int failures = (old == null ? 0 : old.failures()) + 1;
            return failures >= MAX_FAILURES
                    ? new Unknown(0, lockUntil)
                    : new Unknown(failures, old == null ? null : old.lockedUntil());
        });
        return Optional.ofNullable(next.lockedUntil()).filter(now::isBefore);
    }

    public void recordSuccess(String username) {
        recordCorrect(username);
        events.publishEvent(new SignInRecorded(normalise(username), SignInRecorded.Outcome.SIGNED_IN));
    }

    /** The right password or code outside sign-in (the password change form …): clears the count, nothing else. */
    public void recordCorrect(String username) {
        jdbc.sql("UPDATE users SET failed_sign_ins = 0 WHERE username = :username AND failed_sign_ins <> 0")
                .param("username", normalise(username))
                .update();
    }

    private record Unknown(int failures, Instant lockedUntil) {}
}
