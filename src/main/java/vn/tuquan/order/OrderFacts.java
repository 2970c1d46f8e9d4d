package vn.tuquan.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The facts of the security-and-order registers per unit and evaluation period, for every unit of a
 * subtree at once: what the yearly evaluation (RULEBOOK criteria 3 to 5) and the dashboards read.
 *
 * <p>One pass: the incidents and drug users of every unit of the subtree are counted per unit in one
 * query each, for four windows at once (the residential areas' period and the organisations'
 * period, this year's and the year before's); each count is then added to the unit and to every
 * unit above it in the subtree, and each unit keeps the counts of its own window. The tree is taken
 * as of the last day of the residential areas' period.
 */
@Service
public class OrderFacts {

    private static final int PAGE = 50_000;

    private final JdbcTemplate jdbc;
    private final Units units;

    OrderFacts(JdbcTemplate jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * The four windows, in this order: areas now, areas before, organisations now, organisations
     * before. A window counts from the day after the period before it ended to its own last day: TT
     * 23's periods share their boundary day (31 October ends one and starts the next), and at the
     * change of regulation the organisations' periods overlap (TT 23's 2021 ends on 30/11/2021, TT
     * 124's 2022 starts on 16/11/2021); counted this way every instant belongs to one period only.
     */
    record Windows(Period[] periods, LocalDate[] firstDays) {

        static Windows of(int year) {
            Period[] periods = {Period.residentialArea(year), Period.residentialArea(year - 1),
                Period.organisation(year), Period.organisation(year - 1)};
            LocalDate[] first = {Period.residentialArea(year - 1).to().plusDays(1),
                Period.residentialArea(year - 2).to().plusDays(1), Period.organisation(year - 1).to().plusDays(1),
                Period.organisation(year - 2).to().plusDays(1)};
            return new Windows(periods, first);
        }

        static OffsetDateTime start(LocalDate day) {
            return day.atStartOfDay(Dates.VIETNAM).toOffsetDateTime();
        }

        LocalDate first() {
            LocalDate first = firstDays[0];
            for (LocalDate day : firstDays) {
                first = day.isBefore(first) ? day : first;
            }
            return first;
        }

        LocalDate last() {
            LocalDate last = periods[0].to();
            for (Period p : periods) {
                last = p.to().isAfter(last) ? p.to() : last;
            }
            return last;
        }
    }

    /** Facts of the unit and of every unit under it, in tree order (the unit first). */
    public List<UnitFacts> forSubtree(Scope scope, long unitId, int year) {
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("year " + year);
        }
        LocalDate asOf = Period.residentialArea(year).to();
        List<UnitView> tree = new ArrayList<>();
        tree.add(units.find(scope, unitId, asOf).orElseThrow(() -> new UnknownOrderUnitException(unitId)));
        for (int offset = 0; ; offset += PAGE) {
            Units.Page page = units.subtree(scope, unitId, Set.of(), asOf, PAGE, offset);
            tree.addAll(page.units());
            if (!page.more()) {
                break;
            }
        }
        Windows windows = Windows.of(year);
        Map<Long, Tally> tallies = new HashMap<>(tree.size() * 2);
        Map<Long, long[]> ancestors = new HashMap<>(tree.size() * 2);
        for (UnitView unit : tree) {
            tallies.put(unit.id(), new Tally());
        }
        String rootPath = tree.get(0).path();
        for (UnitView unit : tree) {
            ancestors.put(unit.id(), ancestorsWithin(unit.path(), rootPath, tallies));
        }
        Long[] ids = tree.stream().map(UnitView::id).toArray(Long[]::new);
        countIncidents(ids, windows, tallies, ancestors);
        countDrugUsers(ids, windows, tallies, ancestors);

        List<UnitFacts> facts = new ArrayList<>(tree.size());
        for (UnitView unit : tree) {
            boolean area = unit.kind() == UnitKind.RESIDENTIAL_AREA;
            Tally t = tallies.get(unit.id());
            int now = area ? 0 : 2;
            facts.add(new UnitFacts(unit.id(), unit.code(), unit.name(), unit.kind(), unit.parentId(),
                    windows.periods()[now], t.counts(now), t.counts(now + 1)));
        }
        return facts;
    }

    /** The source's headline figures for a unit's subtree (F13): units with no crime, with no drug user. */
    public Headline headline(Scope scope, long unitId, int year) {
        long areas = 0, areasNoCrime = 0, areasNoDrugUser = 0, communes = 0, communesNoCrime = 0, communesNoDrugUser = 0;
        for (UnitFacts f : forSubtree(scope, unitId, year)) {
            if (f.kind() == UnitKind.RESIDENTIAL_AREA) {
                areas++;
                areasNoCrime += f.noCrime() ? 1 : 0;
                areasNoDrugUser += f.noDrugUser() ? 1 : 0;
            } else if (f.kind() == UnitKind.COMMUNE) {
                communes++;
                communesNoCrime += f.noCrime() ? 1 : 0;
                communesNoDrugUser += f.noDrugUser() ? 1 : 0;
            }
        }
        return new Headline(unitId, year, areas, areasNoCrime, areasNoDrugUser, communes, communesNoCrime,
                communesNoDrugUser);
    }

    /** How many residential areas and communes under a unit had no crime, no drug user, in the period. */
    public record Headline(long unitId, int year, long residentialAreas, long residentialAreasWithNoCrime,
            long residentialAreasWithNoDrugUser, long communes, long communesWithNoCrime, long communesWithNoDrugUser) {
    }

    /** The ids of the unit and of the units above it up to the subtree's root, as tallies to add to. */
    private static long[] ancestorsWithin(String path, String rootPath, Map<Long, Tally> tallies) {
        // from the root's own id down: "/1/5/23/77/" under the root "/1/5/23/" gives 23 and 77
        String[] parts = path.substring(rootPath.lastIndexOf('/', rootPath.length() - 2)).split("/");
        List<Long> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            if (!part.isEmpty()) {
                long id = Long.parseLong(part);
                if (tallies.containsKey(id)) {
                    ids.add(id);
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private void countIncidents(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        Period[] p = w.periods();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            args.add(Windows.start(w.firstDays()[i]));
            args.add(Windows.start(p[i].to().plusDays(1)));
        }
        args.add(ids);
        args.add(Windows.start(w.first()));
        args.add(Windows.start(w.last().plusDays(1)));
        Map<String, String> kinds = new HashMap<>();
        jdbc.query("SELECT code, kind FROM incident_category", rs -> {
            kinds.put(rs.getString(1), rs.getString(2));
        });
        jdbc.query("""
                SELECT i.unit_id, i.category_code, i.severity,
                       count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                       count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                       count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                       count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?)
                  FROM incident i
                 WHERE i.unit_id = ANY (?) AND NOT i.withdrawn AND i.occurred_at >= ? AND i.occurred_at < ?
                 GROUP BY i.unit_id, i.category_code, i.severity""", rs -> {
            long unit = rs.getLong(1);
            String category = rs.getString(2);
            String kind = kinds.get(category);
            String severity = rs.getString(3);
            long[] n = {rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)};
            for (long id : ancestors.get(unit)) {
                Tally t = tallies.get(id);
                t.add(t.byKind, kind, n);
                t.add(t.byCategory, category, n);
                if ("CRIME".equals(kind) && severity != null) {
                    t.add(t.crimesBySeverity, severity, n);
                }
            }
        }, args.toArray());
    }

    /**
     * New drug users: detected during the window. Drug users present: detected on or before the
     * window's last day and not recovered (status) — a drug user whose record is still open.
     */
    private void countDrugUsers(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        Period[] p = w.periods();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            args.add(w.firstDays()[i]);
            args.add(p[i].to());
        }
        for (Period period : p) {
            args.add(period.to());
        }
        args.add(ids);
        args.add(w.last());
        jdbc.query("""
                SELECT d.residence_unit_id,
                       count(*) FILTER (WHERE d.detected_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE d.detected_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE d.detected_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE d.detected_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE d.detected_on <= ? AND d.status <> 'RECOVERED'),
                       count(*) FILTER (WHERE d.detected_on <= ? AND d.status <> 'RECOVERED'),
                       count(*) FILTER (WHERE d.detected_on <= ? AND d.status <> 'RECOVERED'),
                       count(*) FILTER (WHERE d.detected_on <= ? AND d.status <> 'RECOVERED')
                  FROM drug_user d
                 WHERE d.residence_unit_id = ANY (?) AND d.detected_on <= ?
                 GROUP BY d.residence_unit_id""", rs -> {
            long unit = rs.getLong(1);
            long[] detected = {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
            long[] present = {rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)};
            for (long id : ancestors.get(unit)) {
                Tally t = tallies.get(id);
                for (int i = 0; i < 4; i++) {
                    t.newDrugUsers[i] += detected[i];
                    t.drugUsers[i] += present[i];
                }
            }
        }, args.toArray());
    }

    /** Counts of one unit for the four windows. */
    private static final class Tally {

        final Map<String, long[]> byKind = new HashMap<>();
        final Map<String, long[]> byCategory = new HashMap<>();
        final Map<String, long[]> crimesBySeverity = new HashMap<>();
        final long[] newDrugUsers = new long[4];
        final long[] drugUsers = new long[4];

        void add(Map<String, long[]> map, String key, long[] n) {
            long[] sum = map.computeIfAbsent(key, k -> new long[4]);
            for (int i = 0; i < 4; i++) {
                sum[i] += n[i];
            }
        }

        UnitFacts.Counts counts(int window) {
            return new UnitFacts.Counts(pick(byKind, window), pick(byCategory, window), pick(crimesBySeverity, window),
                    newDrugUsers[window], drugUsers[window]);
        }

        private static Map<String, Long> pick(Map<String, long[]> map, int window) {
            Map<String, Long> picked = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v[window] != 0) {
                    picked.put(k, v[window]);
                }
            });
            return picked;
        }
    }
}
