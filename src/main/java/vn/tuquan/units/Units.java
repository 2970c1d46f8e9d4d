package vn.tuquan.units;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.tuquan.shared.VietnameseText;

/**
 * Reading the tree of units as it was on any date: a unit, its children, its subtree, its
 * ancestors, its history, its predecessors and successors, and search by name.
 */
@Service
public class Units {

    static final String COLUMNS = """
            id AS version_id, unit_id, code, name, name_en, kind, subkind, parent_id, path, level, valid_from, valid_to,
            change, sector, has_party_organisation, staff_count, exclusion""";
    static final String VALID_ON = "valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)";

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitView> find(long id, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id = :id AND " + VALID_ON)
                .param("id", id).param("asOf", asOf).query(Units::view).optional();
    }

    /** The latest version of a unit, whatever the date: for a unit that no longer exists. */
    public Optional<UnitView> latest(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id = :id ORDER BY valid_from DESC LIMIT 1")
                .param("id", id).query(Units::view).optional();
    }

    public Optional<UnitView> findByCode(String code, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE code = :code AND kind IN "
                        + "('PROVINCE', 'DISTRICT', 'COMMUNE') AND " + VALID_ON)
                .param("code", code).param("asOf", asOf).query(Units::view).optional();
    }

    public List<UnitView> provinces(LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE kind = 'PROVINCE' AND " + VALID_ON
                        + " ORDER BY code, name")
                .param("asOf", asOf).query(Units::view).list();
    }

    public List<UnitView> children(long id, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE parent_id = :id AND " + VALID_ON
                        + " ORDER BY level, kind, code NULLS LAST, name")
                .param("id", id).param("asOf", asOf).query(Units::view).list();
    }

    /**
     * The units under {@code id} (not itself) as of a date, in tree order, a page at a time.
     *
     * @param kinds only these kinds; all when empty
     */
    public Page subtree(long id, Set<UnitKind> kinds, LocalDate asOf, int limit, int offset) {
        Optional<UnitView> root = find(id, asOf);
        if (root.isEmpty()) {
            return new Page(List.of(), false);
        }
        String kindFilter = kinds.isEmpty() ? "" : " AND kind IN (:kinds)";
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE path LIKE :prefix AND path <> :path AND "
                        + VALID_ON + kindFilter + " ORDER BY path LIMIT :limit OFFSET :offset")
                .param("prefix", likePrefix(root.get().path())).param("path", root.get().path())
                .param("asOf", asOf).param("limit", limit + 1).param("offset", offset);
        if (!kinds.isEmpty()) {
            query = query.param("kinds", kinds.stream().map(Enum::name).toList());
        }
        List<UnitView> units = query.query(Units::view).list();
        boolean more = units.size() > limit;
        return new Page(more ? units.subList(0, limit) : units, more);
    }

    /** How many units of a kind exist on a date, in the whole tree or under a unit. */
    public long count(UnitKind kind, LocalDate asOf, Optional<Long> within) {
        if (within.isEmpty()) {
            return jdbc.sql("SELECT count(*) FROM unit_version WHERE kind = :kind AND " + VALID_ON)
                    .param("kind", kind.name()).param("asOf", asOf).query(Long.class).single();
        }
        Optional<UnitView> root = find(within.get(), asOf);
        if (root.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM unit_version WHERE kind = :kind AND path LIKE :prefix AND " + VALID_ON)
                .param("kind", kind.name()).param("prefix", likePrefix(root.get().path())).param("asOf", asOf)
                .query(Long.class).single();
    }

    /** From the province down to the unit's parent, as they were on the date. */
    public List<UnitView> ancestors(long id, LocalDate asOf) {
        return find(id, asOf).map(unit -> {
            List<Long> ids = pathIds(unit.path());
            ids.remove(ids.size() - 1);
            return asOf(ids, asOf);
        }).orElse(List.of());
    }

    /** Every version of the unit, oldest first. */
    public List<UnitView> history(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id = :id ORDER BY valid_from")
                .param("id", id).query(Units::view).list();
    }

    /** The units this one took over, whole or in part. */
    public List<Succession> predecessors(long id) {
        return successions("s.successor_id = :id", id);
    }

    /** The units that took this one over, whole or in part. */
    public List<Succession> successors(long id) {
        return successions("s.predecessor_id = :id", id);
    }

    /**
     * Where a unit lives on a later date: itself when it still exists, else the units that took it
     * over (following successions as far as needed).
     */
    public List<UnitView> continuationsOn(long id, LocalDate date) {
        Set<Long> found = new LinkedHashSet<>();
        Set<Long> seen = new LinkedHashSet<>();
        List<Long> frontier = new ArrayList<>(List.of(id));
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (long unit : frontier) {
                if (!seen.add(unit)) {
                    continue;
                }
                if (find(unit, date).isPresent()) {
                    found.add(unit);
                    continue;
                }
                successors(unit).stream().filter(s -> !s.effectiveDate().isAfter(date))
                        .forEach(s -> next.add(s.successorId()));
            }
            frontier = next;
        }
        return asOf(new ArrayList<>(found), date);
    }

    /**
     * Units whose name matches, ignoring case and diacritics ("hai hau" finds "Huyện Hải Hậu"),
     * best first.
     *
     * @param within only under this unit, when present
     */
    public List<SearchHit> search(String text, LocalDate asOf, Set<UnitKind> kinds, Optional<Long> within, int limit) {
        String folded = VietnameseText.fold(text == null ? "" : text.strip());
        if (folded.isBlank()) {
            return List.of();
        }
        String prefix = within.flatMap(w -> find(w, asOf)).map(u -> likePrefix(u.path())).orElse("/%");
        String kindFilter = kinds.isEmpty() ? "" : " AND kind IN (:kinds)";
        var query = jdbc.sql("SELECT " + COLUMNS + """
                        , word_similarity(:q, search_fold(name)) AS score
                        FROM unit_version
                        WHERE search_fold(name) LIKE :pattern AND path LIKE :prefix AND """ + " " + VALID_ON + kindFilter + """
                         ORDER BY score DESC, level, name
                        LIMIT :limit""")
                .param("q", folded).param("pattern", "%" + likeEscape(folded) + "%").param("prefix", prefix)
                .param("asOf", asOf).param("limit", limit);
        if (!kinds.isEmpty()) {
            query = query.param("kinds", kinds.stream().map(Enum::name).toList());
        }
        List<Object[]> rows = query.query((rs, n) -> new Object[] {view(rs, n), rs.getDouble("score")}).list();
        Map<Long, String> fullNames = fullNames(rows.stream().map(r -> (UnitView) r[0]).toList(), asOf);
        return rows.stream().map(r -> new SearchHit((UnitView) r[0], fullNames.get(((UnitView) r[0]).id()), (double) r[1]))
                .toList();
    }

    /** "Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định": the unit and its ancestors as of the date. */
    public String fullName(long id, LocalDate asOf) {
        return find(id, asOf).map(u -> fullNames(List.of(u), asOf).get(u.id())).orElse(null);
    }

    private Map<Long, String> fullNames(Collection<UnitView> units, LocalDate asOf) {
        Set<Long> ids = units.stream().flatMap(u -> pathIds(u.path()).stream()).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        asOf(new ArrayList<>(ids), asOf).forEach(u -> names.put(u.id(), u.name()));
        Map<Long, String> result = new HashMap<>();
        for (UnitView unit : units) {
            List<Long> path = pathIds(unit.path());
            List<String> parts = new ArrayList<>();
            for (int i = path.size() - 1; i >= 0; i--) {
                parts.add(names.getOrDefault(path.get(i), "?"));
            }
            result.put(unit.id(), String.join(", ", parts));
        }
        return result;
    }

    private List<UnitView> asOf(List<Long> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id IN (:ids) AND " + VALID_ON
                        + " ORDER BY level")
                .param("ids", ids).param("asOf", asOf).query(Units::view).list();
    }

    private List<Succession> successions(String condition, long id) {
        return jdbc.sql("""
                SELECT s.predecessor_id, s.successor_id, s.effective_date, s.whole, s.note,
                       p.name AS p_name, p.code AS p_code, n.name AS n_name, n.code AS n_code
                FROM unit_succession s
                JOIN LATERAL (SELECT name, code FROM unit_version WHERE unit_id = s.predecessor_id
                              AND valid_from < s.effective_date ORDER BY valid_from DESC LIMIT 1) p ON true
                JOIN LATERAL (SELECT name, code FROM unit_version WHERE unit_id = s.successor_id
                              AND valid_from <= s.effective_date ORDER BY valid_from DESC LIMIT 1) n ON true
                WHERE \s""" + condition + " ORDER BY s.effective_date, p.code, n.code")
                .param("id", id)
                .query((rs, n) -> new Succession(rs.getLong("predecessor_id"), rs.getString("p_name"),
                        rs.getString("p_code"), rs.getLong("successor_id"), rs.getString("n_name"),
                        rs.getString("n_code"), rs.getObject("effective_date", LocalDate.class),
                        rs.getBoolean("whole"), rs.getString("note")))
                .list();
    }

    static List<Long> pathIds(String path) {
        return new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
    }

    static String likePrefix(String path) {
        return likeEscape(path) + "%";
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static UnitView view(ResultSet rs, int row) throws SQLException {
        String exclusion = rs.getString("exclusion");
        OrganisationDetails organisation = new OrganisationDetails(rs.getString("sector"),
                rs.getObject("has_party_organisation", Boolean.class), rs.getObject("staff_count", Integer.class),
                exclusion == null ? null : OrganisationDetails.Exclusion.valueOf(exclusion));
        return new UnitView(rs.getLong("unit_id"), rs.getLong("version_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("name_en"), UnitKind.valueOf(rs.getString("kind")), rs.getString("subkind"),
                rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getInt("level"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("change"),
                organisation.equals(OrganisationDetails.NONE) ? null : organisation);
    }

    /** A page of units; {@code more} when there are further pages. */
    public record Page(List<UnitView> units, boolean more) {
    }
}
