package vn.tuquan.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.access.internal.PasswordPolicy;
import vn.tuquan.access.internal.SignInLockout;
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
    private final PasswordPolicy passwordPolicy;
    private final Callers callers;
    private final Units units;
    private final boolean secondFactorForSensitiveData;
    private final ApplicationEventPublisher events;
    private final PersonalAccessTokens tokens;
    private final SignInLockout lockout;

    UserAccounts(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            Callers callers,
            Units units,
            @Value("${tuquan.security.second-factor-for-sensitive-data:true}") boolean secondFactorForSensitiveData,
            ApplicationEventPublisher events,
            PersonalAccessTokens tokens,
            SignInLockout lockout) {
        this.tokens = tokens;
        this.lockout = lockout;
        this.secondFactorForSensitiveData = secondFactorForSensitiveData;
        this.events = events;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
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
            Caller target = callers.forUserId(user.value())
                    .orElseThrow(() -> new AccessRefusedException("no such user " + user.value()));
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
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id")
                .param("id", user.value())
                .update();
        jdbc.sql("DELETE FROM user_scope WHERE user_id = :id")
                .param("id", user.value())
                .update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role_code) VALUES (:id, :role)")
                    .param("id", user.value())
                    .param("role", role)
                    .update();
        }
        insertScope(user, "CAPTURE", capture);
        insertScope(user, "VIEW", view);
        jdbc.sql("UPDATE users SET capture_whole_country = :capture, view_whole_country = :view WHERE id = :id")
                .param("capture", capture.wholeCountry())
                .param("view", view.wholeCountry())
                .param("id", user.value())
                .update();
        callers.forget();
        tokens.forget(); // the second-factor rule of a token's person follows their roles
        events.publishEvent(new AccessGranted(user.value(), granter.username(), Set.copyOf(roles), capture, view));
    }

    private void insertScope(UserId user, String kind, Scope scope) {
        for (long unit : scope.unitIds()) {
            jdbc.sql("INSERT INTO user_scope (user_id, kind, unit_id) VALUES (:id, :kind, :unit)")
                    .param("id", user.value())
                    .param("kind", kind)
                    .param("unit", unit)
                    .update();
        }
    }

    private Set<Permission> permissionsOf(Set<String> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        jdbc.sql("SELECT DISTINCT permission FROM role_permission WHERE role_code IN (:roles)")
                .param("roles", List.copyOf(roles))
                .query(String.class)
                .list()
                .forEach(p -> permissions.add(Permission.valueOf(p)));
        return permissions;
    }

    /**
     * Creates the account unless one with that username exists; safe to call again and from
     * two processes at once.
     *
     * @return the new account's id, or empty when the username was already taken
     * @throws PasswordRefusedException when the password does not follow {@link PasswordPolicy}
     */
    @Transactional
    public Optional<UserId> createIfAbsent(String username, String displayName, String rawPassword) {
        passwordPolicy.problem(username, rawPassword).ifPresent(key -> {
            throw new PasswordRefusedException(key);
        });
        Optional<UserId> created = jdbc.sql("""
                INSERT INTO users (username, display_name, password_hash, password_changed_at)
                VALUES (:username, :displayName, :passwordHash, :now)
                ON CONFLICT (username) DO NOTHING
                RETURNING id
                """)
                .param("username", username)
                .param("displayName", displayName)
                .param("passwordHash", passwordEncoder.encode(rawPassword))
                .param("now", Dates.nowInVietnam())
                .query((rs, n) -> new UserId(rs.getLong(1)))
                .optional();
        created.ifPresent(id -> events.publishEvent(new AccountChanged(
                username, AccountChanged.Change.CREATED, Map.of("userId", id.value(), "displayName", displayName))));
        return created;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> account(rs))
                .optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql(SELECT + " ORDER BY username")
                .query((rs, n) -> account(rs))
                .list();
    }

    /**
     * Changes the password after checking the current one; throws {@link PasswordRefusedException}. A
     * wrong current password counts towards the lock-out as a failed sign-in does, and is audited;
     * while the account is locked nothing is checked ({@link AccountLockedException}), so a session
     * cannot go on guessing.
     */
    public void changePassword(String username, String currentPassword, String newPassword) {
        Optional<Instant> locked = lockout.lockedUntil(username);
        if (locked.isPresent()) {
            throw new AccountLockedException(locked.get());
        }
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = :username")
                .param("username", username)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new PasswordRefusedException("password.error.current"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            // counted and audited in transactions of their own: the refusal must not roll them back
            Optional<Instant> nowLocked = lockout.recordFailure(username, SignInRecorded.Check.PASSWORD_CHANGE);
            if (nowLocked.isPresent()) {
                throw new AccountLockedException(nowLocked.get());
            }
            throw new PasswordRefusedException("password.error.current");
        }
        lockout.recordCorrect(username);
        setPassword(username, newPassword);
    }

    /** Sets a new password (by an administrator, or after {@link #changePassword}); checks the policy. */
    @Transactional
    public void setPassword(String username, String newPassword) {
        passwordPolicy.problem(username, newPassword).ifPresent(key -> {
            throw new PasswordRefusedException(key);
        });
        Optional<String> stored = jdbc.sql("SELECT password_hash FROM users WHERE username = :username")
                .param("username", username)
                .query(String.class)
                .optional();
        if (stored.isPresent() && passwordEncoder.matches(newPassword, stored.get())) {
            return; // the same password again (the demo's logins at every start): nothing changes
        }
        int changed = jdbc.sql("""
                UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE username = :username
                """)
                .param("hash", passwordEncoder.encode(newPassword))
                .param("username", username)
                .param("now", Dates.nowInVietnam())
                .update();
        if (changed == 1) {
            events.publishEvent(new AccountChanged(username, AccountChanged.Change.PASSWORD_CHANGED));
        }
    }

    /** Until when the account is locked after wrong passwords or codes, if it is now. */
    public Optional<Instant> lockedUntil(String username) {
        return lockout.lockedUntil(username);
    }

    /** Disables the account: it can no longer sign in, and its tokens stop working. */
    @Transactional
    public boolean disable(String username) {
        boolean disabled = jdbc.sql("UPDATE users SET enabled = false WHERE username = :username")
                        .param("username", username)
                        .update()
                == 1;
        callers.forget();
        tokens.forget();
        if (disabled) {
            events.publishEvent(new AccountChanged(username, AccountChanged.Change.DISABLED));
        }
        return disabled;
    }

    /** Ends a lock-out now and clears the count of failed sign-ins. */
    @Transactional
    public boolean unlock(String username) {
        boolean unlocked =
                jdbc.sql("UPDATE users SET locked_until = NULL, failed_sign_ins = 0 WHERE username = :username")
                                .param("username", username)
                                .update()
                        == 1;
        if (unlocked) {
            events.publishEvent(new AccountChanged(username, AccountChanged.Change.UNLOCKED));
        }
        return unlocked;
    }

    /** Removes the second factor, for a person who lost their device; they enrol again at the next sign-in. */
    @Transactional
    public boolean resetTotp(String username) {
        boolean reset = jdbc.sql("""
                UPDATE users SET totp_secret = NULL, totp_last_step = NULL
                WHERE username = :username AND totp_secret IS NOT NULL
                """).param("username", username).update() == 1;
        tokens.forget();
        if (reset) {
            events.publishEvent(new AccountChanged(username, AccountChanged.Change.SECOND_FACTOR_REMOVED));
        }
        return reset;
    }

    /**
     * Whether this person must sign in with a second factor. Today the {@code totp_required}
     * column decides; the permission model (sensitive data) will decide it later.
     */
    /**
     * Whether the person must sign in with a second factor: when marked so, or when they may read
     * sensitive registers (unless {@code tuquan.security.second-factor-for-sensitive-data=false},
     * which the demo sets).
     */
    public boolean requiresSecondFactor(String username) {
        boolean marked = jdbc.sql("SELECT totp_required FROM users WHERE username = :username")
                .param("username", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        return marked
                || secondFactorForSensitiveData
                        && callers.forUsername(username)
                                .map(c -> c.can(Permission.SENSITIVE_READ))
                                .orElse(false);
    }

    /**
     * Whether the person must use a second factor and has not enrolled one yet: until they do, they
     * reach only the enrolment page and the API refuses their tokens (403).
     */
    public boolean secondFactorMissing(String username) {
        boolean enrolled = jdbc.sql("SELECT totp_secret IS NOT NULL FROM users WHERE username = :username")
                .param("username", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        return !enrolled && requiresSecondFactor(username);
    }

    @Transactional
    public boolean setSecondFactorRequired(String username, boolean required) {
        boolean set = jdbc.sql("UPDATE users SET totp_required = :required WHERE username = :username")
                        .param("required", required)
                        .param("username", username)
                        .update()
                == 1;
        tokens.forget();
        if (set) {
            events.publishEvent(new AccountChanged(
                    username, AccountChanged.Change.SECOND_FACTOR_REQUIRED, Map.of("required", required)));
        }
        return set;
    }

    private static final String SELECT = """
            SELECT id, username, display_name, enabled, locked_until, totp_secret IS NOT NULL AS totp_enrolled,
                   totp_required, created_at
            FROM users""";

    private static UserAccount account(ResultSet rs) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        Instant lockedUntil = locked == null || locked.toInstant().isBefore(Dates.now()) ? null : locked.toInstant();
        return new UserAccount(
                new UserId(rs.getLong("id")),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                Optional.ofNullable(lockedUntil),
                rs.getBoolean("totp_enrolled"),
                rs.getBoolean("totp_required"),
                rs.getObject("created_at", OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant());
    }

    /** The people a manager may see: those whose view scope lies inside the manager's. */
    public List<Person> visibleTo(Caller manager) {
        manager.require(Permission.USERS_MANAGE);
        LocalDate today = Dates.today();
        List<Person> people = new ArrayList<>();
        for (UserAccount account : list()) {
            Optional<Caller> caller = callers.forUserId(account.id().value());
            Scope view = caller.map(Caller::view).orElse(Scope.NOTHING);
            if (!units.within(view, manager.view(), today)) {
                continue;
            }
            List<String> roles = rolesOf(account.id());
            people.add(new Person(account, roles, caller.map(Caller::capture).orElse(Scope.NOTHING), view));
        }
        return people;
    }

    public List<String> rolesOf(UserId user) {
        return jdbc.sql("SELECT role_code FROM user_role WHERE user_id = :id ORDER BY role_code")
                .param("id", user.value())
                .query(String.class)
                .list();
    }

    /** The roles a manager may give: those whose permissions they hold themselves. */
    public List<Role> grantableBy(Caller manager) {
        return jdbc
                .sql("SELECT code, name_vi, name_en FROM role ORDER BY code")
                .query((rs, n) -> new Role(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .stream()
                .filter(r ->
                        manager == Caller.SYSTEM || manager.permissions().containsAll(permissionsOf(Set.of(r.code()))))
                .toList();
    }

    public record Person(UserAccount account, List<String> roles, Scope capture, Scope view) {}

    public record Role(String code, String nameVi, String nameEn) {}
}
