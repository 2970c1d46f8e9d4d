package vn.tuquan.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import vn.tuquan.units.UnitPath;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The facts of the security-and-order registers per unit and evaluation period, for every unit of a
 * subtree at once: what the yearly evaluation (RULEBOOK criteria 3 to 5) and the dashboards read.
 *
 * <p>One pass: the incidents and drug users of every unit of the subtree are counted per unit in one
 * query each, for four windows at once (the residential areas' period and the organisations'
 * period, this year's and the year before's); each count is then added to the unit and to every
 * unit above it in the subtree, and each unit keeps the counts of its own window. Which window a
 * unit's counts are in, and the tree they are counted on (as of the last day of the residential
 * areas' period), is {@link FactWindow}'s rule, which the lists of records follow too.
 */
@Service
public class OrderFacts {

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
            Period[] periods = {
                FactWindow.RESIDENTIAL_AREA.period(year),
                FactWindow.RESIDENTIAL_AREA.period(year - 1),
                FactWindow.ORGANISATION.period(year),
                FactWindow.ORGANISATION.period(year - 1)
            };
            LocalDate[] first = new LocalDate[periods.length];
            for (int i = 0; i < periods.length; i++) {
                first[i] = periods[i].firstEventDay();
            }
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
        Computed c = compute(scope, unitId, year);
        List<UnitFacts> facts = new ArrayList<>(c.tree().size());
        for (UnitView unit : c.tree()) {
            facts.add(c.facts(unit, FactWindow.of(unit.kind()) == FactWindow.RESIDENTIAL_AREA ? 0 : 2));
        }
        return facts;
    }

    /**
     * What the registers hold of each of the given units itself — not of the units under it — in the
     * year's residential areas' period (the movement's statistic of the year, as {@link #headline}):
     * incidents, drug users, mediations, re-education cases and serious incidents of subjective cause,
     * per unit id (a unit with nothing recorded has zero counts). The drug hotspots are not counted
     * (they cover units, they are not records of one). Refused when a unit lies outside the scope.
     */
    public Map<Long, UnitFacts.Counts> ownCounts(Scope scope, Collection<Long> unitIds, int year) {
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("year " + year);
        }
        if (!scope.wholeCountry()) {
            units.findAll(scope, unitIds, FactWindow.treeOn(year));
        }
        Windows windows = Windows.of(year);
        Map<Long, Tally> tallies = new HashMap<>(unitIds.size() * 2);
        Map<Long, long[]> ancestors = new HashMap<>(unitIds.size() * 2);
        for (long id : unitIds) {
            tallies.put(id, new Tally());
            ancestors.put(id, new long[] {id});
        }
        Map<Long, UnitFacts.Counts> counts = new HashMap<>(unitIds.size() * 2);
        if (tallies.isEmpty()) {
            return counts;
        }
        Long[] ids = tallies.keySet().toArray(Long[]::new);
        countIncidents(ids, windows, tallies, ancestors);
        countDrugUsers(ids, windows, tallies, ancestors);
        countCases(ids, windows, tallies, ancestors);
        countSeriousSubjective(ids, windows, tallies, ancestors);
        tallies.forEach((id, tally) -> counts.put(id, tally.counts(0)));
        return counts;
    }

    /**
     * What one incident counts for in its unit's {@link #ownCounts} of the period it happened in (ignoring
     * whether it was withdrawn): its kind and category, its class when it is a crime, and whether it is a
     * serious one of subjective cause — the rules of {@link #ownCounts}' statements, for a record in hand
     * (the statistics add it to their summaries rather than count the unit again).
     */
    public static UnitFacts.Counts countsOf(Incident incident) {
        String kind = incident.kind().name();
        boolean crime = incident.kind() == IncidentKind.CRIME && incident.severity() != null;
        boolean seriousSubjective = incident.kind().hasSubjectiveCause()
                && "SERIOUS".equals(incident.severity())
                && Boolean.TRUE.equals(incident.subjectiveCause());
        return new UnitFacts.Counts(
                Map.of(kind, 1L),
                Map.of(incident.categoryCode(), 1L),
                crime ? Map.of(incident.severity(), 1L) : Map.of(),
                0,
                0,
                0,
                0,
                0,
                seriousSubjective ? 1 : 0,
                0);
    }

    /**
     * The source's headline figures for a unit's subtree (F13): residential areas and communes with
     * no crime, with no drug user — a statistic of the year, so communes are counted over the
     * residential areas' period too (their own evaluation reads {@link #forSubtree}).
     */
    public Headline headline(Scope scope, long unitId, int year) {
        Computed c = compute(scope, unitId, year);
        long areas = 0,
                areasNoCrime = 0,
                areasNoDrugUser = 0,
                communes = 0,
                communesNoCrime = 0,
                communesNoDrugUser = 0;
        for (UnitView unit : c.tree()) {
            UnitFacts f = c.facts(unit, 0);
            if (unit.kind() == UnitKind.RESIDENTIAL_AREA) {
                areas++;
                areasNoCrime += f.noCrime() ? 1 : 0;
                areasNoDrugUser += f.noDrugUser() ? 1 : 0;
            } else if (unit.kind() == UnitKind.COMMUNE) {
                communes++;
                communesNoCrime += f.noCrime() ? 1 : 0;
                communesNoDrugUser += f.noDrugUser() ? 1 : 0;
            }
        }
        return new Headline(
                unitId, year, areas, areasNoCrime, areasNoDrugUser, communes, communesNoCrime, communesNoDrugUser);
    }

    private record Computed(List<UnitView> tree, Windows windows, Map<Long, Tally> tallies) {

        UnitFacts facts(UnitView unit, int now) {
            Tally t = tallies.get(unit.id());
            return new UnitFacts(
                    unit.id(),
                    unit.code(),
                    unit.name(),
                    unit.kind(),
                    unit.parentId(),
                    windows.periods()[now],
                    t.counts(now),
                    t.counts(now + 1));
        }
    }

    private Computed compute(Scope scope, long unitId, int year) {
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("year " + year);
        }
        LocalDate asOf = FactWindow.treeOn(year);
        units.find(scope, unitId, asOf).orElseThrow(() -> new UnknownOrderUnitException(unitId));
        List<UnitView> tree = units.subtreeWithRoot(scope, unitId, Set.of(), asOf);
        Windows windows = Windows.of(year);
        Map<Long, Tally> tallies = new HashMap<>(tree.size() * 2);
        Map<Long, long[]> ancestors = new HashMap<>(tree.size() * 2);
        for (UnitView unit : tree) {
            tallies.put(unit.id(), new Tally());
        }
        for (UnitView unit : tree) {
            ancestors.put(unit.id(), ancestorsWithin(unit.unitPath(), tallies));
        }
        Long[] ids = tree.stream().map(UnitView::id).toArray(Long[]::new);
        countIncidents(ids, windows, tallies, ancestors);
        countDrugUsers(ids, windows, tallies, ancestors);
        countCases(ids, windows, tallies, ancestors);
        countSeriousSubjective(ids, windows, tallies, ancestors);
        countDrugSpots(ids, windows, tallies, ancestors);
        return new Computed(tree, windows, tallies);
    }

    /** How many residential areas and communes under a unit had no crime, no drug user, in the period. */
    public record Headline(
            long unitId,
            int year,
            long residentialAreas,
            long residentialAreasWithNoCrime,
            long residentialAreasWithNoDrugUser,
            long communes,
            long communesWithNoCrime,
            long communesWithNoDrugUser) {}

    /** The ids of the unit and of the units above it up to the subtree's root, as tallies to add to. */
    private static long[] ancestorsWithin(UnitPath path, Map<Long, Tally> tallies) {
        // the tallies are the subtree's: "/1/5/23/77/" under the root "/1/5/23/" gives 23 and 77
        return path.ids().stream()
                .filter(tallies::containsKey)
                .mapToLong(Long::longValue)
                .toArray();
    }

    private void countIncidents(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        List<Object> args = incidentWindows(ids, w);
        Map<String, String> kinds = categoryKinds();
        jdbc.query(
                "SELECT i.unit_id, i.category_code, i.severity, " + INCIDENTS_IN_WINDOWS
                        + " GROUP BY i.unit_id, i.category_code, i.severity",
                rs -> {
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
                },
                args.toArray());
    }

    private Map<String, String> categoryKinds() {
        Map<String, String> kinds = new HashMap<>();
        jdbc.query("SELECT code, kind FROM incident_category", rs -> {
            kinds.put(rs.getString(1), rs.getString(2));
        });
        return kinds;
    }

    /** Incidents of the units in each of the four windows: the columns, the table and the conditions. */
    private static final String INCIDENTS_IN_WINDOWS = """
                   count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                   count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                   count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                   count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?)
              FROM incident i
             WHERE i.unit_id = ANY (?) AND NOT i.withdrawn AND i.occurred_at >= ? AND i.occurred_at < ?""";

    /** The incidents' window arguments (start, end) ×4, the ids, then the whole span. */
    private static List<Object> incidentWindows(Long[] ids, Windows w) {
        Period[] p = w.periods();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            args.add(Windows.start(w.firstDays()[i]));
            args.add(Windows.start(p[i].to().plusDays(1)));
        }
        args.add(ids);
        args.add(Windows.start(w.first()));
        args.add(Windows.start(w.last().plusDays(1)));
        return args;
    }

    /**
     * Serious fires, explosions, traffic and labour accidents of subjective cause (RULEBOOK criteria
     * 4–5, {@code incidents.seriousSubjective}): the categories whose kind records a subjective cause,
     * severity SERIOUS, cause subjective. The index {@code incident_facts} narrows by unit, date,
     * category and severity; only the few serious ones are read from the table for their cause.
     */
    private void countSeriousSubjective(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        String[] categories = categoryKinds().entrySet().stream()
                .filter(e -> IncidentKind.valueOf(e.getValue()).hasSubjectiveCause())
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        List<Object> args = incidentWindows(ids, w);
        args.add(categories);
        jdbc.query(
                "SELECT i.unit_id, " + INCIDENTS_IN_WINDOWS
                        + " AND i.category_code = ANY (?) AND i.severity = 'SERIOUS' AND i.subjective_cause GROUP BY i.unit_id",
                rs -> {
                    long unit = rs.getLong(1);
                    for (long id : ancestors.get(unit)) {
                        long[] n = tallies.get(id).seriousSubjective;
                        for (int i = 0; i < 4; i++) {
                            n[i] += rs.getLong(2 + i);
                        }
                    }
                },
                args.toArray());
    }

    /**
     * Drug hotspots (kind DRUGS) covering each unit, at each window's last day: designated by then, not
     * removed by then ({@code removed_on} after it), with a status other than STABLE that day. A hotspot
     * covering several units under a commune counts once for the commune.
     */
    private void countDrugSpots(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        String activeOn = """
                (h.designated_on <= ? AND (h.removed_on IS NULL OR h.removed_on > ?) AND EXISTS (
                    SELECT FROM hotspot_status s WHERE s.hotspot_id = h.id AND s.valid_from <= ?
                       AND (s.valid_to IS NULL OR s.valid_to > ?) AND s.status <> 'STABLE'))""";
        List<Object> args = new ArrayList<>();
        for (Period p : w.periods()) {
            for (int i = 0; i < 4; i++) {
                args.add(p.to());
            }
        }
        args.add(ids);
        jdbc.query(
                "SELECT hu.unit_id, h.id, " + activeOn + ", " + activeOn + ", " + activeOn + ", " + activeOn
                        + " FROM hotspot h JOIN hotspot_unit hu ON hu.hotspot_id = h.id"
                        + " WHERE h.kind = 'DRUGS' AND hu.unit_id = ANY (?)",
                rs -> {
                    long unit = rs.getLong(1);
                    long hotspot = rs.getLong(2);
                    for (long id : ancestors.get(unit)) {
                        Tally t = tallies.get(id);
                        for (int i = 0; i < 4; i++) {
                            if (rs.getBoolean(3 + i)) {
                                t.drugSpot(i, hotspot);
                            }
                        }
                    }
                },
                args.toArray());
    }

    /**
     * Drug users by the unit they live in. New: detected during the window (an event, counted in one
     * period only, like incidents). Present: a record active on some day of the regulation's period,
     * both ends included (a state): detected by the period's last day with a status other than
     * RECOVERED holding on a day of the period (the persons register's definition, docs/order.md).
     */
    private void countDrugUsers(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        Period[] p = w.periods();
        List<Object> args = new ArrayList<>();
        args.add(ids);
        args.add(w.last());
        for (int i = 0; i < p.length; i++) {
            args.add(w.firstDays()[i]);
            args.add(p[i].to());
        }
        for (Period period : p) {
            args.add(period.to());
            args.add(period.from());
        }
        jdbc.query(
                """
                WITH h AS (
                    SELECT d.id, d.residence_unit_id, d.detected_on, s.status, s.since,
                           lead(s.since) OVER (PARTITION BY s.drug_user_id ORDER BY s.since) AS until
                      FROM drug_user d JOIN drug_user_status s ON s.drug_user_id = d.id
                     WHERE d.residence_unit_id = ANY (?) AND d.detected_on <= ?)
                SELECT residence_unit_id,
                       count(DISTINCT id) FILTER (WHERE detected_on BETWEEN ? AND ?),
                       count(DISTINCT id) FILTER (WHERE detected_on BETWEEN ? AND ?),
                       count(DISTINCT id) FILTER (WHERE detected_on BETWEEN ? AND ?),
                       count(DISTINCT id) FILTER (WHERE detected_on BETWEEN ? AND ?),
                       count(DISTINCT id) FILTER (WHERE status <> 'RECOVERED' AND since <= ? AND (until IS NULL OR until > ?)),
                       count(DISTINCT id) FILTER (WHERE status <> 'RECOVERED' AND since <= ? AND (until IS NULL OR until > ?)),
                       count(DISTINCT id) FILTER (WHERE status <> 'RECOVERED' AND since <= ? AND (until IS NULL OR until > ?)),
                       count(DISTINCT id) FILTER (WHERE status <> 'RECOVERED' AND since <= ? AND (until IS NULL OR until > ?))
                  FROM h GROUP BY residence_unit_id""",
                rs -> {
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
                },
                args.toArray());
    }

    /** Mediations held and reconciled, re-education cases started, in the window (events). */
    private void countCases(Long[] ids, Windows w, Map<Long, Tally> tallies, Map<Long, long[]> ancestors) {
        Period[] p = w.periods();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            args.add(w.firstDays()[i]);
            args.add(p[i].to());
        }
        for (int i = 0; i < p.length; i++) {
            args.add(w.firstDays()[i]);
            args.add(p[i].to());
        }
        args.add(ids);
        args.add(w.first());
        args.add(w.last());
        jdbc.query(
                """
                SELECT unit_id,
                       count(*) FILTER (WHERE held_on BETWEEN ? AND ?), count(*) FILTER (WHERE held_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE held_on BETWEEN ? AND ?), count(*) FILTER (WHERE held_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE outcome = 'RECONCILED' AND held_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE outcome = 'RECONCILED' AND held_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE outcome = 'RECONCILED' AND held_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE outcome = 'RECONCILED' AND held_on BETWEEN ? AND ?)
                  FROM mediation WHERE unit_id = ANY (?) AND held_on BETWEEN ? AND ? GROUP BY unit_id""",
                rs -> {
                    long unit = rs.getLong(1);
                    for (long id : ancestors.get(unit)) {
                        Tally t = tallies.get(id);
                        for (int i = 0; i < 4; i++) {
                            t.mediations[i] += rs.getLong(2 + i);
                            t.reconciled[i] += rs.getLong(6 + i);
                        }
                    }
                },
                args.toArray());
        List<Object> reArgs = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            reArgs.add(w.firstDays()[i]);
            reArgs.add(p[i].to());
        }
        reArgs.add(ids);
        reArgs.add(w.first());
        reArgs.add(w.last());
        jdbc.query(
                """
                SELECT unit_id,
                       count(*) FILTER (WHERE started_on BETWEEN ? AND ?), count(*) FILTER (WHERE started_on BETWEEN ? AND ?),
                       count(*) FILTER (WHERE started_on BETWEEN ? AND ?), count(*) FILTER (WHERE started_on BETWEEN ? AND ?)
                  FROM re_education WHERE unit_id = ANY (?) AND started_on BETWEEN ? AND ? GROUP BY unit_id""",
                rs -> {
                    long unit = rs.getLong(1);
                    for (long id : ancestors.get(unit)) {
                        Tally t = tallies.get(id);
                        for (int i = 0; i < 4; i++) {
                            t.reEducations[i] += rs.getLong(2 + i);
                        }
                    }
                },
                reArgs.toArray());
    }

    /** Counts of one unit for the four windows. */
    private static final class Tally {

        final Map<String, long[]> byKind = new HashMap<>();
        final Map<String, long[]> byCategory = new HashMap<>();
        final Map<String, long[]> crimesBySeverity = new HashMap<>();
        final long[] newDrugUsers = new long[4];
        final long[] drugUsers = new long[4];
        final long[] mediations = new long[4];
        final long[] reconciled = new long[4];
        final long[] reEducations = new long[4];
        final long[] seriousSubjective = new long[4];
        /** The drug hotspots active at each window's end, by id (null until one is found). */
        Set<Long>[] drugSpots;

        @SuppressWarnings("unchecked")
        void drugSpot(int window, long hotspotId) {
            if (drugSpots == null) {
                drugSpots = new Set[4];
            }
            if (drugSpots[window] == null) {
                drugSpots[window] = new HashSet<>();
            }
            drugSpots[window].add(hotspotId);
        }

        void add(Map<String, long[]> map, String key, long[] n) {
            long[] sum = map.computeIfAbsent(key, k -> new long[4]);
            for (int i = 0; i < 4; i++) {
                sum[i] += n[i];
            }
        }

        UnitFacts.Counts counts(int window) {
            return new UnitFacts.Counts(
                    pick(byKind, window),
                    pick(byCategory, window),
                    pick(crimesBySeverity, window),
                    newDrugUsers[window],
                    drugUsers[window],
                    mediations[window],
                    reconciled[window],
                    reEducations[window],
                    seriousSubjective[window],
                    drugSpots == null || drugSpots[window] == null ? 0 : drugSpots[window].size());
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
