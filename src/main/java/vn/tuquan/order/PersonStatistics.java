package vn.tuquan.order;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.tuquan.order.internal.PersonUnits;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitPath;
import vn.tuquan.units.UnitView;

/**
 * Counts of the persons' registers per unit and period: never a person, so ORDER_READ is enough.
 * A unit's counts cover the records of the unit itself and of every unit under it, on the tree as
 * it was on the period's last day. The period is the residential areas' one
 * ({@link Period#residentialArea}), for communes too.
 */
@Service
public class PersonStatistics {

    /** How many residential areas and communes under a unit had no drug user in a period (docs/order.md). */
    public record NoDrugUser(int year, long areas, long areasWithout, long communes, long communesWithout) {}

    private static final String[] QUERIES = {
        "SELECT d.residence_unit_id, count(*) FROM drug_user d WHERE d.residence_unit_id = ANY(:ids)"
                + " AND d.detected_on BETWEEN :firstDay AND :to GROUP BY 1",
        "SELECT d.residence_unit_id, count(*) FROM drug_user d WHERE d.residence_unit_id = ANY(:ids) AND "
                + DrugUsers.ACTIVE_IN_PERIOD + " GROUP BY 1",
        "SELECT unit_id, count(*) FROM mediation WHERE unit_id = ANY(:ids) AND held_on BETWEEN :firstDay AND :to"
                + " AND outcome = 'RECONCILED' GROUP BY 1",
        "SELECT unit_id, count(*) FROM mediation WHERE unit_id = ANY(:ids) AND held_on BETWEEN :firstDay AND :to"
                + " AND outcome = 'NOT_RECONCILED' GROUP BY 1",
        "SELECT unit_id, count(*) FROM re_education WHERE unit_id = ANY(:ids) AND started_on BETWEEN :firstDay AND :to"
                + " GROUP BY 1",
        "SELECT unit_id, count(*) FROM re_education WHERE unit_id = ANY(:ids) AND ended_on BETWEEN :firstDay AND :to"
                + " GROUP BY 1",
        "SELECT unit_id, count(*) FROM re_education WHERE unit_id = ANY(:ids) AND started_on <= :to"
                + " AND (ended_on IS NULL OR ended_on > :to) GROUP BY 1"
    };

    private final JdbcClient jdbc;
    private final PersonUnits units;

    PersonStatistics(JdbcClient jdbc, PersonUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * The counts of the unit, then of every unit under it of the kinds given (none: the unit only),
     * each covering its own subtree.
     */
    public List<PersonCounts> counts(Scope scope, long unitId, int year, Set<UnitKind> kinds) {
        return rows(scope, unitId, year, u -> kinds.contains(u.kind()));
    }

    /** The counts of the unit, then of each unit right under it (on the tree at the period's end). */
    public List<PersonCounts> childCounts(Scope scope, long unitId, int year) {
        return rows(scope, unitId, year, u -> u.parentId() != null && u.parentId() == unitId);
    }

    private List<PersonCounts> rows(Scope scope, long unitId, int year, Predicate<UnitView> shown) {
        Period period = Period.residentialArea(year);
        List<UnitView> tree = units.subtree(scope, unitId, Set.of(), period.to());
        long[][] totals = totals(tree, period);
        List<PersonCounts> rows = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            UnitView u = tree.get(i);
            if (u.id() == unitId || shown.test(u)) {
                long[] t = totals[i];
                rows.add(new PersonCounts(u.id(), u.name(), u.kind(), year, t[0], t[1], t[2], t[3], t[4], t[5], t[6]));
            }
        }
        return rows;
    }

    /** The residential areas and communes under the unit (itself included) with no drug user in the period. */
    public NoDrugUser noDrugUser(Scope scope, long unitId, int year) {
        List<PersonCounts> rows = counts(scope, unitId, year, Set.of(UnitKind.RESIDENTIAL_AREA, UnitKind.COMMUNE));
        long areas = 0;
        long areasWithout = 0;
        long communes = 0;
        long communesWithout = 0;
        for (PersonCounts row : rows) {
            if (row.kind() == UnitKind.RESIDENTIAL_AREA) {
                areas++;
                areasWithout += row.noDrugUser() ? 1 : 0;
            } else if (row.kind() == UnitKind.COMMUNE) {
                communes++;
                communesWithout += row.noDrugUser() ? 1 : 0;
            }
        }
        return new NoDrugUser(year, areas, areasWithout, communes, communesWithout);
    }

    /** Each unit's counts over its subtree: the counts per unit, added to the unit and every ancestor in the tree. */
    private long[][] totals(List<UnitView> tree, Period period) {
        Map<Long, Integer> index = index(tree);
        long[][] totals = new long[tree.size()][QUERIES.length];
        Long[] ids = tree.stream().map(UnitView::id).toArray(Long[]::new);
        Map<Long, UnitPath> paths = new HashMap<>();
        tree.forEach(u -> paths.put(u.id(), u.unitPath()));
        for (int q = 0; q < QUERIES.length; q++) {
            int column = q;
            jdbc.sql(QUERIES[q])
                    .param("ids", ids)
                    .param("from", period.from())
                    .param("to", period.to())
                    .param("firstDay", period.firstEventDay())
                    .query((ResultSet rs) -> {
                        long count = rs.getLong(2);
                        for (long id : paths.get(rs.getLong(1)).ids()) {
                            Integer at = index.get(id);
                            if (at != null) {
                                totals[at][column] += count;
                            }
                        }
                    });
        }
        return totals;
    }

    private static Map<Long, Integer> index(List<UnitView> tree) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < tree.size(); i++) {
            index.put(tree.get(i).id(), i);
        }
        return index;
    }
}
