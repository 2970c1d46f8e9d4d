package vn.tuquan.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.ShortLived;

/**
 * Personal access tokens for the API ({@code Authorization: Bearer tq_…}): made by a person for
 * themselves, shown once, stored as a SHA-256 hash, with an expiry of at most a year, revocable.
 * A token authenticates as its person, with no more than that person's own rights.
 */
@Service
public class PersonalAccessTokens {

    public static final String PREFIX = "tq_";
    public static final int MAX_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    /** A valid token's person, the moment it expires, and the person's account as the filter loaded it. */
    private record Valid(String username, Instant expiresAt, UserDetails user) {}

    private final ShortLived<String, Optional<Valid>> kept;

    PersonalAccessTokens(
            JdbcClient jdbc,
            @Value("${tuquan.security.access-cache-millis:5000}") long ttlMillis,
            ApplicationEventPublisher events) {
        this.kept = new ShortLived<>(ttlMillis, 10_000);
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Makes a token; the returned text is the only time it exists outside the person's hands. */
    @Transactional
    public CreatedToken create(String username, String name, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a token lasts from 1 to " + MAX_DAYS + " days");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Dates.now();
        Instant expires = now.plus(Duration.ofDays(days));
        long id = jdbc.sql("""
                INSERT INTO access_tokens (user_id, name, token_hash, token_prefix, created_at, expires_at)
                SELECT id, :name, :hash, :prefix, :now, :expires FROM users WHERE username = :username
                RETURNING id
                """)
                .param("name", trimmed)
                .param("hash", sha256(token))
                .param("prefix", token.substring(0, 8))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", expires.atOffset(ZoneOffset.UTC))
                .param("username", username)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
        // the token's name, start and expiry: never the token
        events.publishEvent(new AccountChanged(
                username,
                AccountChanged.Change.TOKEN_CREATED,
                Map.of(
                        "tokenId",
                        id,
                        "name",
                        trimmed,
                        "prefix",
                        token.substring(0, 8),
                        "expiresAt",
                        expires.toString())));
        return new CreatedToken(id, token, expires);
    }

    public List<TokenView> list(String username) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.token_prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
                FROM access_tokens t JOIN users u ON u.id = t.user_id
                WHERE u.username = :username
                ORDER BY t.created_at DESC, t.id DESC
                """)
                .param("username", username)
                .query((rs, n) -> new TokenView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the person's own tokens; false when they have no such token. Audited. */
    @Transactional
    public boolean revoke(String username, long tokenId) {
        boolean revoked = jdbc.sql("""
                UPDATE access_tokens SET revoked_at = :now
                WHERE id = :id AND revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = :username)
                """)
                        .param("now", Dates.now().atOffset(ZoneOffset.UTC))
                        .param("id", tokenId)
                        .param("username", username)
                        .update()
                == 1;
        if (revoked) {
            kept.clear();
            events.publishEvent(
                    new AccountChanged(username, AccountChanged.Change.TOKEN_REVOKED, Map.of("tokenId", tokenId)));
        }
        return revoked;
    }

    /**
     * The username a valid token belongs to, or empty: unknown, revoked, expired or disabled. Its
     * use is recorded at most once a minute, so that a client sending many requests at once does not
     * queue them all on the token's row.
     */
    public Optional<String> authenticate(String token) {
        return wellFormed(token) ? lookUp(sha256(token), null).map(Valid::username) : Optional.empty();
    }

    /**
     * The account of a valid token's person, loaded by {@code users}, or empty: unknown, revoked,
     * expired, disabled, or an account {@code users} does not know. Kept with the token's answer for
     * a few seconds (revocation, disabling and new roles here clear it at once), so that a client's
     * burst of requests reads the token and the account once.
     */
    public Optional<UserDetails> principal(String token, UserDetailsService users) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return kept.get(
                        HexFormat.of().formatHex(sha256(token)),
                        hex -> lookUp(HexFormat.of().parseHex(hex), users),
                        Optional::isPresent)
                .filter(valid -> valid.expiresAt().isAfter(Dates.now())) // expiry is kept with the answer
                .map(Valid::user);
    }

    private static boolean wellFormed(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() <= 100;
    }

    /** Forgets the valid tokens kept: one was revoked, or an account disabled. */
    void forget() {
        kept.clear();
    }

    private Optional<Valid> lookUp(byte[] hash, UserDetailsService users) {
        OffsetDateTime now = Dates.now().atOffset(ZoneOffset.UTC); // the product's clock, as the expiry was set by it
        Optional<Valid> valid = jdbc.sql("""
                SELECT u.username, t.expires_at FROM access_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled
                """)
                .param("hash", hash)
                .param("now", now)
                .query((rs, n) -> new Valid(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), null))
                .optional();
        if (valid.isPresent() && users != null) {
            // loaded once the token's query has given its connection back
            valid = valid.flatMap(v -> account(users, v.username())
                    .filter(UserDetails::isEnabled)
                    .map(user -> new Valid(v.username(), v.expiresAt(), user)));
        }
        if (valid.isPresent()) {
            jdbc.sql("""
                    UPDATE access_tokens SET last_used_at = :now
                    WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')
                    """).param("hash", hash).param("now", now).update();
        }
        return valid;
    }

    private static Optional<UserDetails> account(UserDetailsService users, String username) {
        try {
            return Optional.ofNullable(users.loadUserByUsername(username));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record CreatedToken(long id, String token, Instant expiresAt) {}

    public record TokenView(
            long id,
            String name,
            String prefix,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null && expiresAt.toInstant().isAfter(Dates.now());
        }
    }
}
