package vn.tuquan.evaluation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.tuquan.evaluation.EvaluatedUnits;
import vn.tuquan.evaluation.EvaluationPeriods;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.rules.Entry;
import vn.tuquan.evaluation.rules.Fact;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.households.OrganisationCommitments.OrganisationCommitment;
import vn.tuquan.households.OrganisationCommitments.OrganisationRow;
import vn.tuquan.households.RegistrationRate;
import vn.tuquan.movement.Models;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.OrderFacts;
import vn.tuquan.order.UnitFacts;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;

/**
 * The computed facts ({@link Fact}) of every unit of a subtree for one year, from the registers'
 * set-based reads — one query (or a few) per register for the whole subtree, grouped in the
 * database: the order facts ({@link OrderFacts#forSubtree}, which also gives the tree), the
 * households' registration rates ({@link Commitments#rates}), the organisations' staff records
 * ({@link OrganisationCommitments#under}) and the effective movement models
 * ({@link Models#effectiveByUnit}). A commune's counts are over its subtree: households and models
 * are summed up the tree here, as the order facts are. The children's facts ({@code children.*}) are
 * not here: they come from the children's verdicts of the same run ({@link EvaluationRuns}).
 */
@Service
public class FactsGatherer {

    private static final Logger log = LoggerFactory.getLogger(FactsGatherer.class);

    private final OrderFacts orderFacts;
    private final Incidents incidents;
    private final Commitments commitments;
    private final OrganisationCommitments organisations;
    private final Models models;

    FactsGatherer(
            OrderFacts orderFacts,
            Incidents incidents,
            Commitments commitments,
            OrganisationCommitments organisations,
            Models models) {
        this.orderFacts = orderFacts;
        this.incidents = incidents;
        this.commitments = commitments;
        this.organisations = organisations;
        this.models = models;
    }

    /**
     * The registration rate of every residential area of the country (one pass over the households'
     * register, one small entry per area), for a run of the whole country: each province's facts then
     * take their areas' rates from it instead of reading the year's commitments once per province.
     */
    public Map<Long, RegistrationRate> everyAreaRate(int year) {
        Map<Long, RegistrationRate> rates = new HashMap<>();
        commitments.everyAreaRate(Scope.WHOLE_COUNTRY, year, r -> rates.put(r.areaId(), r));
        return rates;
    }

    /**
     * The units of the subtree in tree order (a unit before those under it), each evaluated one with
     * its facts; {@code entered} gives the values people entered, by unit and criterion;
     * {@code countryRates} the rates of {@link #everyAreaRate}, or {@code null} to read the subtree's.
     */
    public List<GatheredUnit> gather(
            Scope scope,
            long rootId,
            int year,
            Map<Long, Map<String, Entry>> entered,
            Map<Long, RegistrationRate> countryRates) {
        long t0 = System.nanoTime();
        List<UnitFacts> order = orderFacts.forSubtree(scope, rootId, year);
        long t1 = System.nanoTime();
        Map<Long, RegistrationRate> rates = countryRates;
        if (rates == null) {
            rates = new HashMap<>();
            for (RegistrationRate r : commitments.rates(scope, rootId, year)) {
                rates.put(r.areaId(), r);
            }
        }
        long t2 = System.nanoTime();
        Map<Long, OrganisationRow> staff = new HashMap<>();
        for (OrganisationRow row : organisations.under(scope, rootId, year)) {
            staff.put(row.unit().id(), row);
        }
        long t3 = System.nanoTime();
        Map<Long, Long> ownModels = models.effectiveByUnit(scope, rootId, year);
        long t4 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug(
                    "facts of {} units under {}: order {} ms, households {} ms, organisations {} ms, models {} ms",
                    order.size(),
                    rootId,
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000);
        }
        Map<String, String> parents = new HashMap<>();
        for (IncidentCategory c : incidents.categories()) {
            if (c.parentCode() != null) {
                parents.put(c.code(), c.parentCode());
            }
        }

        // households and models summed up the tree: children after their parent in tree order
        Map<Long, long[]> sums = new HashMap<>();
        for (UnitFacts u : order) {
            RegistrationRate rate = rates.get(u.unitId());
            long[] s = {ownModels.getOrDefault(u.unitId(), 0L), 0, 0, 0};
            if (u.kind() == UnitKind.RESIDENTIAL_AREA) {
                // an area with no household on the register counts 0 of 0 (the same in both reads)
                s[1] = rate == null ? 0 : rate.residents();
                s[2] = rate == null ? 0 : rate.registered();
                s[3] = 1;
            }
            sums.put(u.unitId(), s);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            UnitFacts u = order.get(i);
            long[] parent = u.parentId() == null ? null : sums.get(u.parentId());
            if (parent != null) {
                long[] s = sums.get(u.unitId());
                for (int k = 0; k < s.length; k++) {
                    parent[k] += s[k];
                }
            }
        }

        List<GatheredUnit> gathered = new ArrayList<>(order.size());
        for (UnitFacts u : order) {
            OrganisationRow org = staff.get(u.unitId());
            OrganisationDetails.Exclusion exclusion = org == null || org.unit().organisation() == null
                    ? null
                    : org.unit().organisation().exclusion();
            String criteriaKind = EvaluatedUnits.criteriaKind(u.kind(), exclusion);
            Facts facts = null;
            if (criteriaKind != null) {
                Map<String, Long> counts = new TreeMap<>();
                long[] s = sums.get(u.unitId());
                counts.put(Fact.MODELS_EFFECTIVE, s[0]);
                if (s[3] > 0) {
                    counts.put(Fact.HOUSEHOLDS_TOTAL, s[1]);
                    counts.put(Fact.HOUSEHOLDS_REGISTERED, s[2]);
                }
                OrganisationCommitment c = org == null ? null : org.commitment();
                if (c != null) {
                    counts.put(Fact.STAFF_TOTAL, (long) c.staffTotal());
                    counts.put(Fact.STAFF_BRIEFED, (long) c.staffBriefed());
                    counts.put(Fact.STAFF_SIGNED, (long) c.staffSigned());
                }
                order(counts, "", u.current(), parents);
                order(counts, Fact.previous(""), u.previous(), parents);
                Period period = EvaluationPeriods.of(criteriaKind, year);
                facts = new Facts(
                        criteriaKind,
                        year,
                        period.from(),
                        period.to(),
                        counts,
                        entered.getOrDefault(u.unitId(), Map.of()));
            }
            gathered.add(new GatheredUnit(u.unitId(), u.code(), u.name(), u.kind(), u.parentId(), criteriaKind, facts));
        }
        return gathered;
    }

    /** The order counts under their fact keys (with a prefix for the previous period); a category adds to its group. */
    private static void order(
            Map<String, Long> counts, String prefix, UnitFacts.Counts c, Map<String, String> parents) {
        c.byKind().forEach((kind, n) -> counts.merge(prefix + Fact.incidentsOfKind(kind), n, Long::sum));
        c.byCategory().forEach((code, n) -> {
            counts.merge(prefix + Fact.incidentsOfCategory(code), n, Long::sum);
            String parent = parents.get(code);
            if (parent != null) {
                counts.merge(prefix + Fact.incidentsOfCategory(parent), n, Long::sum);
            }
        });
        c.crimesBySeverity().forEach((s, n) -> counts.merge(prefix + Fact.crimesOfClass(s), n, Long::sum));
        counts.put(prefix + Fact.SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS, c.seriousSubjective());
        counts.put(prefix + Fact.DRUG_USERS_NEW, c.newDrugUsers());
        counts.put(prefix + Fact.DRUG_USERS_PRESENT, c.drugUsers());
        counts.put(prefix + Fact.DRUG_SPOTS, c.drugSpots());
        counts.put(prefix + Fact.MEDIATIONS, c.mediations());
        counts.put(prefix + Fact.MEDIATIONS_RECONCILED, c.reconciled());
        counts.put(prefix + Fact.RE_EDUCATIONS, c.reEducations());
    }
}
