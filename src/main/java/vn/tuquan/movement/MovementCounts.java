package vn.tuquan.movement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * What the movement's registers hold of each unit itself for a year, for the statistics: a published
 * read model, as {@code OrderFacts} is for the security-and-order registers. States are taken on the
 * year's residential areas' period's last day (31/10), records of a year by their year.
 */
@Service
public class MovementCounts {

    /**
     * One unit's counts for a year.
     *
     * @param models                 models of the unit running on the day (started, not ended)
     * @param modelsEffective        its models assessed "working effectively" for the year
     * @param cameras                security cameras watching the unit, installed by the day
     * @param conferencesInterim     interim reviews the unit held of a period ending in the year
     * @param conferencesFinal       final reviews the unit held of a period ending in the year
     * @param catholicFamilies       households of the unit awarded "exemplary Catholic family" for the year
     * @param advancedParish         1 when the unit (a parish) was awarded "advanced parish" for the year
     * @param culturalStandardArea   1 when the unit (a residential area) was awarded "cultural standard" for the year
     * @param advancedExample        1 when the unit was awarded "advanced example" for the year
     */
    public record Counts(
            int models,
            int modelsEffective,
            int cameras,
            int conferencesInterim,
            int conferencesFinal,
            int catholicFamilies,
            int advancedParish,
            int culturalStandardArea,
            int advancedExample) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The models of one type under a unit for a year.
     *
     * @param running   models of the type running on the day (started, not ended), as {@link Counts#models}
     * @param effective models of the type assessed "working effectively" for the year, as {@link Counts#modelsEffective}
     */
    public record TypeCount(String typeCode, int running, int effective) {}

    private final JdbcTemplate jdbc;
    private final Units units;

    MovementCounts(JdbcTemplate jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * The models of the unit and every unit under it on the year's last day (31/10), per type, in one
     * query: the same counts as {@link #ownCounts}'s models and effective models, added up over the
     * subtree; a type with none is left out; by type code.
     */
    public List<TypeCount> byType(Scope scope, long unitId, int year) {
        LocalDate day = Period.residentialArea(year).to();
        Long[] ids = units.subtreeWithRoot(scope, unitId, Set.of(), day).stream()
                .map(UnitView::id)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return jdbc.query(
                """
                SELECT m.type_code,
                       count(*) FILTER (WHERE m.started_on <= ? AND (m.ended_on IS NULL OR m.ended_on > ?)) AS running,
                       count(*) FILTER (WHERE a.effective) AS effective
                  FROM movement_model m
                  LEFT JOIN model_assessment a ON a.model_id = m.id AND a.year = ?
                 WHERE m.unit_id = ANY (?)
                 GROUP BY m.type_code
                HAVING count(*) FILTER (WHERE m.started_on <= ? AND (m.ended_on IS NULL OR m.ended_on > ?)) > 0
                    OR count(*) FILTER (WHERE a.effective) > 0
                 ORDER BY m.type_code""",
                (rs, n) -> new TypeCount(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                day,
                day,
                year,
                ids,
                day,
                day);
    }

    /** The counts of each given unit for the year (a unit with nothing recorded is left out). */
    public Map<Long, Counts> ownCounts(Scope scope, Collection<Long> unitIds, int year) {
        LocalDate day = Period.residentialArea(year).to();
        if (!scope.wholeCountry()) {
            units.findAll(scope, unitIds, day);
        }
        Map<Long, int[]> found = new HashMap<>();
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = unitIds.toArray(Long[]::new);
        jdbc.query(
                """
                SELECT m.unit_id,
                       count(*) FILTER (WHERE m.started_on <= ? AND (m.ended_on IS NULL OR m.ended_on > ?)),
                       count(*) FILTER (WHERE a.effective)
                  FROM movement_model m
                  LEFT JOIN model_assessment a ON a.model_id = m.id AND a.year = ?
                 WHERE m.unit_id = ANY (?)
                 GROUP BY m.unit_id""",
                rs -> {
                    int[] c = found.computeIfAbsent(rs.getLong(1), id -> new int[9]);
                    c[0] = rs.getInt(2);
                    c[1] = rs.getInt(3);
                },
                day,
                day,
                year,
                ids);
        jdbc.query(
                "SELECT unit_id, count(*) FROM security_camera WHERE unit_id = ANY (?)"
                        + " AND (installed_on IS NULL OR installed_on <= ?) GROUP BY unit_id",
                rs -> {
                    found.computeIfAbsent(rs.getLong(1), id -> new int[9])[2] = rs.getInt(2);
                },
                ids,
                day);
        jdbc.query(
                """
                SELECT unit_id, count(*) FILTER (WHERE kind = 'INTERIM'), count(*) FILTER (WHERE kind = 'FINAL')
                  FROM conference WHERE unit_id = ANY (?) AND extract(year FROM period_to) = ? GROUP BY unit_id""",
                rs -> {
                    int[] c = found.computeIfAbsent(rs.getLong(1), id -> new int[9]);
                    c[3] = rs.getInt(2);
                    c[4] = rs.getInt(3);
                },
                ids,
                year);
        jdbc.query(
                """
                SELECT unit_id,
                       count(*) FILTER (WHERE title_code = 'EXEMPLARY_CATHOLIC_FAMILY' AND household_id IS NOT NULL),
                       count(*) FILTER (WHERE title_code = 'ADVANCED_PARISH' AND household_id IS NULL AND person_name IS NULL),
                       count(*) FILTER (WHERE title_code = 'CULTURAL_STANDARD_AREA' AND household_id IS NULL AND person_name IS NULL),
                       count(*) FILTER (WHERE title_code = 'ADVANCED_EXAMPLE' AND household_id IS NULL AND person_name IS NULL)
                  FROM title_award WHERE unit_id = ANY (?) AND year = ? GROUP BY unit_id""",
                rs -> {
                    int[] c = found.computeIfAbsent(rs.getLong(1), id -> new int[9]);
                    c[5] = rs.getInt(2);
                    c[6] = Math.min(1, rs.getInt(3));
                    c[7] = Math.min(1, rs.getInt(4));
                    c[8] = Math.min(1, rs.getInt(5));
                },
                ids,
                year);
        Map<Long, Counts> counts = new HashMap<>(found.size() * 2);
        found.forEach((id, c) -> counts.put(id, new Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])));
        return counts;
    }
}
