package vn.tuquan.units.internal;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a unit's path changes (it moved, or an ancestor did), the units under it keep their parent
 * but not their path: each gets a new version from the date on, under the new path. Versions are
 * never rewritten, so the tree as of an earlier date stays as it was.
 */
@Component
public class DescendantMover {

    private final JdbcClient jdbc;

    DescendantMover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param movedPaths old path → new path of the units that moved
     * @param localOnly  only residential areas and organisations follow (official units are placed
     *                   by their own list)
     * @return how many units got a new version
     */
    public int follow(Map<String, String> movedPaths, LocalDate asOf, boolean localOnly) {
        if (movedPaths.isEmpty()) {
            return 0;
        }
        String kinds = localOnly ? "AND v.kind NOT IN ('PROVINCE', 'DISTRICT', 'COMMUNE')" : "";
        jdbc.sql("""
                CREATE TEMP TABLE moving_units ON COMMIT DROP AS
                WITH moved AS (SELECT * FROM unnest(CAST(:oldPaths AS text[]), CAST(:newPaths AS text[]))
                               AS m(old_path, new_path))
                SELECT DISTINCT ON (v.id) v.id, v.valid_from, m.new_path || substr(v.path, length(m.old_path) + 1) AS new_path
                FROM unit_version v JOIN moved m ON v.path LIKE m.old_path || '%' AND v.path <> m.old_path
                WHERE v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to > :asOf)
                """ + kinds + " ORDER BY v.id, length(m.old_path) DESC")
                .param("oldPaths", movedPaths.keySet().toArray(String[]::new))
                .param("newPaths", movedPaths.values().toArray(String[]::new))
                .param("asOf", asOf)
                .update();
        // a version that began on the date itself is corrected in place; older ones end and a new one begins
        jdbc.sql("""
                UPDATE unit_version v SET path = m.new_path,
                       level = length(m.new_path) - length(replace(m.new_path, '/', '')) - 1
                FROM moving_units m WHERE v.id = m.id AND m.valid_from = :asOf
                """).param("asOf", asOf).update();
        jdbc.sql(
                        "UPDATE unit_version v SET valid_to = :asOf FROM moving_units m WHERE v.id = m.id AND m.valid_from < :asOf")
                .param("asOf", asOf)
                .update();
        int moved = jdbc.sql("""
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, name_en, parent_id, path, level,
                                          valid_from, change, sector, has_party_organisation, staff_count, exclusion)
                SELECT v.unit_id, v.kind, v.subkind, v.code, v.name, v.name_en, v.parent_id, m.new_path,
                       length(m.new_path) - length(replace(m.new_path, '/', '')) - 1, :asOf, 'MOVED_WITH_PARENT',
                       v.sector, v.has_party_organisation, v.staff_count, v.exclusion
                FROM moving_units m JOIN unit_version v ON v.id = m.id
                WHERE m.valid_from < :asOf
                """).param("asOf", asOf).update();
        jdbc.sql("DROP TABLE moving_units").update();
        return moved;
    }
}
