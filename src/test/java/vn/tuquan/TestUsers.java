package vn.tuquan;

import java.util.Set;
import vn.tuquan.access.UserAccount;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.access.UserId;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;

/** People for tests: made once, with the roles and scopes a test needs. */
public final class TestUsers {

    private TestUsers() {}

    /** A system administrator of the whole country: for tests about features, not about access. */
    public static UserId administrator(UserAccounts accounts, String username, String displayName, String password) {
        return withRoles(
                accounts,
                username,
                displayName,
                password,
                Set.of("SYSTEM_ADMIN"),
                Scope.WHOLE_COUNTRY,
                Scope.WHOLE_COUNTRY);
    }

    public static UserId withRoles(
            UserAccounts accounts,
            String username,
            String displayName,
            String password,
            Set<String> roles,
            Scope capture,
            Scope view) {
        UserId id = accounts.createIfAbsent(username, displayName, password)
                .or(() -> accounts.findByUsername(username).map(UserAccount::id))
                .orElseThrow();
        accounts.assign(Caller.SYSTEM, id, roles, capture, view);
        return id;
    }
}
