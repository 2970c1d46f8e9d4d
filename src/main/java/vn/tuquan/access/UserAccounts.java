package vn.tuquan.access;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.Units;

/** The people who can sign in: the access module's API to the rest of Tuquan. */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Callers callers;
    private final Units units;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Callers callers, Units units) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.callers = callers;
        this.units = units;
    }

    /**
     * Gives a person their roles and scopes (replacing what they had). A granter manages only people
     * inside their own view scope and cannot give a permission or a part of the tree they do not hold.
     */
    @Transactional
    public void assign(Caller granter, UserId user, Set<String> roles, Scope capture, Scope view) {
        if (granter != Caller.SYSTEM) {
            granter.require(Permission.USERS_MANAGE);
            Caller target = callers.forUserId(user.value()).orElseThrow(
                    () -> new AccessRefusedException("no such user " + user.value()));
            LocalDate today = Dates.today();
            if (!units.within(target.view(), granter.view(), today)) {
                throw new AccessRefusedException("user " + user.value() + " is outside the granter's scope");
            }
            Set<Permission> granted = permissionsOf(roles);
            if (!granter.permissions().containsAll(granted)) {
                throw new AccessRefusedException("cannot grant permissions one does not hold");
            }
            if (!units.within(capture, granter.capture(), today) || !units.within(view, granter.view(), today)) {
                throw new AccessRefusedException("cannot grant a scope one does not hold");
            }
        }
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", user.value()).update();
        jdbc.sql("DELETE FROM user_scope WHERE user_id = :id").param("id", user.value()).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role_code) VALUES (:id, :role)")
                    .param("id", user.value()).param("role", role).update();
        }
        insertScope(user, "CAPTURE", capture);
        insertScope(user, "VIEW", view);
        jdbc.sql("UPDATE users SET capture_whole_country = :capture, view_whole_country = :view WHERE id = :id")
                .param("capture", capture.wholeCountry()).param("view", view.wholeCountry())
                .param("id", user.value()).update();
    }

    private void insertScope(UserId user, String kind, Scope scope) {
        for (long unit : scope.unitIds()) {
            jdbc.sql("INSERT INTO user_scope (user_id, kind, unit_id) VALUES (:id, :kind, :unit)")
                    .param("id", user.value()).param("kind", kind).param("unit", unit).update();
        }
    }

    private Set<Permission> permissionsOf(Set<String> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        jdbc.sql("SELECT DISTINCT permission FROM role_permission WHERE role_code IN (:roles)")
                .param("roles", List.copyOf(roles)).query(String.class).list()
                .forEach(p -> permissions.add(Permission.valueOf(p)));
        return permissions;
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

    /** The people a manager may see: those whose view scope lies inside the manager's. */
    public List<Person> visibleTo(Caller manager) {
        manager.require(Permission.USERS_MANAGE);
        LocalDate today = Dates.today();
        List<Person> people = new java.util.ArrayList<>();
        for (UserAccount account : jdbc.sql("SELECT id, username, display_name, enabled FROM users ORDER BY username")
                .query((rs, n) -> new UserAccount(new UserId(rs.getLong("id")), rs.getString("username"),
                        rs.getString("display_name"), rs.getBoolean("enabled"))).list()) {
            Optional<Caller> caller = callers.forUserId(account.id().value());
            Scope view = caller.map(Caller::view).orElse(Scope.NOTHING);
            if (!units.within(view, manager.view(), today)) {
                continue;
            }
            List<String> roles = jdbc.sql("SELECT role_code FROM user_role WHERE user_id = :id ORDER BY role_code")
                    .param("id", account.id().value()).query(String.class).list();
            people.add(new Person(account, roles, caller.map(Caller::capture).orElse(Scope.NOTHING), view));
        }
        return people;
    }

    /** The roles a manager may give: those whose permissions they hold themselves. */
    public List<Role> grantableBy(Caller manager) {
        return jdbc.sql("SELECT code, name_vi, name_en FROM role ORDER BY code")
                .query((rs, n) -> new Role(rs.getString(1), rs.getString(2), rs.getString(3))).list().stream()
                .filter(r -> manager == Caller.SYSTEM || manager.permissions().containsAll(permissionsOf(Set.of(r.code()))))
                .toList();
    }

    public record Person(UserAccount account, List<String> roles, Scope capture, Scope view) {
    }

    public record Role(String code, String nameVi, String nameEn) {
    }

    public record UserId(long value) {
    }

    public record UserAccount(UserId id, String username, String displayName, boolean enabled) {
    }
}
