package vn.tuquan.access;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.ShortLived;

/** Builds the {@link Caller} of a person from their roles and scopes, as stored now. */
@Service
public class Callers {

    private final JdbcClient jdbc;
    private final ShortLived<String, Optional<Caller>> kept;

    Callers(JdbcClient jdbc, @Value("${tuquan.security.access-cache-millis:5000}") long ttlMillis) {
        this.jdbc = jdbc;
        this.kept = new ShortLived<>(ttlMillis, 10_000);
    }

    /**
     * The caller a person is now: kept for a few seconds (tuquan.security.access-cache-millis, 5 s by
     * default) so that a client's burst of requests reads it once; {@link #forget()} after any change.
     */
    public Optional<Caller> forUsername(String username) {
        return kept.get(username, this::load, Optional::isPresent);
    }

    /** Forgets every caller kept: their roles, scopes or accounts changed. */
    void forget() {
        kept.clear();
    }

    private Optional<Caller> load(String username) {
        return jdbc.sql("""
                SELECT id, username, view_whole_country, capture_whole_country FROM users
                WHERE username = :username AND enabled
                """)
                .param("username", username)
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getString("username"),
                    rs.getBoolean("view_whole_country"),
                    rs.getBoolean("capture_whole_country")
                })
                .optional()
                // loaded once the first query has given its connection back: a query inside a row mapper
                // holds two connections, and enough requests at once then wait for each other's
                .map(r -> load((Long) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3]));
    }

    public Optional<Caller> forUserId(long userId) {
        return jdbc.sql("SELECT username FROM users WHERE id = :id")
                .param("id", userId)
                .query(String.class)
                .optional()
                .flatMap(this::forUsername);
    }

    private Caller load(long userId, String username, boolean viewAll, boolean captureAll) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        jdbc.sql("""
                SELECT DISTINCT rp.permission FROM user_role ur JOIN role_permission rp ON rp.role_code = ur.role_code
                WHERE ur.user_id = :id
                """)
                .param("id", userId)
                .query(String.class)
                .list()
                .forEach(p -> permissions.add(Permission.valueOf(p)));
        Set<Long> capture = new HashSet<>();
        Set<Long> view = new HashSet<>();
        jdbc.sql("SELECT kind, unit_id FROM user_scope WHERE user_id = :id")
                .param("id", userId)
                .query((rs, n) -> ("CAPTURE".equals(rs.getString(1)) ? capture : view).add(rs.getLong(2)))
                .list();
        view.addAll(capture); // what one may change, one may see
        return new Caller(
                userId,
                username,
                permissions,
                captureAll ? Scope.WHOLE_COUNTRY : Scope.of(capture),
                viewAll || captureAll ? Scope.WHOLE_COUNTRY : Scope.of(view));
    }
}
