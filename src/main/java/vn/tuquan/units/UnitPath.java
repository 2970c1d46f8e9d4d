package vn.tuquan.units;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit's place in the tree on a date: the ids from its province down to the unit itself, stored as
 * {@code unit_version.path} and written {@code /1/5/23/} (ARCHITECTURE.md, rule 1: a subtree is every
 * path starting with the unit's). The one parser of that text: read a {@link UnitView}'s path with
 * {@link UnitView#unitPath()}, any other with {@link #parse}.
 *
 * @param ids from the province (first) down to the unit (last); never empty
 */
public record UnitPath(List<Long> ids) {

    public UnitPath {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a path holds at least one unit");
        }
        ids = List.copyOf(ids);
    }

    /** Reads {@code /1/5/23/}; refuses anything else (a missing slash, an empty or non-numeric id). */
    public static UnitPath parse(String path) {
        if (path == null || path.length() < 3 || path.charAt(0) != '/' || path.charAt(path.length() - 1) != '/') {
            throw new IllegalArgumentException("not a unit path: " + path);
        }
        List<Long> ids = new ArrayList<>();
        int start = 1;
        for (int slash = path.indexOf('/', start); slash >= 0; slash = path.indexOf('/', start)) {
            if (slash == start) {
                throw new IllegalArgumentException("not a unit path: " + path);
            }
            try {
                ids.add(Long.parseLong(path, start, slash, 10));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a unit path: " + path, e);
            }
            start = slash + 1;
        }
        return new UnitPath(ids);
    }

    /**
     * A {@code LIKE} pattern matching a path as stored ({@code /1/5/23/}) and every path under it: the
     * subtree as one range of a {@code text COLLATE "C"} index. The path's characters are escaped
     * (a path holds digits and slashes only, so this is a safeguard).
     */
    public static String subtreeLike(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The path of a unit at the top of the tree (a province). */
    public static UnitPath of(long id) {
        return new UnitPath(List.of(id));
    }

    /** The unit itself: the last id. */
    public long unitId() {
        return ids.get(ids.size() - 1);
    }

    /** The province the unit lies in (itself for a province): the first id. */
    public long provinceId() {
        return ids.get(0);
    }

    /** The units above this one, from the province down to its parent; empty for a province. */
    public List<Long> ancestorIds() {
        return ids.subList(0, ids.size() - 1);
    }

    /** How many units the path holds: 1 for a province, its {@code level} in {@code unit_version}. */
    public int depth() {
        return ids.size();
    }

    /** The path of a unit right under this one. */
    public UnitPath child(long id) {
        List<Long> longer = new ArrayList<>(ids);
        longer.add(id);
        return new UnitPath(longer);
    }

    /** Whether this unit is {@code other} or lies under it. */
    public boolean within(UnitPath other) {
        return ids.size() >= other.ids.size()
                && ids.subList(0, other.ids.size()).equals(other.ids);
    }

    /** {@code /1/5/23/}, as stored. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("/");
        ids.forEach(id -> text.append(id).append('/'));
        return text.toString();
    }
}
