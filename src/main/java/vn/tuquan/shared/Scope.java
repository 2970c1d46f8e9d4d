package vn.tuquan.shared;

import java.util.Set;

/**
 * A part of the tree of units: each unit stands for its whole subtree (as of today, following
 * successions after a reorganisation), or the whole country. Every query over scoped data takes one.
 */
public record Scope(boolean wholeCountry, Set<Long> unitIds) {

    public static final Scope WHOLE_COUNTRY = new Scope(true, Set.of());
    public static final Scope NOTHING = new Scope(false, Set.of());

    public Scope {
        unitIds = Set.copyOf(unitIds);
    }

    public static Scope of(Set<Long> unitIds) {
        return new Scope(false, unitIds);
    }

    public boolean isEmpty() {
        return !wholeCountry && unitIds.isEmpty();
    }
}
