package vn.tuquan.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Dates;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.units.UnitPath;

/**
 * The owner of the statistics tables ({@code statistics_unit_year}, {@code statistics_year}): every
 * statement on them, and the locks that keep them exact under concurrent writes.
 *
 * <p>Locks (transaction-scoped advisory locks, two-key space {@code (16, year)} and one-key space per
 * row): filling a year takes the year's lock exclusively, keeping a row current takes it shared and
 * then the row's own lock. A writer therefore waits while a year is being filled and then finds it
 * filled (and recounts), and a fill waits for the writers in flight and then counts what they
 * committed; two writers of the same row recount one after the other, the second seeing the first's
 * committed records (each recount is a new statement in READ COMMITTED).
 */
@Component
public class SummaryStore {

    private static final int LOCK_SPACE = 16;
    private static final String COLUMNS =
            "year, unit_id, unit_kind, path, commune_id, " + String.join(", ", SummaryRow.COLUMNS);
    private static final String INSERT = "INSERT INTO statistics_unit_year (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?"
            + ", ?".repeat(SummaryRow.COLUMNS.size()) + ")";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SummaryStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The years whose rows exist for every unit. */
    public TreeSet<Integer> filledYears() {
        return new TreeSet<>(jdbc.sql("SELECT year FROM statistics_year")
                .query(Integer.class)
                .list());
    }

    /** Takes the year's lock exclusively (filling it) until the transaction ends. */
    public void lockYearExclusively(int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
                .params(LOCK_SPACE, year)
                .query()
                .singleRow();
    }

    /** Takes the lock of each year shared, in the years' order, until the transaction ends. */
    public void lockYearsShared(Collection<Integer> years) {
        Integer[] sorted = new TreeSet<>(years).toArray(Integer[]::new);
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(" + LOCK_SPACE
                        + ", y) FROM unnest(?::int[]) AS t(y)) AS locked")
                .param(sorted)
                .query(Long.class)
                .single();
    }

    /** Takes the rows' locks, in id order (no two writers wait for each other), until the transaction ends. */
    public void lockRows(int year, Collection<Long> unitIds) {
        Long[] keys = new TreeSet<>(unitIds)
                .stream().map(id -> -(year * 1_000_000_000_000L + id)).toArray(Long[]::new);
        // the keys in the array's order (a volatile call in a subquery's output is never dropped)
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS t(k)) AS locked")
                .param(keys)
                .query(Long.class)
                .single();
    }

    /** Whether the year is filled (read after taking its lock). */
    public boolean filled(int year) {
        return jdbc.sql("SELECT EXISTS (SELECT FROM statistics_year WHERE year = ?)")
                .param(year)
                .query(Boolean.class)
                .single();
    }

    /** Marks the year filled. */
    public void markFilled(int year) {
        jdbc.sql(
                        "INSERT INTO statistics_year (year, filled_at) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET filled_at = excluded.filled_at")
                .params(year, Dates.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Forgets every year (the tree changed under all of them): each is filled again when next used. */
    public void forgetAll() {
        jdbc.sql("DELETE FROM statistics_year").update();
        jdbc.sql("DELETE FROM statistics_unit_year").update();
    }

    /** Removes the rows of the given units for the year. */
    public void delete(int year, Collection<Long> unitIds) {
        jdbc.sql("DELETE FROM statistics_unit_year WHERE year = ? AND unit_id = ANY (?)")
                .params(year, unitIds.toArray(Long[]::new))
                .update();
    }

    /** Removes every row of the year. */
    public void deleteYear(int year) {
        jdbc.sql("DELETE FROM statistics_unit_year WHERE year = ?").param(year).update();
    }

    /** Writes rows (none of them may exist). */
    public void insert(List<SummaryRow> rows) {
        template.batchUpdate(INSERT, rows, 1_000, (ps, row) -> {
            ps.setInt(1, row.year());
            ps.setLong(2, row.unitId());
            ps.setString(3, row.unitKind());
            ps.setString(4, row.path());
            if (row.communeId() == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, row.communeId());
            }
            int[] values = row.values();
            for (int i = 0; i < values.length; i++) {
                ps.setInt(6 + i, values[i]);
            }
        });
    }

    /** Replaces the rows of the given units for the year by the rows counted (a unit without a row has none). */
    public void replace(int year, Collection<Long> unitIds, List<SummaryRow> rows) {
        delete(year, unitIds);
        insert(rows);
    }

    /** The stored rows of the given units for the year, by unit id. */
    public Map<Long, SummaryRow> rows(int year, Collection<Long> unitIds) {
        Map<Long, SummaryRow> rows = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM statistics_unit_year WHERE year = ? AND unit_id = ANY (?)")
                .params(year, unitIds.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    SummaryRow row = row(rs);
                    rows.put(row.unitId(), row);
                });
        return rows;
    }

    /** Every stored row of the year under a path (a prefix; every row when null), in chunks. */
    public void eachRow(int year, String pathPrefix, Consumer<SummaryRow> each) {
        jdbc.sql("SELECT " + COLUMNS + " FROM statistics_unit_year WHERE year = ? AND path LIKE ?")
                .params(year, pathPrefix == null ? "%" : like(pathPrefix))
                .query((ResultSet rs) -> {
                    each.accept(row(rs));
                });
    }

    /** The ids of the units whose rows the year holds under a path (every row when null). */
    public List<Long> unitIds(int year, String pathPrefix) {
        return new ArrayList<>(jdbc.sql("SELECT unit_id FROM statistics_unit_year WHERE year = ? AND path LIKE ?")
                .params(year, pathPrefix == null ? "%" : like(pathPrefix))
                .query(Long.class)
                .list());
    }

    // ---- reads of a subtree ----------------------------------------------------------------------

    /** The select list of every indicator over a set of rows, in {@link Indicator}'s order (communes' apart). */
    private static String aggregates() {
        List<String> parts = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            parts.add(
                    switch (i.measure()) {
                        case SUM -> "coalesce(sum(" + i.sql() + "), 0)";
                        case UNITS -> "count(*) FILTER (WHERE " + i.sql() + ")";
                        case COMMUNES -> "0";
                    });
        }
        return String.join(", ", parts);
    }

    /** The select list of the communes' indicators over rows grouped by commune. */
    private static String communeFlags() {
        List<String> parts = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            if (i.measure() == Indicator.Measure.COMMUNES) {
                parts.add("(" + i.sql() + ") AS " + i.name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }

    private static String communeCounts() {
        List<String> parts = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            if (i.measure() == Indicator.Measure.COMMUNES) {
                parts.add("count(*) FILTER (WHERE " + i.name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        return String.join(", ", parts);
    }

    private static final List<Indicator> COMMUNE_INDICATORS = Arrays.stream(Indicator.values())
            .filter(i -> i.measure() == Indicator.Measure.COMMUNES)
            .toList();

    /**
     * Every indicator of the rows under a path, by the child of the path they stand under (the key
     * {@code 0} holds the rows of the path's own unit): one range of the index, grouped once.
     */
    public Map<Long, Map<Indicator, Long>> byChild(int year, String path) {
        String child =
                "coalesce(nullif(split_part(substr(path, " + (path.length() + 1) + "), '/', 1), ''), '0')::bigint";
        Map<Long, Map<Indicator, Long>> found = new LinkedHashMap<>();
        jdbc.sql("SELECT " + child + " AS child, " + aggregates()
                        + " FROM statistics_unit_year WHERE year = ? AND path LIKE ? GROUP BY 1")
                .params(year, like(path))
                .query((ResultSet rs) -> {
                    Map<Indicator, Long> values = new EnumMap<>(Indicator.class);
                    int column = 2;
                    for (Indicator i : Indicator.values()) {
                        values.put(i, rs.getLong(column++));
                    }
                    found.put(rs.getLong(1), values);
                });
        jdbc.sql("SELECT child, " + communeCounts() + " FROM (SELECT " + child + " AS child, commune_id, "
                        + communeFlags() + " FROM statistics_unit_year WHERE year = ? AND path LIKE ?"
                        + " AND commune_id IS NOT NULL GROUP BY 1, 2) AS communes GROUP BY child")
                .params(year, like(path))
                .query((ResultSet rs) -> {
                    Map<Indicator, Long> values = found.get(rs.getLong(1));
                    int column = 2;
                    for (Indicator i : COMMUNE_INDICATORS) {
                        values.put(i, rs.getLong(column++));
                    }
                });
        return found;
    }

    /** Every indicator of the rows under a path (the path's own unit included). */
    public Map<Indicator, Long> totals(int year, String path) {
        Map<Indicator, Long> values = new EnumMap<>(Indicator.class);
        jdbc.sql("SELECT " + aggregates() + " FROM statistics_unit_year WHERE year = ? AND path LIKE ?")
                .params(year, like(path))
                .query((ResultSet rs) -> {
                    int column = 1;
                    for (Indicator i : Indicator.values()) {
                        values.put(i, rs.getLong(column++));
                    }
                });
        jdbc.sql("SELECT " + communeCounts() + " FROM (SELECT commune_id, " + communeFlags()
                        + " FROM statistics_unit_year WHERE year = ? AND path LIKE ? AND commune_id IS NOT NULL"
                        + " GROUP BY commune_id) AS communes")
                .params(year, like(path))
                .query((ResultSet rs) -> {
                    int column = 1;
                    for (Indicator i : COMMUNE_INDICATORS) {
                        values.put(i, rs.getLong(column++));
                    }
                });
        return values;
    }

    /** The units an indicator that counts units counts under a path (in path order). */
    public List<Long> countedUnits(int year, String path, Indicator indicator) {
        String sql = switch (indicator.measure()) {
            case UNITS ->
                "SELECT unit_id FROM statistics_unit_year WHERE year = ? AND path LIKE ? AND (" + indicator.sql()
                        + ") ORDER BY path";
            case COMMUNES ->
                "SELECT commune_id FROM statistics_unit_year WHERE year = ? AND path LIKE ?"
                        + " AND commune_id IS NOT NULL GROUP BY commune_id HAVING " + indicator.sql()
                        + " ORDER BY min(path)";
            case SUM -> throw new IllegalArgumentException(indicator + " counts records, not units");
        };
        return jdbc.sql(sql).params(year, like(path)).query(Long.class).list();
    }

    /** A LIKE pattern matching the path and every path under it. */
    public static String like(String pathPrefix) {
        return UnitPath.subtreeLike(pathPrefix);
    }

    private static SummaryRow row(ResultSet rs) throws SQLException {
        int[] values = new int[SummaryRow.COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getInt(6 + i);
        }
        long commune = rs.getLong(5);
        Long communeId = rs.wasNull() ? null : commune;
        return new SummaryRow(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), communeId, values);
    }
}
