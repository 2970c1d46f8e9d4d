package vn.tuquan.access.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.tuquan.access.TuquanUser;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Dates;

/**
 * Loads sign-in data from the {@code users} table: a locked-out account is not "non-locked". At a
 * successful sign-in with a hash of an older algorithm (bcrypt), Spring Security hands the password's
 * new Argon2id hash to {@link #updatePassword}, which stores it.
 */
@Component
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    DatabaseUserDetailsService(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = SignInLockout.normalise(username);
        Instant now = Dates.now();
        TuquanUser user = jdbc.sql("""
                SELECT username, password_hash, enabled, display_name, locked_until, totp_secret IS NOT NULL AS enrolled
                FROM users WHERE username = :username
                """)
                .param("username", normalised)
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean nonLocked =
                            lockedUntil == null || !lockedUntil.toInstant().isAfter(now);
                    return new TuquanUser(
                            rs.getString("username"),
                            rs.getString("password_hash"),
                            rs.getBoolean("enabled"),
                            nonLocked,
                            rs.getString("display_name"),
                            rs.getBoolean("enrolled"),
                            false,
                            List.of(new SimpleGrantedAuthority("ROLE_USER")));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        if (!accounts.requiresSecondFactor(user.getUsername())) {
            return user;
        }
        return new TuquanUser(
                user.getUsername(),
                user.getPassword(),
                user.isEnabled(),
                user.isAccountNonLocked(),
                user.displayName(),
                user.secondFactorEnrolled(),
                true,
                user.getAuthorities());
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE username = :username")
                .param("hash", newPassword)
                .param("username", user.getUsername())
                .update();
        TuquanUser signedIn = (TuquanUser) user;
        return new TuquanUser(
                signedIn.getUsername(),
                newPassword,
                signedIn.isEnabled(),
                signedIn.isAccountNonLocked(),
                signedIn.displayName(),
                signedIn.secondFactorEnrolled(),
                signedIn.secondFactorRequired(),
                signedIn.getAuthorities());
    }
}
