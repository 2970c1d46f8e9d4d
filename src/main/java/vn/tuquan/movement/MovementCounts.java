package vn.tuquan.movement;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /*
     * The conditions of the counts, each written once: the counts below and the lists of the records they
     * count (the pages a statistics' number opens, docs/movement.md) share them. Their parameters, in order,
     * are named beside them.
     */

    /** A model ({@code m}) running on the day: started by it, not ended by it. Parameters: day, day. */
    static final String RUNNING = "m.started_on <= ? AND (m.ended_on IS NULL OR m.ended_on > ?)";

    /** A model's ({@code m}) assessment {@code a} for a year. Parameter: year. */
    static final String ASSESSMENT = "LEFT JOIN model_assessment a ON a.model_id = m.id AND a.year = ?";

    /** A model assessed "working effectively" ({@link #ASSESSMENT}). */
    static final String EFFECTIVE = "a.effective";

    /** A camera installed by the day (or on an unknown day). Parameter: day. */
    static final String INSTALLED = "(installed_on IS NULL OR installed_on <= ?)";

    /** A review of a period ending in the year. Parameter: year. */
    static final String REVIEW_OF_YEAR = "extract(year FROM period_to) = ?";

    /** An award of the year. Parameter: year. */
    static final String AWARD_OF_YEAR = "year = ?";

    /** An award to a household (the "exemplary Catholic family" counted). */
    static final String TO_HOUSEHOLD = "household_id IS NOT NULL";

    /** An award to a unit itself (not to a person of it, nor to a household). */
    static final String TO_UNIT = "household_id IS NULL AND person_name IS NULL";

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
                       count(*) FILTER (WHERE %1$s) AS running,
                       count(*) FILTER (WHERE %2$s) AS effective
                  FROM movement_model m
                  %3$s
                 WHERE m.unit_id = ANY (?)
                 GROUP BY m.type_code
                HAVING count(*) FILTER (WHERE %1$s) > 0
                    OR count(*) FILTER (WHERE %2$s) > 0
                 ORDER BY m.type_code""".formatted(RUNNING, EFFECTIVE, ASSESSMENT),
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
                       count(*) FILTER (WHERE %s),
                       count(*) FILTER (WHERE %s)
                  FROM movement_model m
                  %s
                 WHERE m.unit_id = ANY (?)
                 GROUP BY m.unit_id""".formatted(RUNNING, EFFECTIVE, ASSESSMENT),
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
                "SELECT unit_id, count(*) FROM security_camera WHERE unit_id = ANY (?) AND " + INSTALLED
                        + " GROUP BY unit_id",
                rs -> {
                    found.computeIfAbsent(rs.getLong(1), id -> new int[9])[2] = rs.getInt(2);
                },
                ids,
                day);
        jdbc.query(
                """
                SELECT unit_id, count(*) FILTER (WHERE kind = 'INTERIM'), count(*) FILTER (WHERE kind = 'FINAL')
                  FROM conference WHERE unit_id = ANY (?) AND %s GROUP BY unit_id""".formatted(REVIEW_OF_YEAR),
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
                       count(*) FILTER (WHERE title_code = 'EXEMPLARY_CATHOLIC_FAMILY' AND %1$s),
                       count(*) FILTER (WHERE title_code = 'ADVANCED_PARISH' AND %2$s),
                       count(*) FILTER (WHERE title_code = 'CULTURAL_STANDARD_AREA' AND %2$s),
                       count(*) FILTER (WHERE title_code = 'ADVANCED_EXAMPLE' AND %2$s)
                  FROM title_award WHERE unit_id = ANY (?) AND %3$s GROUP BY unit_id""".formatted(TO_HOUSEHOLD, TO_UNIT, AWARD_OF_YEAR),
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

    /*
     * The records counted, as lists: what a statistics' number opens (the movement's unit page, filtered),
     * over the unit's subtree on the year's last day (31/10), with the counts' own conditions.
     */

    /**
     * The models of the unit's subtree counted for the year: running on 31/10 ({@link Counts#models}), or
     * assessed "working effectively" for the year ({@link Counts#modelsEffective}); of one type when given.
     */
    public List<MovementModel> modelsCounted(Scope scope, long unitId, int year, String typeCode, boolean effective) {
        LocalDate day = Period.residentialArea(year).to();
        Long[] ids = subtreeIds(scope, unitId, day);
        String type = typeCode == null ? "" : " AND m.type_code = ?";
        String sql = "SELECT m.* FROM movement_model m " + ASSESSMENT + " WHERE m.unit_id = ANY (?) AND "
                + (effective ? EFFECTIVE : RUNNING) + type + " ORDER BY m.unit_id, m.started_on, m.id";
        List<Object> args = new ArrayList<>(List.of(year, ids));
        if (!effective) {
            args.add(day);
            args.add(day);
        }
        if (typeCode != null) {
            args.add(typeCode);
        }
        return jdbc.query(sql, Models::row, args.toArray());
    }

    /** The cameras of the unit's subtree installed by 31/10 of the year ({@link Counts#cameras}). */
    public List<Camera> camerasCounted(Scope scope, long unitId, int year) {
        LocalDate day = Period.residentialArea(year).to();
        return jdbc.query(
                "SELECT * FROM security_camera WHERE unit_id = ANY (?) AND " + INSTALLED + " ORDER BY id",
                Models::cameraRow,
                subtreeIds(scope, unitId, day),
                day);
    }

    /**
     * The reviews the unit's subtree held of a period ending in the year, of a kind when given
     * ({@link Counts#conferencesInterim}, {@link Counts#conferencesFinal}).
     */
    public List<Conference> conferencesCounted(Scope scope, long unitId, int year, Conference.Kind kind) {
        LocalDate day = Period.residentialArea(year).to();
        Long[] ids = subtreeIds(scope, unitId, day);
        String sql = "SELECT * FROM conference WHERE unit_id = ANY (?) AND " + REVIEW_OF_YEAR
                + (kind == null ? "" : " AND kind = ?") + " ORDER BY held_on DESC, id";
        return kind == null
                ? jdbc.query(sql, Conferences::row, ids, year)
                : jdbc.query(sql, Conferences::row, ids, year, kind.name());
    }

    /**
     * The awards of a title for the year in the unit's subtree: for the "exemplary Catholic family", the
     * households awarded ({@link Counts#catholicFamilies}); for another title, every award of it.
     */
    public List<Title.Award> awardsCounted(Scope scope, long unitId, int year, String titleCode) {
        LocalDate day = Period.residentialArea(year).to();
        String recipient = Titles.EXEMPLARY_CATHOLIC_FAMILY.equals(titleCode) ? " AND " + TO_HOUSEHOLD : "";
        return jdbc.query(
                "SELECT * FROM title_award WHERE unit_id = ANY (?) AND " + AWARD_OF_YEAR + " AND title_code = ?"
                        + recipient + " ORDER BY unit_id, id",
                Titles::award,
                subtreeIds(scope, unitId, day),
                year,
                titleCode);
    }

    private Long[] subtreeIds(Scope scope, long unitId, LocalDate day) {
        return units.subtreeWithRoot(scope, unitId, Set.of(), day).stream()
                .map(UnitView::id)
                .toArray(Long[]::new);
    }
}
