package vn.tuquan.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.ImportRefusedException.Problem;

/**
 * Boundaries of administrative units for maps: GeoJSON geometries imported from FeatureCollections
 * (each feature names its unit by GSO code) and served as GeoJSON for a unit and its children.
 * No tile server and no PostGIS: the geometries are kept as they come, in {@code jsonb}.
 */
@Service
public class UnitBoundaries {

    /** Properties that hold the GSO code in the files we know (thanglequoc, dvhcvn): {@code code} first. */
    static final List<String> CODE_PROPERTIES = List.of("code", "gsoCode", "ma", "level1_id", "level2_id");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    private final Units units;

    UnitBoundaries(JdbcClient jdbc, ApplicationEventPublisher events, Units units) {
        this.jdbc = jdbc;
        this.events = events;
        this.units = units;
    }

    /**
     * Imports the features of GeoJSON FeatureCollections (one file or many) as the boundaries of the
     * units with their codes as of a date, all or nothing. Re-importing the same files changes nothing.
     *
     * @param province only features of this province (by their {@code provinceCode}, or their own code)
     * @throws ImportRefusedException listing every feature whose code is unknown on the date, or unreadable files
     */
    @Transactional
    public BoundaryImportSummary importFiles(
            Caller caller, List<Path> files, LocalDate asOf, Optional<String> province) {
        caller.require(Permission.UNITS_IMPORT);
        List<Problem> problems = new ArrayList<>();
        Map<Long, String> geometries = new LinkedHashMap<>();
        int skipped = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(file));
            } catch (IOException | JacksonException e) {
                problems.add(new Problem(name, 0, null, "units.import.error.unreadable", List.of(e.getMessage())));
                continue;
            }
            JsonNode features =
                    "FeatureCollection".equals(root.path("type").asString("")) ? root.path("features") : null;
            if (features == null || !features.isArray()) {
                problems.add(new Problem(name, 0, null, "units.boundaries.error.notFeatureCollection", List.of()));
                continue;
            }
            for (int i = 0; i < features.size(); i++) {
                JsonNode feature = features.get(i);
                String position = "features[" + i + "]";
                JsonNode properties = feature.path("properties");
                String code = code(properties);
                JsonNode geometry = feature.path("geometry");
                if (code == null) {
                    problems.add(new Problem(name, 0, position, "units.boundaries.error.noCode", List.of()));
                    continue;
                }
                if (province.isPresent()
                        && !province.get()
                                .equals(properties.path("provinceCode").asString(null))
                        && !province.get().equals(code)) {
                    skipped++;
                    continue;
                }
                if (!geometry.isObject() || !geometry.has("type") || !geometry.has("coordinates")) {
                    problems.add(new Problem(name, 0, position, "units.boundaries.error.noGeometry", List.of(code)));
                    continue;
                }
                Optional<Long> unit = jdbc.sql("""
                                SELECT unit_id FROM unit_version
                                WHERE code = :code AND kind IN ('PROVINCE', 'DISTRICT', 'COMMUNE')
                                  AND valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)""")
                        .param("code", code)
                        .param("asOf", asOf)
                        .query(Long.class)
                        .optional();
                if (unit.isEmpty()) {
                    problems.add(
                            new Problem(name, 0, position, "units.boundaries.error.unknownCode", List.of(code, asOf)));
                    continue;
                }
                geometries.put(unit.get(), JSON.writeValueAsString(geometry));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        int inserted = 0;
        int changed = 0;
        for (Map.Entry<Long, String> entry : geometries.entrySet()) {
            Optional<Boolean> same = jdbc.sql("""
                            SELECT geometry = CAST(:geometry AS jsonb) FROM unit_boundary
                            WHERE unit_id = :unit AND valid_from = :asOf""")
                    .param("unit", entry.getKey())
                    .param("asOf", asOf)
                    .param("geometry", entry.getValue())
                    .query(Boolean.class)
                    .optional();
            if (same.isEmpty()) {
                jdbc.sql(
                                "INSERT INTO unit_boundary (unit_id, valid_from, geometry) VALUES (:unit, :asOf, CAST(:geometry AS jsonb))")
                        .param("unit", entry.getKey())
                        .param("asOf", asOf)
                        .param("geometry", entry.getValue())
                        .update();
                inserted++;
            } else if (!same.get()) {
                jdbc.sql(
                                "UPDATE unit_boundary SET geometry = CAST(:geometry AS jsonb) WHERE unit_id = :unit AND valid_from = :asOf")
                        .param("unit", entry.getKey())
                        .param("asOf", asOf)
                        .param("geometry", entry.getValue())
                        .update();
                changed++;
            }
        }
        int unchanged = geometries.size() - inserted - changed;
        String names = String.join(
                ", ", files.stream().map(f -> f.getFileName().toString()).toList());
        if (inserted + changed > 0) {
            jdbc.sql("""
                    INSERT INTO unit_import (files, as_of, kind, opened, changed, unchanged)
                    VALUES (:files, :asOf, 'BOUNDARIES', :inserted, :changed, :unchanged)""")
                    .param("files", names)
                    .param("asOf", asOf)
                    .param("inserted", inserted)
                    .param("changed", changed)
                    .param("unchanged", unchanged)
                    .update();
        }
        BoundaryImportSummary summary = new BoundaryImportSummary(names, asOf, inserted, changed, unchanged, skipped);
        if (inserted + changed > 0) {
            events.publishEvent(new UnitBoundariesImported(summary, province.orElse(null)));
        }
        return summary;
    }

    /** Whether the unit or any of its children as of the date has a boundary to draw. */
    public boolean hasMap(Scope scope, long id, LocalDate asOf) {
        units.latest(scope, id);
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM unit_version v JOIN unit_boundary b ON b.unit_id = v.unit_id
                                       WHERE (v.unit_id = :id OR v.parent_id = :id)
                                         AND v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to > :asOf))""")
                .param("id", id)
                .param("asOf", asOf)
                .query(Boolean.class)
                .single();
    }

    /**
     * A GeoJSON FeatureCollection of the unit (role {@code unit}) and its children (role
     * {@code child}) as of a date, each with its id, name and kind. A unit's boundary is the latest
     * imported on or before the date, else the first imported during the unit's version of that date.
     */
    public String mapJson(Scope scope, long id, LocalDate asOf) {
        units.latest(scope, id);
        List<String> features = jdbc.sql("""
                        SELECT jsonb_build_object('type', 'Feature', 'geometry', b.geometry,
                                 'properties', jsonb_build_object('id', v.unit_id, 'name', v.name, 'kind', v.kind,
                                   'code', v.code, 'role', CASE WHEN v.unit_id = :id THEN 'unit' ELSE 'child' END))::text
                        FROM unit_version v
                        JOIN LATERAL (SELECT geometry FROM unit_boundary b
                                      WHERE b.unit_id = v.unit_id
                                        AND (b.valid_from <= :asOf OR v.valid_to IS NULL OR b.valid_from < v.valid_to)
                                      ORDER BY (b.valid_from <= :asOf) DESC,
                                               CASE WHEN b.valid_from <= :asOf THEN b.valid_from END DESC NULLS LAST,
                                               b.valid_from
                                      LIMIT 1) b ON true
                        WHERE (v.unit_id = :id OR v.parent_id = :id)
                          AND v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to > :asOf)
                        ORDER BY v.level, v.code COLLATE natural_vi NULLS LAST, v.name COLLATE natural_vi""")
                .param("id", id)
                .param("asOf", asOf)
                .query(String.class)
                .list();
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    /**
     * A GeoJSON FeatureCollection of some units as of a date (each role {@code child}: the roots of a view
     * scope, drawn side by side), each with its id, name and kind; empty when none of them has a boundary.
     * Each unit is checked against the scope; a boundary is chosen as {@link #mapJson(Scope, long, LocalDate)}
     * chooses it.
     */
    public String mapJson(Scope scope, Collection<Long> ids, LocalDate asOf) {
        ids.forEach(id -> units.latest(scope, id));
        if (ids.isEmpty()) {
            return "{\"type\":\"FeatureCollection\",\"features\":[]}";
        }
        List<String> features = jdbc.sql("""
                        SELECT jsonb_build_object('type', 'Feature', 'geometry', b.geometry,
                                 'properties', jsonb_build_object('id', v.unit_id, 'name', v.name, 'kind', v.kind,
                                   'code', v.code, 'role', 'child'))::text
                        FROM unit_version v
                        JOIN LATERAL (SELECT geometry FROM unit_boundary b
                                      WHERE b.unit_id = v.unit_id
                                        AND (b.valid_from <= :asOf OR v.valid_to IS NULL OR b.valid_from < v.valid_to)
                                      ORDER BY (b.valid_from <= :asOf) DESC,
                                               CASE WHEN b.valid_from <= :asOf THEN b.valid_from END DESC NULLS LAST,
                                               b.valid_from
                                      LIMIT 1) b ON true
                        WHERE v.unit_id = ANY (:ids)
                          AND v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to > :asOf)
                        ORDER BY v.level, v.code COLLATE natural_vi NULLS LAST, v.name COLLATE natural_vi""")
                .param("ids", ids.toArray(Long[]::new))
                .param("asOf", asOf)
                .query(String.class)
                .list();
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String code(JsonNode properties) {
        for (String property : CODE_PROPERTIES) {
            JsonNode value = properties.path(property);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString().strip();
            }
            if (value.isIntegralNumber()) {
                return value.asString();
            }
        }
        return null;
    }

    /**
     * What a boundary import did.
     *
     * @param skipped features outside the chosen province
     */
    public record BoundaryImportSummary(
            String files, LocalDate asOf, int inserted, int changed, int unchanged, int skipped) {}
}
