package vn.tuquan.units.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitPath;

/**
 * Brings the official tree as of a date in line with a snapshot: new codes open units, changed
 * names, types or parents close a version and open the next, codes no longer listed close their
 * unit. Residential areas and organisations under a unit whose place in the tree changed follow it
 * with new versions. Runs inside the caller's transaction.
 */
@Component
class OfficialListWriter {

    private static final String OFFICIAL = "('PROVINCE', 'DISTRICT', 'COMMUNE')";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DescendantMover descendants;

    OfficialListWriter(JdbcClient jdbc, JdbcTemplate template, DescendantMover descendants) {
        this.jdbc = jdbc;
        this.template = template;
        this.descendants = descendants;
    }

    private record Current(
            long versionId,
            long unitId,
            UnitKind kind,
            String code,
            String name,
            String nameEn,
            String subkind,
            Long parentId,
            String path,
            LocalDate validFrom) {}

    private record NewVersion(
            long unitId,
            UnitKind kind,
            String subkind,
            String code,
            String name,
            String nameEn,
            Long parentId,
            String path,
            int level,
            String change) {}

    ImportSummary write(Snapshot snapshot, LocalDate asOf, Optional<String> province, String files) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('tuquan.units.import'))")
                .query()
                .singleValue();
        refuseIfLaterListsExist(asOf, files);
        Map<String, Current> current = loadCurrent(asOf, province);

        List<Snapshot.Unit> units = snapshot.topDown();
        List<Snapshot.Unit> fresh = units.stream()
                .filter(u -> !current.containsKey(key(u.kind(), u.code())))
                .toList();
        Map<String, Long> ids = new HashMap<>();
        current.forEach((k, c) -> ids.put(k, c.unitId()));
        List<Long> newIds = allocateIds(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            ids.put(key(fresh.get(i).kind(), fresh.get(i).code()), newIds.get(i));
        }
        template.batchUpdate(
                "INSERT INTO unit (id, kind) OVERRIDING SYSTEM VALUE VALUES (?, ?)", fresh, 1000, (ps, u) -> {
                    ps.setLong(1, ids.get(key(u.kind(), u.code())));
                    ps.setString(2, u.kind().name());
                });

        boolean twoTier = snapshot.districts().isEmpty();
        Map<String, String> paths = new HashMap<>();
        List<NewVersion> opening = new ArrayList<>();
        List<Current> closing = new ArrayList<>();
        Map<String, String> movedPaths = new HashMap<>(); // old path -> new path
        int unchanged = 0;
        for (Snapshot.Unit u : units) {
            String key = key(u.kind(), u.code());
            long id = ids.get(key);
            UnitKind parentKind = u.kind() == UnitKind.DISTRICT || twoTier ? UnitKind.PROVINCE : UnitKind.DISTRICT;
            Long parentId = u.parentCode() == null ? null : ids.get(key(parentKind, u.parentCode()));
            String parentPath = u.parentCode() == null ? "/" : paths.get(key(parentKind, u.parentCode()));
            String path = parentPath + id + "/";
            paths.put(key, path);
            int level = UnitPath.parse(path).depth();
            Current was = current.get(key);
            if (was == null) {
                opening.add(new NewVersion(
                        id, u.kind(), u.subkind(), u.code(), u.name(), u.nameEn(), parentId, path, level, "CREATED"));
                continue;
            }
            boolean renamed = !was.name().equals(u.name());
            boolean moved =
                    !Objects.equals(was.parentId(), parentId) || !was.path().equals(path);
            boolean edited = !Objects.equals(was.subkind(), u.subkind())
                    || u.nameEn() != null && !u.nameEn().equals(was.nameEn());
            if (!renamed && !moved && !edited) {
                unchanged++;
                continue;
            }
            closing.add(was);
            if (!was.path().equals(path)) {
                movedPaths.put(was.path(), path);
            }
            String change = renamed && moved ? "RENAMED_MOVED" : renamed ? "RENAMED" : moved ? "MOVED" : "EDITED";
            opening.add(new NewVersion(
                    id,
                    u.kind(),
                    u.subkind(),
                    u.code(),
                    u.name(),
                    u.nameEn() != null ? u.nameEn() : was.nameEn(),
                    parentId,
                    path,
                    level,
                    change));
        }
        Set<String> listed = new HashSet<>(ids.keySet());
        listed.retainAll(units.stream().map(u -> key(u.kind(), u.code())).toList());
        List<Current> gone = current.entrySet().stream()
                .filter(e -> !listed.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();

        close(closing, asOf);
        close(gone, asOf);
        open(opening, asOf);
        int localMoved = descendants.follow(movedPaths, asOf, true);

        int changed = closing.size();
        int opened = opening.size() - changed;
        ImportSummary summary =
                new ImportSummary(files, asOf, opened, changed, gone.size(), unchanged, 0, localMoved, List.of());
        if (summary.changedAnything()) {
            jdbc.sql("""
                    INSERT INTO unit_import (files, as_of, kind, opened, changed, closed, unchanged)
                    VALUES (:files, :asOf, 'LIST', :opened, :changed, :closed, :unchanged)
                    """)
                    .param("files", files)
                    .param("asOf", asOf)
                    .param("opened", opened)
                    .param("changed", changed)
                    .param("closed", gone.size())
                    .param("unchanged", unchanged)
                    .update();
        }
        return summary;
    }

    /** History is written forwards: a list older than one already imported would rewrite it. */
    private void refuseIfLaterListsExist(LocalDate asOf, String files) {
        LocalDate latest = jdbc.sql("SELECT max(greatest(valid_from, coalesce(valid_to, valid_from))) "
                        + "FROM unit_version WHERE kind IN " + OFFICIAL)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (latest != null && latest.isAfter(asOf)) {
            throw new ImportRefusedException(List.of(new ImportRefusedException.Problem(
                    files, 0, null, "units.import.error.olderThanHeld", List.of(asOf, latest))));
        }
    }

    private Map<String, Current> loadCurrent(LocalDate asOf, Optional<String> province) {
        String scope = province.map(p -> """
                AND path LIKE (SELECT path FROM unit_version
                               WHERE kind = 'PROVINCE' AND code = :province AND valid_from <= :asOf
                                 AND (valid_to IS NULL OR valid_to > :asOf)) || '%'
                """).orElse("");
        var query = jdbc.sql("""
                SELECT id, unit_id, kind, code, name, name_en, subkind, parent_id, path, valid_from
                FROM unit_version
                WHERE kind IN %s AND valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)
                """.formatted(OFFICIAL) + scope).param("asOf", asOf);
        if (province.isPresent()) {
            query = query.param("province", province.get());
        }
        Map<String, Current> current = new HashMap<>();
        query.query((rs, n) -> new Current(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getString("subkind"),
                        rs.getObject("parent_id", Long.class),
                        rs.getString("path"),
                        rs.getObject("valid_from", LocalDate.class)))
                .list()
                .forEach(c -> current.put(key(c.kind(), c.code()), c));
        return current;
    }

    private List<Long> allocateIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('unit', 'id')) FROM generate_series(1, :n)")
                .param("n", count)
                .query(Long.class)
                .list();
    }

    /** A version that began on this very date is replaced; an older one ends on it. */
    private void close(List<Current> versions, LocalDate asOf) {
        List<Current> ending =
                versions.stream().filter(v -> v.validFrom().isBefore(asOf)).toList();
        List<Current> replaced =
                versions.stream().filter(v -> !v.validFrom().isBefore(asOf)).toList();
        template.batchUpdate("UPDATE unit_version SET valid_to = ? WHERE id = ?", ending, 1000, (ps, v) -> {
            ps.setDate(1, Date.valueOf(asOf));
            ps.setLong(2, v.versionId());
        });
        template.batchUpdate(
                "DELETE FROM unit_version WHERE id = ?", replaced, 1000, (ps, v) -> ps.setLong(1, v.versionId()));
    }

    private void open(List<NewVersion> versions, LocalDate asOf) {
        template.batchUpdate("""
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, name_en, parent_id, path, level,
                                          valid_from, change)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, versions, 1000, (ps, v) -> {
            ps.setLong(1, v.unitId());
            ps.setString(2, v.kind().name());
            ps.setString(3, v.subkind());
            ps.setString(4, v.code());
            ps.setString(5, v.name());
            ps.setString(6, v.nameEn());
            ps.setObject(7, v.parentId());
            ps.setString(8, v.path());
            ps.setInt(9, v.level());
            ps.setDate(10, Date.valueOf(asOf));
            ps.setString(11, v.change());
        });
    }

    private static String key(UnitKind kind, String code) {
        return kind.name() + ":" + code;
    }
}
