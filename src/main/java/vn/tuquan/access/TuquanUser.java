package vn.tuquan.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person, with the name the pages greet them by and what their sign-in needs: a
 * second factor when they enrolled one, an enrolment first when it is required and missing. In the
 * base package, not {@code internal/}: sessions stored in PostgreSQL hold it by its class name.
 */
public class TuquanUser extends User {

    /** Sessions in PostgreSQL hold this class serialised: change the number when its fields change. */
    private static final long serialVersionUID = 1L;

    private final String displayName;
    private final boolean secondFactorEnrolled;
    private final boolean secondFactorRequired;

    public TuquanUser(
            String username,
            String password,
            boolean enabled,
            boolean accountNonLocked,
            String displayName,
            boolean secondFactorEnrolled,
            boolean secondFactorRequired,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, accountNonLocked, authorities);
        this.displayName = displayName;
        this.secondFactorEnrolled = secondFactorEnrolled;
        this.secondFactorRequired = secondFactorRequired;
    }

    public String displayName() {
        return displayName;
    }

    public boolean secondFactorEnrolled() {
        return secondFactorEnrolled;
    }

    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }
}
