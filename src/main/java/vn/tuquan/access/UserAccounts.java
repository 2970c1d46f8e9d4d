package vn.tuquan.access;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who can sign in: the access module's API to the rest of Tuquan. */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Creates the account unless one with that username exists; safe to call again and from
     * two processes at once.
     *
     * @return the new account's id, or empty when the username was already taken
     */
    @Transactional
    public Optional<UserId> createIfAbsent(String username, String displayName, String rawPassword) {
        return jdbc.sql("""
                INSERT INTO users (username, display_name, password_hash)
                VALUES (:username, :displayName, :passwordHash)
                ON CONFLICT (username) DO NOTHING
                RETURNING id
                """)
                .param("username", username)
                .param("displayName", displayName)
                .param("passwordHash", passwordEncoder.encode(rawPassword))
                .query((rs, n) -> new UserId(rs.getLong(1)))
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("""
                SELECT id, username, display_name, enabled FROM users WHERE username = :username
                """)
                .param("username", username)
                .query((rs, n) -> new UserAccount(new UserId(rs.getLong("id")), rs.getString("username"),
                        rs.getString("display_name"), rs.getBoolean("enabled")))
                .optional();
    }

    public record UserId(long value) {
    }

    public record UserAccount(UserId id, String username, String displayName, boolean enabled) {
    }
}
