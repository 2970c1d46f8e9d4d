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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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

    /** Takes the lock of the catalogue's shape (changing it forgets every year) until the transaction ends. */
    public void lockShape() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, -1)")
                .param(LOCK_SPACE)
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
        jdbc.sql("DELETE FROM statistics_commune_year").update();
        jdbc.sql("DELETE FROM statistics_unit_year").update();
    }

    /** Removes the rows of the given units for the year; answers the communes they stood in. */
    public Set<Long> delete(int year, Collection<Long> unitIds) {
        return new HashSet<>(jdbc
                .sql("DELETE FROM statistics_unit_year WHERE year = ? AND unit_id = ANY (?) RETURNING commune_id")
                .params(year, unitIds.toArray(Long[]::new))
                .query((rs, n) -> rs.getObject(1, Long.class))
                .list()
                .stream()
                .filter(c -> c != null)
                .toList());
    }

    /** Removes every row of the year, and its roll-ups. */
    public void deleteYear(int year) {
        jdbc.sql("DELETE FROM statistics_commune_year WHERE year = ?")
                .param(year)
                .update();
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

    /**
     * Replaces the rows of the given units for the year by the rows counted (a unit without a row has
     * none); answers the communes they stood in before and after, to be rolled up again ({@link #rollUp}).
     */
    public Set<Long> replace(int year, Collection<Long> unitIds, List<SummaryRow> rows) {
        Set<Long> communes = delete(year, unitIds);
        insert(rows);
        for (SummaryRow row : rows) {
            if (row.communeId() != null) {
                communes.add(row.communeId());
            }
        }
        return communes;
    }

    /**
     * Sets some columns of the rows of units (a unit without a row has none, and nothing happens);
     * answers the communes they stand in, to be rolled up again. The caller holds the year's lock shared
     * and the rows' locks.
     */
    public Set<Long> set(int year, List<String> columns, Map<Long, int[]> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(values.keySet()));
        StringBuilder set = new StringBuilder();
        StringBuilder arrays = new StringBuilder("?::bigint[]");
        StringBuilder names = new StringBuilder("id");
        Object[] params = new Object[columns.size() + 2];
        params[0] = year;
        params[1] = ids.toArray(Long[]::new);
        for (int c = 0; c < columns.size(); c++) {
            if (!SummaryRow.COLUMNS.contains(columns.get(c))) {
                throw new IllegalArgumentException(columns.get(c));
            }
            set.append(c == 0 ? "" : ", ")
                    .append(columns.get(c))
                    .append(" = v.c")
                    .append(c);
            arrays.append(", ?::int[]");
            names.append(", c").append(c);
            Integer[] column = new Integer[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                column[i] = values.get(ids.get(i))[c];
            }
            params[c + 2] = column;
        }
        Object[] ordered = new Object[params.length];
        System.arraycopy(params, 1, ordered, 0, params.length - 1);
        ordered[params.length - 1] = year;
        Set<Long> communes = new HashSet<>();
        jdbc.sql("UPDATE statistics_unit_year r SET " + set + " FROM unnest(" + arrays + ") AS v(" + names + ")"
                        + " WHERE r.unit_id = v.id AND r.year = ? RETURNING r.commune_id")
                .params(ordered)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .list()
                .forEach(c -> {
                    if (c != null) {
                        communes.add(c);
                    }
                });
        return communes;
    }

    /**
     * Adds counts to the rows of units (a unit without a row — a year not filled, a unit not in that
     * year's tree — has none, and nothing happens); answers the communes they stand in, to be rolled up
     * again. The caller holds the year's lock shared and the rows' locks.
     */
    public Set<Long> add(int year, Map<Long, int[]> deltas) {
        if (deltas.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(deltas.keySet()));
        int width = SummaryRow.COLUMNS.size();
        // one statement for every unit: the units' ids in order, and their counts one after another
        Integer[] values = new Integer[ids.size() * width];
        for (int u = 0; u < ids.size(); u++) {
            int[] v = deltas.get(ids.get(u));
            for (int i = 0; i < width; i++) {
                values[u * width + i] = v[i];
            }
        }
        Set<Long> communes = new HashSet<>();
        jdbc.sql(ADD)
                .params(ids.toArray(Long[]::new), values, year)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .list()
                .forEach(c -> {
                    if (c != null) {
                        communes.add(c);
                    }
                });
        return communes;
    }

    /** Adds to each row of a year the counts at its place in one flat array (unit by unit, column by column). */
    private static final String ADD;

    static {
        StringBuilder set = new StringBuilder();
        int width = SummaryRow.COLUMNS.size();
        for (int i = 0; i < width; i++) {
            String c = SummaryRow.COLUMNS.get(i);
            set.append(i == 0 ? "" : ", ")
                    .append(c)
                    .append(" = ")
                    .append(c)
                    .append(" + d.v[(u.n - 1) * ")
                    .append(width)
                    .append(" + ")
                    .append(i + 1)
                    .append(']');
        }
        ADD = "UPDATE statistics_unit_year r SET " + set
                + " FROM unnest(?::bigint[]) WITH ORDINALITY AS u(id, n), (SELECT ?::int[] AS v) AS d"
                + " WHERE r.year = ? AND r.unit_id = u.id RETURNING r.commune_id";
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

    // ---- the communes' roll-ups ---------------------------------------------------------------------

    /** Every indicator of a commune's rows (grouped by commune), as one array in {@link Indicator}'s order. */
    private static String rollupArray() {
        List<String> parts = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            parts.add(
                    switch (i.measure()) {
                        case SUM -> "coalesce(sum(" + i.sql() + "), 0)";
                        case UNITS -> "count(*) FILTER (WHERE " + i.sql() + ")";
                        case COMMUNES -> "CASE WHEN " + i.sql() + " THEN 1 ELSE 0 END";
                    });
        }
        return "ARRAY[" + String.join(", ", parts) + "]::bigint[]";
    }

    private static final String ROLL_UP = "INSERT INTO statistics_commune_year (year, commune_id, path, vals)"
            + " SELECT c.year, c.unit_id, c.path, g.vals FROM (SELECT commune_id, " + rollupArray()
            + " AS vals FROM statistics_unit_year WHERE year = ? AND %s GROUP BY commune_id) AS g"
            + " JOIN statistics_unit_year c ON c.year = ? AND c.unit_id = g.commune_id";

    /**
     * Rolls up again the given communes of the year from their rows (a commune without a row has none),
     * under each commune's lock (taken in id order, after the rows' locks): two writers of rows of one
     * commune roll it up one after the other, the second from rows that include the first's, so the
     * last to commit leaves the roll-up of every row committed. Call it once per year and transaction,
     * after the rows are written.
     */
    public void rollUp(int year, Collection<Long> communeIds) {
        rollUp(year, communeIds, true);
    }

    /** The same, without the communes' locks when the caller holds the year's lock exclusively. */
    public void rollUp(int year, Collection<Long> communeIds, boolean lock) {
        if (communeIds.isEmpty()) {
            return;
        }
        Long[] ids = new TreeSet<>(communeIds).toArray(Long[]::new);
        if (lock) {
            Long[] keys =
                    Arrays.stream(ids).map(id -> year * 1_000_000_000_000L + id).toArray(Long[]::new);
            jdbc.sql(
                            "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS t(k)) AS locked")
                    .param(keys)
                    .query(Long.class)
                    .single();
        }
        jdbc.sql("DELETE FROM statistics_commune_year WHERE year = ? AND commune_id = ANY (?)")
                .params(year, ids)
                .update();
        jdbc.sql(ROLL_UP.formatted("commune_id = ANY (?)"))
                .params(year, ids, year)
                .update();
    }

    /** Rolls up every commune of the year again from its rows. */
    public void rollUpYear(int year) {
        jdbc.sql("DELETE FROM statistics_commune_year WHERE year = ?")
                .param(year)
                .update();
        jdbc.sql(ROLL_UP.formatted("commune_id IS NOT NULL")).params(year, year).update();
    }

    /**
     * The roll-ups of the year's communes under a path (every commune when null) as stored, and as
     * counted again from the stored rows, by commune: what {@code verify} compares.
     */
    public Map<Long, List<Long>> rollUps(int year, String pathPrefix, boolean recounted) {
        String like = pathPrefix == null ? "%" : like(pathPrefix);
        Map<Long, List<Long>> found = new HashMap<>();
        var statement = recounted
                ? jdbc.sql(
                                "SELECT c.unit_id, g.vals FROM (SELECT commune_id, " + rollupArray()
                                        + " AS vals FROM statistics_unit_year WHERE year = ? AND commune_id IS NOT NULL"
                                        + " GROUP BY commune_id) AS g"
                                        + " JOIN statistics_unit_year c ON c.year = ? AND c.unit_id = g.commune_id WHERE c.path LIKE ?")
                        .params(year, year, like)
                : jdbc.sql("SELECT commune_id, vals FROM statistics_commune_year WHERE year = ? AND path LIKE ?")
                        .params(year, like);
        statement.query((ResultSet rs) -> {
            found.put(rs.getLong(1), Arrays.asList((Long[]) rs.getArray(2).getArray()));
        });
        return found;
    }

    /** The codes of the indicators the stored roll-ups were computed for (null: none recorded). */
    public String shape() {
        return jdbc.sql("SELECT indicators FROM statistics_shape WHERE id = 1")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Records the codes of the indicators the roll-ups are computed for. */
    public void recordShape(String indicators) {
        jdbc.sql("INSERT INTO statistics_shape (id, indicators) VALUES (1, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET indicators = excluded.indicators")
                .param(indicators)
                .update();
    }

    /** The codes of today's catalogue, in order: the shape of a roll-up. */
    public static String currentShape() {
        return Arrays.stream(Indicator.values()).map(Indicator::code).collect(Collectors.joining(","));
    }

    // ---- reads of a subtree ----------------------------------------------------------------------

    /** Where a subtree's root stands: above the communes (or the country), a commune, or under one. */
    private enum Level {
        ABOVE,
        COMMUNE,
        UNDER
    }

    private Level level(int year, String path) {
        return jdbc.sql("SELECT unit_id, commune_id FROM statistics_unit_year WHERE year = ? AND path = ?")
                .params(year, path)
                .query((rs, n) -> {
                    long commune = rs.getLong(2);
                    if (rs.wasNull()) {
                        return Level.ABOVE;
                    }
                    return commune == rs.getLong(1) ? Level.COMMUNE : Level.UNDER;
                })
                .optional()
                .orElse(Level.ABOVE);
    }

    private static final String CHILD = "coalesce(nullif(split_part(substr(path, %d), '/', 1), ''), '0')::bigint";

    /**
     * Every indicator of the rows under a path, by the child of the path they stand under (the key
     * {@code 0} holds the rows of the path's own unit). Above the communes: the roll-ups of the communes
     * under each child and the few rows above any commune, each one range of an index; at or under a
     * commune: the commune's rows, grouped once.
     */
    public Map<Long, Map<Indicator, Long>> byChild(int year, String path) {
        String child = CHILD.formatted(path.length() + 1);
        Map<Long, long[]> sums = new LinkedHashMap<>();
        if (level(year, path) == Level.ABOVE) {
            jdbc.sql("SELECT " + child + ", vals FROM statistics_commune_year WHERE year = ? AND path LIKE ?")
                    .params(year, like(path))
                    .query((ResultSet rs) -> {
                        add(sums.computeIfAbsent(rs.getLong(1), c -> new long[INDICATORS.length]), rs.getArray(2));
                    });
            leafAggregates(
                    "SELECT " + child + ", " + aggregates()
                            + " FROM statistics_unit_year WHERE year = ? AND path LIKE ? AND commune_id IS NULL GROUP BY 1",
                    sums,
                    year,
                    path);
        } else {
            leafAggregates(
                    "SELECT " + child + ", " + aggregates()
                            + " FROM statistics_unit_year WHERE year = ? AND path LIKE ? GROUP BY 1",
                    sums,
                    year,
                    path);
            jdbc.sql("SELECT child, " + communeCounts() + " FROM (SELECT " + child + " AS child, commune_id, "
                            + communeFlags() + " FROM statistics_unit_year WHERE year = ? AND path LIKE ?"
                            + " AND commune_id IS NOT NULL GROUP BY 1, 2) AS communes GROUP BY child")
                    .params(year, like(path))
                    .query((ResultSet rs) -> {
                        long[] values = sums.get(rs.getLong(1));
                        int column = 2;
                        for (Indicator i : COMMUNE_INDICATORS) {
                            values[i.ordinal()] += rs.getLong(column++);
                        }
                    });
        }
        Map<Long, Map<Indicator, Long>> found = new LinkedHashMap<>();
        sums.forEach((key, values) -> found.put(key, map(values)));
        return found;
    }

    /**
     * The same as {@link #totals(int, String)}, given the path's {@link #byChild} of the same year: above
     * the communes the children's subtrees are disjoint and every indicator adds up (a commune counts
     * under one child), so the total is their sum and nothing is read again; at or under a commune the
     * communes' indicators do not add up over children, and the total is read.
     */
    public Map<Indicator, Long> totals(int year, String path, Map<Long, Map<Indicator, Long>> byChild) {
        if (level(year, path) != Level.ABOVE) {
            return totals(year, path);
        }
        long[] sum = new long[INDICATORS.length];
        for (Map<Indicator, Long> child : byChild.values()) {
            child.forEach((i, v) -> sum[i.ordinal()] += v);
        }
        return map(sum);
    }

    /** Every indicator of the rows under a path (the path's own unit included). */
    public Map<Indicator, Long> totals(int year, String path) {
        return totals(List.of(year), path).getOrDefault(year, map(new long[INDICATORS.length]));
    }

    /**
     * Every indicator of the rows under a path for each year (a ten years' trend in a few statements):
     * the same as {@link #totals(int, String)} year by year.
     */
    public Map<Integer, Map<Indicator, Long>> totals(Collection<Integer> years, String path) {
        Map<Integer, long[]> sums = new TreeMap<>();
        for (int year : years) {
            sums.put(year, new long[INDICATORS.length]);
        }
        if (years.isEmpty()) {
            return Map.of();
        }
        Integer[] all = years.toArray(Integer[]::new);
        Map<Level, List<Integer>> byLevel = new EnumMap<>(Level.class);
        for (int year : years) {
            byLevel.computeIfAbsent(level(year, path), l -> new ArrayList<>()).add(year);
        }
        List<Integer> rolled = new ArrayList<>(byLevel.getOrDefault(Level.ABOVE, List.of()));
        rolled.addAll(byLevel.getOrDefault(Level.COMMUNE, List.of()));
        if (!rolled.isEmpty()) {
            Integer[] y = rolled.toArray(Integer[]::new);
            jdbc.sql("SELECT year, vals FROM statistics_commune_year WHERE year = ANY (?) AND path LIKE ?")
                    .params(y, like(path))
                    .query((ResultSet rs) -> {
                        add(sums.get(rs.getInt(1)), rs.getArray(2));
                    });
            leafAggregates(
                    "SELECT year, " + aggregates() + " FROM statistics_unit_year WHERE year = ANY (?) AND path LIKE ?"
                            + " AND commune_id IS NULL GROUP BY year",
                    sums,
                    y,
                    path);
        }
        List<Integer> under = byLevel.getOrDefault(Level.UNDER, List.of());
        if (!under.isEmpty()) {
            // under a commune: no commune is counted (the communes' indicators stay 0)
            leafAggregates(
                    "SELECT year, " + aggregates() + " FROM statistics_unit_year WHERE year = ANY (?) AND path LIKE ?"
                            + " GROUP BY year",
                    sums,
                    under.toArray(Integer[]::new),
                    path);
        }
        Map<Integer, Map<Indicator, Long>> found = new TreeMap<>();
        sums.forEach((year, values) -> found.put(year, map(values)));
        return found;
    }

    /** The units an indicator that counts units counts under a path (in path order). */
    public List<Long> countedUnits(int year, String path, Indicator indicator) {
        return switch (indicator.measure()) {
            case UNITS ->
                jdbc.sql("SELECT unit_id FROM statistics_unit_year WHERE year = ? AND path LIKE ? AND ("
                                + indicator.sql() + ") ORDER BY path")
                        .params(year, like(path))
                        .query(Long.class)
                        .list();
            case COMMUNES ->
                level(year, path) == Level.UNDER
                        ? List.of()
                        : jdbc.sql("SELECT commune_id FROM statistics_commune_year WHERE year = ? AND path LIKE ?"
                                        + " AND vals[?] = 1 ORDER BY path")
                                .params(year, like(path), indicator.ordinal() + 1)
                                .query(Long.class)
                                .list();
            case SUM -> throw new IllegalArgumentException(indicator + " counts records, not units");
        };
    }

    private static final Indicator[] INDICATORS = Indicator.values();

    /** Adds the rows of a statement (a key, then one column per indicator) into the sums by key. */
    private <K> void leafAggregates(String sql, Map<K, long[]> sums, Object year, String path) {
        jdbc.sql(sql).params(year, like(path)).query((ResultSet rs) -> {
            @SuppressWarnings("unchecked")
            K key = (K) rs.getObject(1);
            if (key instanceof Short s) {
                @SuppressWarnings("unchecked")
                K asInt = (K) Integer.valueOf(s);
                key = asInt;
            }
            long[] values = sums.computeIfAbsent(key, k -> new long[INDICATORS.length]);
            for (int i = 0; i < INDICATORS.length; i++) {
                values[i] += rs.getLong(2 + i);
            }
        });
    }

    private static void add(long[] sums, java.sql.Array values) throws SQLException {
        Long[] v = (Long[]) values.getArray();
        for (int i = 0; i < sums.length && i < v.length; i++) {
            sums[i] += v[i];
        }
    }

    private static Map<Indicator, Long> map(long[] values) {
        Map<Indicator, Long> map = new EnumMap<>(Indicator.class);
        for (Indicator i : INDICATORS) {
            map.put(i, values[i.ordinal()]);
        }
        return map;
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
