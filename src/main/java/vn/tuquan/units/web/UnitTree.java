package vn.tuquan.units.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitPath;
import vn.tuquan.units.UnitView;

/** Counts the pages need beside the {@code Units} queries: children per unit, units per kind under a unit. */
@Component
class UnitTree {

    private static final String VALID_ON = "valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)";

    private final JdbcClient jdbc;
    private final UnitLabels labels;

    UnitTree(JdbcClient jdbc, UnitLabels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    /** How many children each of the units has on the date (absent when none). */
    Map<Long, Long> childCounts(Collection<Long> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT parent_id, count(*) AS n FROM unit_version WHERE parent_id IN (:ids) AND " + VALID_ON
                        + " GROUP BY parent_id")
                .param("ids", List.copyOf(ids))
                .param("asOf", asOf)
                .query((rs, n) -> counts.put(rs.getLong("parent_id"), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * How many units of each kind and sub-kind lie under the unit (at any depth) on the date, in the
     * order of the kinds: "3 thị trấn", "31 xã".
     */
    List<KindCount> countsByKind(UnitView unit, LocalDate asOf) {
        List<KindCount> counts = new ArrayList<>();
        jdbc.sql("SELECT kind, subkind, count(*) AS n FROM unit_version WHERE path LIKE :prefix AND path <> :path AND "
                        + VALID_ON + " GROUP BY kind, subkind")
                .param("prefix", UnitPath.subtreeLike(unit.path()))
                .param("path", unit.path())
                .param("asOf", asOf)
                .query((rs, n) -> counts.add(new KindCount(
                        UnitKind.valueOf(rs.getString("kind")),
                        labels.kind(UnitKind.valueOf(rs.getString("kind")), rs.getString("subkind")),
                        rs.getLong("n"))))
                .list();
        Map<String, KindCount> merged = new LinkedHashMap<>();
        counts.stream()
                .sorted(Comparator.comparing(KindCount::kind).thenComparing(KindCount::labelKey))
                .forEach(c -> merged.merge(
                        c.labelKey(), c, (a, b) -> new KindCount(a.kind(), a.labelKey(), a.count() + b.count())));
        return List.copyOf(merged.values());
    }

    record KindCount(UnitKind kind, String labelKey, long count) {}
}
