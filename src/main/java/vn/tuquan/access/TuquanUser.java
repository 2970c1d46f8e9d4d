package vn.tuquan.access;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person, with the name the pages greet them by. */
class TuquanUser extends User {

    private final String displayName;

    TuquanUser(String username, String password, boolean enabled, String displayName,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }
}
