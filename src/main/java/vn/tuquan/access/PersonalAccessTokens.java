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
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /** A valid token's person and the moment it expires. */
    private record Valid(String username, Instant expiresAt) {
    }

    private final ShortLived<String, Optional<Valid>> kept;

    PersonalAccessTokens(JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${tuquan.security.access-cache-millis:5000}") long ttlMillis) {
        this.kept = new ShortLived<>(ttlMillis, 10_000);
        this.jdbc = jdbc;
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
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        long id = jdbc.sql("""
                INSERT INTO access_tokens (user_id, name, token_hash, token_prefix, expires_at)
                SELECT id, :name, :hash, :prefix, :expires FROM users WHERE username = :username
                RETURNING id
                """)
                .param("name", trimmed).param("hash", sha256(token)).param("prefix", token.substring(0, 8))
                .param("expires", expires.atOffset(ZoneOffset.UTC)).param("username", username)
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
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
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the person's own tokens; false when they have no such token. */
    public boolean revoke(String username, long tokenId) {
        return jdbc.sql("""
                UPDATE access_tokens SET revoked_at = now()
                WHERE id = :id AND revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = :username)
                """)
                .param("id", tokenId).param("username", username).update() == 1 && forgotten();
    }

    private boolean forgotten() {
        kept.clear();
        return true;
    }

    /**
     * The username a valid token belongs to, or empty: unknown, revoked, expired or disabled. Its
     * use is recorded at most once a minute, so that a client sending many requests at once does not
     * queue them all on the token's row.
     */
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        // a valid token's answer is kept a few seconds (revocation and disabling here clear it at once)
        return kept.get(java.util.HexFormat.of().formatHex(sha256(token)), hex -> lookUp(java.util.HexFormat.of().parseHex(hex)),
                Optional::isPresent)
                .filter(valid -> valid.expiresAt().isAfter(Instant.now())) // expiry is kept with the answer
                .map(Valid::username);
    }

    /** Forgets the valid tokens kept: one was revoked, or an account disabled. */
    void forget() {
        kept.clear();
    }

    private Optional<Valid> lookUp(byte[] hash) {
        Optional<Valid> valid = jdbc.sql("""
                SELECT u.username, t.expires_at FROM access_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > now() AND u.enabled
                """)
                .param("hash", hash)
                .query((rs, n) -> new Valid(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
        if (valid.isPresent()) {
            jdbc.sql("""
                    UPDATE access_tokens SET last_used_at = now()
                    WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
                    """)
                    .param("hash", hash).update();
        }
        return valid;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record CreatedToken(long id, String token, Instant expiresAt) {
    }

    public record TokenView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null && expiresAt.isAfter(OffsetDateTime.now());
        }
    }
}
