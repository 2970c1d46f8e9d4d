package vn.tuquan.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking: a signed-in person (or an API token standing for them, or the system itself for
 * commands and the demo), with their permissions, the part of the tree they may change (capture
 * scope) and the part they may see (view scope). Kept apart, as DHIS2 does.
 */
public record Caller(long userId, String username, Set<Permission> permissions, Scope capture, Scope view) {

    /** The system itself: imports from the command line, the demo loader. */
    public static final Caller SYSTEM =
            new Caller(0, "system", EnumSet.allOf(Permission.class), Scope.WHOLE_COUNTRY, Scope.WHOLE_COUNTRY);

    public Caller {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Refuses unless the caller holds the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new AccessRefusedException("missing permission " + permission);
        }
    }
}
