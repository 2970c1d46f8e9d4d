package vn.tuquan.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.tuquan.evaluation.Classifications;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Households;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.households.OrganisationCommitments.OrganisationCommitment;
import vn.tuquan.households.RegistrationRate;
import vn.tuquan.movement.MovementCounts;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.order.Incident;
import vn.tuquan.order.OrderFacts;
import vn.tuquan.order.UnitFacts;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Counts the summary rows from the registers, through their modules' published APIs: the households'
 * registration per residential area ({@link Commitments#rates(Scope, Collection, int)}) and its Catholic households
 * ({@link Households#catholicCounts}), the
 * security-and-order records of each unit itself ({@link OrderFacts#ownCounts}) and the units recognised
 * safe ({@link Evaluations#recognised}), and the movement's models, cameras, reviews and titles
 * ({@link MovementCounts#ownCounts}), the hotspots by status ({@link Hotspots#countsAtFirstUnit}), the movement
 * classification ({@link Classifications#levels}) and the organisations' staff
 * ({@link OrganisationCommitments#ofUnits}), the campaigns each unit organised ({@link Campaigns#organisedCounts}). The one definition of
 * what a row holds: the maintenance, the filling of a year and the reconciliation all count with it.
 */
@Component
public class SummaryCounter {

    /**
     * The movement classification's levels as the column {@code classification_level} codes them: 1 for
     * the first (excellent) … 4 (weak), 0 not classified.
     */
    public static final List<String> LEVELS = List.of("EXCELLENT", "GOOD", "AVERAGE", "WEAK");

    /** Units counted per round trip (the registers' queries take the ids as one array). */
    static final int CHUNK = 20_000;

    private final Units units;
    private final Commitments commitments;
    private final OrderFacts orderFacts;
    private final Evaluations evaluations;
    private final MovementCounts movementCounts;
    private final Hotspots hotspots;
    private final Classifications classifications;
    private final OrganisationCommitments organisations;
    private final Campaigns campaigns;
    private final Households households;

    SummaryCounter(
            Units units,
            Commitments commitments,
            OrderFacts orderFacts,
            Evaluations evaluations,
            MovementCounts movementCounts,
            Hotspots hotspots,
            Classifications classifications,
            OrganisationCommitments organisations,
            Campaigns campaigns,
            Households households) {
        this.households = households;
        this.campaigns = campaigns;
        this.movementCounts = movementCounts;
        this.hotspots = hotspots;
        this.classifications = classifications;
        this.organisations = organisations;
        this.units = units;
        this.commitments = commitments;
        this.orderFacts = orderFacts;
        this.evaluations = evaluations;
    }

    /** The day whose tree a year's rows are placed on: the residential areas' period's last day. */
    public static LocalDate treeOn(int year) {
        return FactWindow.treeOn(year);
    }

    /** The statistics year a day's events count in (the residential areas' period it falls in). */
    public static int yearOn(LocalDate day) {
        return Period.residentialAreaOn(day).year();
    }

    /** The rows of the given units for the year; a unit that did not exist on the tree day has none. */
    public List<SummaryRow> count(Collection<Long> unitIds, int year) {
        LocalDate day = treeOn(year);
        List<UnitView> found = units.findAll(Scope.WHOLE_COUNTRY, unitIds, day);
        Map<Long, UnitKind> kinds = new HashMap<>();
        Set<Long> above = new HashSet<>();
        for (UnitView unit : found) {
            kinds.put(unit.id(), unit.kind());
            above.addAll(unit.unitPath().ids());
        }
        above.removeAll(kinds.keySet());
        for (UnitView ancestor : units.findAll(Scope.WHOLE_COUNTRY, above, day)) {
            kinds.put(ancestor.id(), ancestor.kind());
        }
        return rows(found, kinds, year);
    }

    /** The rows of a unit and every unit under it for the year, in chunks. */
    public void countSubtree(long rootId, int year, Consumer<List<SummaryRow>> each) {
        LocalDate day = treeOn(year);
        List<UnitView> tree = units.subtreeWithRoot(Scope.WHOLE_COUNTRY, rootId, Set.of(), day);
        if (tree.isEmpty() || !tree.get(0).validOn(day)) {
            return;
        }
        Map<Long, UnitKind> kinds = new HashMap<>(tree.size() * 2);
        Set<Long> above = new HashSet<>(tree.get(0).unitPath().ids());
        for (UnitView unit : tree) {
            kinds.put(unit.id(), unit.kind());
        }
        above.removeAll(kinds.keySet());
        for (UnitView ancestor : units.findAll(Scope.WHOLE_COUNTRY, above, day)) {
            kinds.put(ancestor.id(), ancestor.kind());
        }
        for (int from = 0; from < tree.size(); from += CHUNK) {
            each.accept(rows(tree.subList(from, Math.min(tree.size(), from + CHUNK)), kinds, year));
        }
    }

    /** The rows of every unit of the country for the year, province by province, in chunks. */
    public void countAll(int year, Consumer<List<SummaryRow>> each) {
        for (UnitView province : units.roots(Scope.WHOLE_COUNTRY, treeOn(year))) {
            countSubtree(province.id(), year, each);
        }
    }

    private List<SummaryRow> rows(List<UnitView> placed, Map<Long, UnitKind> kinds, int year) {
        List<Long> ids = placed.stream().map(UnitView::id).toList();
        List<Long> areas = placed.stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .map(UnitView::id)
                .toList();
        Map<Long, RegistrationRate> rates = new HashMap<>(areas.size() * 2);
        for (RegistrationRate rate : commitments.rates(Scope.WHOLE_COUNTRY, areas, year)) {
            rates.put(rate.areaId(), rate);
        }
        Map<Long, UnitFacts.Counts> facts = orderFacts.ownCounts(Scope.WHOLE_COUNTRY, ids, year);
        Set<Long> recognised = evaluations.recognised(Scope.WHOLE_COUNTRY, ids, year);
        Map<Long, MovementCounts.Counts> movement = movementCounts.ownCounts(Scope.WHOLE_COUNTRY, ids, year);
        Map<Long, Hotspot.Counts> hotspotCounts = hotspots.countsAtFirstUnit(
                Scope.WHOLE_COUNTRY,
                ids,
                FactWindow.RESIDENTIAL_AREA.period(year).to());
        Map<Long, String> levels = classifications.levels(Scope.WHOLE_COUNTRY, ids, year);
        Map<Long, Long> catholic = households.catholicCounts(Scope.WHOLE_COUNTRY, areas, treeOn(year));
        Map<Long, OrganisationCommitment> staff = organisations.ofUnits(Scope.WHOLE_COUNTRY, ids, year);
        Map<Long, Campaign.Totals> organised =
                campaigns.organisedCounts(Scope.WHOLE_COUNTRY, ids, FactWindow.RESIDENTIAL_AREA.period(year));
        List<SummaryRow> rows = new ArrayList<>(placed.size());
        for (UnitView unit : placed) {
            int[] v = values(
                    rates.get(unit.id()),
                    facts.get(unit.id()),
                    recognised.contains(unit.id()),
                    movement.getOrDefault(unit.id(), MovementCounts.Counts.NONE),
                    hotspotCounts.get(unit.id()),
                    levels.get(unit.id()),
                    staff.get(unit.id()),
                    organised.get(unit.id()),
                    catholic.getOrDefault(unit.id(), 0L));
            rows.add(new SummaryRow(year, unit.id(), unit.kind().name(), unit.path(), commune(unit, kinds), v));
        }
        return rows;
    }

    /** The columns of the households' family: what a household written or a commitment changes. */
    public static final List<String> HOUSEHOLD_COLUMNS =
            List.of("households", "households_registered", "households_signed", "households_catholic");

    /**
     * The households' columns ({@link #HOUSEHOLD_COLUMNS}) of the given units for the year, counted as
     * {@link #count} counts them (a unit that is not a residential area holds none).
     */
    public Map<Long, int[]> countHouseholds(Collection<Long> unitIds, int year) {
        Map<Long, int[]> counted = new HashMap<>(unitIds.size() * 2);
        for (long id : unitIds) {
            counted.put(id, new int[HOUSEHOLD_COLUMNS.size()]);
        }
        Map<Long, Long> catholic = households.catholicCounts(Scope.WHOLE_COUNTRY, unitIds, treeOn(year));
        for (RegistrationRate rate : commitments.rates(Scope.WHOLE_COUNTRY, unitIds, year)) {
            int[] all = values(
                    rate,
                    NO_FACTS,
                    false,
                    MovementCounts.Counts.NONE,
                    null,
                    null,
                    null,
                    null,
                    catholic.getOrDefault(rate.areaId(), 0L));
            int[] v = counted.get(rate.areaId());
            for (int i = 0; i < v.length; i++) {
                v[i] = all[SummaryRow.COLUMNS.indexOf(HOUSEHOLD_COLUMNS.get(i))];
            }
        }
        return counted;
    }

    private static final UnitFacts.Counts NO_FACTS =
            new UnitFacts.Counts(Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, 0);

    /** A row's counts from what each register counted of the unit (the one mapping of records to columns). */
    static int[] values(
            RegistrationRate rate,
            UnitFacts.Counts c,
            boolean recognised,
            MovementCounts.Counts m,
            Hotspot.Counts h,
            String level,
            OrganisationCommitment o,
            Campaign.Totals t,
            long catholic) {
        return new int[] {
            rate == null ? 0 : Math.toIntExact(rate.residents()),
            rate == null ? 0 : Math.toIntExact(rate.registered()),
            rate == null ? 0 : Math.toIntExact(rate.signed()),
            Math.toIntExact(c.total()),
            Math.toIntExact(c.crimes()),
            Math.toIntExact(c.crimes("LESS_SERIOUS")),
            Math.toIntExact(c.crimes("SERIOUS")),
            Math.toIntExact(c.crimes("VERY_SERIOUS")),
            Math.toIntExact(c.crimes("ESPECIALLY_SERIOUS")),
            Math.toIntExact(c.kind("SECURITY_EVENT")),
            Math.toIntExact(c.kind("SOCIAL_EVIL")),
            Math.toIntExact(c.kind("DRUG_OFFENCE")),
            Math.toIntExact(c.kind("TRAFFIC_ACCIDENT") + c.kind("LABOUR_ACCIDENT") + c.kind("FIRE")),
            Math.toIntExact(c.seriousSubjective()),
            Math.toIntExact(c.drugUsers()),
            Math.toIntExact(c.newDrugUsers()),
            Math.toIntExact(c.mediations()),
            Math.toIntExact(c.reconciled()),
            Math.toIntExact(c.reEducations()),
            recognised ? 1 : 0,
            m.models(),
            m.modelsEffective(),
            m.cameras(),
            m.conferencesInterim(),
            m.conferencesFinal(),
            m.catholicFamilies(),
            m.advancedParish(),
            m.culturalStandardArea(),
            m.advancedExample(),
            h == null ? 0 : Math.toIntExact(h.complex()),
            h == null ? 0 : Math.toIntExact(h.contained()),
            h == null ? 0 : Math.toIntExact(h.stable()),
            level == null ? 0 : LEVELS.indexOf(level) + 1,
            o == null ? 0 : o.staffTotal(),
            o == null ? 0 : o.staffBriefed(),
            o == null ? 0 : o.staffSigned(),
            t == null ? 0 : Math.toIntExact(t.campaigns()),
            t == null ? 0 : Math.toIntExact(t.officers()),
            t == null ? 0 : Math.toIntExact(t.arrests()),
            t == null ? 0 : Math.toIntExact(t.ringsBroken()),
            t == null ? 0 : Math.toIntExact(t.hotspotsCleared()),
            t == null ? 0 : Math.toIntExact(t.itemsSeized()),
            Math.toIntExact(catholic)
        };
    }

    /**
     * What one incident adds to its unit's row in the year it happened in (its sign: -1 withdrawn),
     * counted as {@link OrderFacts#ownCounts} counts it ({@link OrderFacts#countsOf}).
     */
    public static int[] incident(Incident incident, int sign) {
        int[] v = values(
                null, OrderFacts.countsOf(incident), false, MovementCounts.Counts.NONE, null, null, null, null, 0);
        // (an incident counts for nothing else: the other families' columns stay 0)
        for (int i = 0; i < v.length; i++) {
            v[i] *= sign;
        }
        return v;
    }

    /**
     * What new households (no commitment yet) add to their area's row: {@code households}, and
     * {@code households_catholic} for the Catholic ones.
     */
    public static int[] households(int added, int catholic) {
        int[] v = new int[SummaryRow.COLUMNS.size()];
        v[SummaryRow.COLUMNS.indexOf("households")] = added;
        v[SummaryRow.COLUMNS.indexOf("households_catholic")] = catholic;
        return v;
    }

    /** The commune the unit stood in (itself for a commune), or none above communes. */
    private static Long commune(UnitView unit, Map<Long, UnitKind> kinds) {
        for (long id : unit.unitPath().ids()) {
            if (kinds.get(id) == UnitKind.COMMUNE) {
                return id;
            }
        }
        return null;
    }
}
