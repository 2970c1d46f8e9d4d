package vn.tuquan.access;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads sign-in data from the {@code users} table. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    DatabaseUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                SELECT username, password_hash, enabled, display_name FROM users WHERE username = :username
                """)
                .param("username", normalised)
                .query((rs, n) -> (UserDetails) new TuquanUser(rs.getString("username"),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getString("display_name"),
                        List.of(new SimpleGrantedAuthority("ROLE_USER"))))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
