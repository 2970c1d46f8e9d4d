package vn.tuquan.units.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;

/**
 * Records the successions of a reorganisation: each old commune (as the day before) went, whole or
 * in part, into a new unit (as of the date). Codes are matched in the official tree; a new code
 * that is no longer listed is matched by its name, when that name is unique, and reported as a warning
 * (two 2025 codes were changed after the mapping was published). A commune that went whole into
 * one unit takes its residential areas and organisations along.
 */
@Component
class SuccessionWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DescendantMover descendants;

    SuccessionWriter(JdbcClient jdbc, JdbcTemplate template, DescendantMover descendants) {
        this.jdbc = jdbc;
        this.template = template;
        this.descendants = descendants;
    }

    private record Link(long predecessor, long successor, boolean whole, String note) {}

    ImportSummary write(List<SuccessionRow> rows, LocalDate asOf, String files) {
        Map<String, Long> before = communesOn(asOf.minusDays(1));
        Map<String, Long> after = communesOn(asOf);
        Map<String, Long> afterByName = communeNamesOn(asOf);
        List<ImportRefusedException.Problem> problems = new ArrayList<>();
        List<ImportRefusedException.Problem> warnings = new ArrayList<>();
        Map<String, Link> links = new HashMap<>();
        int continued = 0;
        for (SuccessionRow row : rows) {
            Long predecessor = before.get(row.oldCode());
            Long successor = after.get(row.newCode());
            if (successor == null) {
                successor = afterByName.get(VietnameseText.fold(VietnameseText.normaliseName(row.newName())));
                if (successor != null) {
                    warnings.add(problem(row, "units.import.warning.codeByName", row.newCode(), row.newName()));
                }
            }
            if (predecessor == null) {
                problems.add(problem(row, "units.import.error.unknownOldCode", row.oldCode(), asOf.minusDays(1)));
            }
            if (successor == null) {
                problems.add(problem(row, "units.import.error.unknownNewCode", row.newCode(), asOf));
            }
            if (TextLimits.tooLong(row.note(), TextLimits.NOTE)) {
                problems.add(problem(row, "units.import.error.noteTooLong", TextLimits.NOTE));
            }
            if (predecessor == null || successor == null) {
                continue;
            }
            if (predecessor.equals(successor)) {
                continued++; // the same unit went on under its code
                continue;
            }
            links.merge(
                    predecessor + ">" + successor,
                    new Link(predecessor, successor, row.whole(), row.note()),
                    (a, b) -> a.whole() ? a : b);
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        List<Link> all = new ArrayList<>(links.values());
        int[][] written = template.batchUpdate("""
                INSERT INTO unit_succession (predecessor_id, successor_id, effective_date, whole, note)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (predecessor_id, successor_id, effective_date) DO NOTHING
                """, all, 1000, (ps, l) -> {
            ps.setLong(1, l.predecessor());
            ps.setLong(2, l.successor());
            ps.setObject(3, asOf);
            ps.setBoolean(4, l.whole());
            ps.setString(5, l.note());
        });
        int inserted = 0;
        for (int[] batch : written) {
            for (int count : batch) {
                inserted += Math.max(count, 0);
            }
        }
        int moved = moveLocalUnitsToSoleSuccessors(all, asOf);
        if (inserted > 0 || moved > 0) {
            jdbc.sql("""
                    INSERT INTO unit_import (files, as_of, kind, successions, unchanged)
                    VALUES (:files, :asOf, 'SUCCESSIONS', :inserted, :unchanged)
                    """)
                    .param("files", files)
                    .param("asOf", asOf)
                    .param("inserted", inserted)
                    .param("unchanged", all.size() - inserted + continued)
                    .update();
        }
        return new ImportSummary(files, asOf, 0, 0, 0, all.size() - inserted + continued, inserted, moved, warnings);
    }

    /**
     * A commune that closed and went whole into one new unit takes its residential areas and
     * organisations along: they are put under the successor from the date on. Where a commune was
     * split, people must decide, so its units stay where they were.
     */
    private int moveLocalUnitsToSoleSuccessors(List<Link> links, LocalDate asOf) {
        Map<Long, List<Link>> byPredecessor = new HashMap<>();
        links.forEach(l -> byPredecessor
                .computeIfAbsent(l.predecessor(), k -> new ArrayList<>())
                .add(l));
        int moved = 0;
        for (Map.Entry<Long, List<Link>> entry : byPredecessor.entrySet()) {
            List<Link> out = entry.getValue();
            if (out.size() != 1 || !out.get(0).whole()) {
                continue;
            }
            List<Map<String, Object>> children = jdbc.sql("""
                    SELECT v.id, v.unit_id, v.path, v.valid_from, s.path AS successor_path, s.level AS successor_level
                    FROM unit_version v
                    JOIN unit_version s ON s.unit_id = :successor AND s.valid_from <= :asOf
                                       AND (s.valid_to IS NULL OR s.valid_to > :asOf)
                    WHERE v.parent_id = :predecessor AND v.kind NOT IN ('PROVINCE', 'DISTRICT', 'COMMUNE')
                      AND v.valid_from < :asOf AND (v.valid_to IS NULL OR v.valid_to > :asOf)
                    """)
                    .param("successor", out.get(0).successor())
                    .param("predecessor", entry.getKey())
                    .param("asOf", asOf)
                    .query()
                    .listOfRows();
            Map<String, String> movedPaths = new HashMap<>();
            for (Map<String, Object> child : children) {
                String newPath =
                        child.get("successor_path") + child.get("unit_id").toString() + "/";
                jdbc.sql("UPDATE unit_version SET valid_to = :asOf WHERE id = :id")
                        .param("asOf", asOf)
                        .param("id", child.get("id"))
                        .update();
                jdbc.sql("""
                        INSERT INTO unit_version (unit_id, kind, subkind, code, name, name_en, parent_id, path, level,
                                                  valid_from, change, sector, has_party_organisation, staff_count,
                                                  exclusion)
                        SELECT unit_id, kind, subkind, code, name, name_en, :successor, :path, :level, :asOf,
                               'MOVED_BY_REORGANISATION', sector, has_party_organisation, staff_count, exclusion
                        FROM unit_version WHERE id = :id
                        """)
                        .param("successor", out.get(0).successor())
                        .param("path", newPath)
                        .param("level", ((Number) child.get("successor_level")).intValue() + 1)
                        .param("asOf", asOf)
                        .param("id", child.get("id"))
                        .update();
                movedPaths.put((String) child.get("path"), newPath);
                moved++;
            }
            moved += descendants.follow(movedPaths, asOf, false);
        }
        return moved;
    }

    private Map<String, Long> communesOn(LocalDate date) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                SELECT code, unit_id FROM unit_version
                WHERE kind = 'COMMUNE' AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
                """)
                .param("d", date)
                .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
                .list();
        return ids;
    }

    /** Communes by folded name, for names that are unique as of the date. */
    private Map<String, Long> communeNamesOn(LocalDate date) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT name, unit_id FROM unit_version
                WHERE kind = 'COMMUNE' AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
                """)
                .param("d", date)
                .query((rs, n) -> {
                    String key = VietnameseText.fold(rs.getString(1));
                    ids.put(key, rs.getLong(2));
                    counts.merge(key, 1, Integer::sum);
                    return null;
                })
                .list();
        ids.keySet().removeIf(k -> counts.get(k) > 1);
        return ids;
    }

    private static ImportRefusedException.Problem problem(SuccessionRow row, String key, Object... arguments) {
        return new ImportRefusedException.Problem(
                row.where().file(), row.where().line(), row.where().position(), key, List.of(arguments));
    }
}
