package vn.tuquan.units;

import java.time.LocalDate;

/**
 * One of the path prefixes a scope covers, and the days it covers it: on a day in
 * [{@code from}, {@code to}) the scope covers what then lay under {@code path} ({@link ScopePaths}).
 * A record of another module that keeps the path its unit had on a day (the audit log) is in the
 * scope when one period holds both that path and that day.
 *
 * @param path a unit's path, {@code /1/5/23/}
 * @param from the first day, or {@code null}: since ever
 * @param to   the day after the last, or {@code null}: from then on
 */
public record ScopePeriod(String path, LocalDate from, LocalDate to) {

    public boolean covers(String unitPath, LocalDate day) {
        return unitPath.startsWith(path) && (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
    }

    /**
     * The least text after every path under {@link #path} in code-point order ({@code COLLATE "C"}):
     * paths end with {@code /}, the character before {@code 0}, so {@code /1/5/} is followed by
     * {@code /1/50}. A path {@code p} lies under {@code path} exactly when {@code path <= p < end}.
     */
    public String end() {
        return path.substring(0, path.length() - 1) + (char) (path.charAt(path.length() - 1) + 1);
    }
}
