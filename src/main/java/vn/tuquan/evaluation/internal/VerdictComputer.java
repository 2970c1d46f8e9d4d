package vn.tuquan.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.tuquan.evaluation.ChangedParams;
import vn.tuquan.evaluation.EvaluatedUnits;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.RulebookInForce;
import vn.tuquan.evaluation.rules.CriteriaSet;
import vn.tuquan.evaluation.rules.Entry;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.evaluation.rules.Params;
import vn.tuquan.evaluation.rules.Result;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.units.UnitKind;

/**
 * The proposed verdicts of a subtree, from its gathered facts, the values entered and the rulebooks
 * in force: residential areas and organisations first, then each commune with its children's counts
 * ({@code children.*}: its units counted, registered and recognised — a decided child by its
 * decision, an undecided one by its proposed verdict of the same run). Pure: no Spring, no database;
 * the run reads and stores around it ({@link EvaluationRuns}).
 */
public final class VerdictComputer {

    private VerdictComputer() {}

    /**
     * Computes the verdicts of the tree's evaluated units.
     *
     * @param tree the units with their gathered facts (the root's subtree)
     * @param status the stored status of a unit's evaluation, {@code null} when it has none
     * @param entered the values entered per unit, by criterion
     * @param inForce the rulebook in force for a criteria kind on a period's last day
     * @param change a criterion's parameters changed for "what if", or {@code null}
     */
    public static ComputedVerdicts compute(
            List<GatheredUnit> tree,
            Function<Long, String> status,
            Map<Long, Map<String, Entry>> entered,
            BiFunction<String, LocalDate, Optional<RulebookInForce>> inForce,
            ChangedParams change) {
        int evaluated = (int) tree.stream().filter(GatheredUnit::evaluated).count();
        Map<String, Optional<RulebookInForce>> books = new HashMap<>();
        Map<Long, GatheredUnit> byId = new HashMap<>();
        tree.forEach(g -> byId.put(g.unitId(), g));

        List<ComputedVerdict> verdicts = new ArrayList<>(evaluated);
        Map<Long, ChildrenCounts> children = new HashMap<>();
        int withoutRulebook = 0;
        // residential areas and organisations first, then the communes with their children's verdicts
        for (int pass = 0; pass < 2; pass++) {
            for (GatheredUnit g : tree) {
                if (!g.evaluated() || EvaluatedUnits.child(g.criteriaKind()) != (pass == 0)) {
                    continue;
                }
                Facts own = withEntries(g.facts(), entered.get(g.unitId()));
                Facts facts = pass == 1
                        ? own.withCounts(children.getOrDefault(g.unitId(), ChildrenCounts.NONE)
                                .facts())
                        : own;
                Optional<RulebookInForce> book = books.computeIfAbsent(
                        g.criteriaKind() + "|" + facts.periodTo(),
                        k -> inForce.apply(g.criteriaKind(), facts.periodTo()));
                if (book.isEmpty() || book.get().criteria().rules().isEmpty()) {
                    withoutRulebook++;
                    continue;
                }
                CriteriaSet criteria = change == null
                        ? book.get().criteria()
                        : changed(book.get().criteria(), change);
                CriteriaSet.Evaluation evaluation = criteria.evaluate(facts);
                verdicts.add(new ComputedVerdict(g, book.get(), facts, evaluation));
                if (pass == 0) {
                    Long commune = communeOf(g, byId);
                    if (commune != null) {
                        String s = status.apply(g.unitId());
                        boolean registered = s != null
                                && !Evaluation.Status.NOT_REGISTERED.name().equals(s);
                        boolean recognised =
                                s != null && Evaluation.Status.valueOf(s).decided()
                                        ? Evaluation.Status.RECOGNISED.name().equals(s)
                                        : evaluation.result() == Result.MET;
                        boolean area = UnitKind.RESIDENTIAL_AREA.name().equals(g.criteriaKind());
                        children.merge(
                                commune,
                                ChildrenCounts.NONE.plus(registered, recognised, area),
                                (a, b) -> a.plus(registered, recognised, area));
                    }
                }
            }
        }
        return new ComputedVerdicts(verdicts, withoutRulebook);
    }

    private static Facts withEntries(Facts facts, Map<String, Entry> entries) {
        return entries == null
                ? facts
                : new Facts(
                        facts.unitKind(), facts.year(), facts.periodFrom(), facts.periodTo(), facts.counts(), entries);
    }

    /** The nearest commune above the unit within the tree, or {@code null} (an organisation under a province or district). */
    private static Long communeOf(GatheredUnit g, Map<Long, GatheredUnit> byId) {
        Long parent = g.parentId();
        while (parent != null) {
            GatheredUnit p = byId.get(parent);
            if (p == null) {
                return null;
            }
            if (p.kind() == UnitKind.COMMUNE) {
                return p.unitId();
            }
            parent = p.parentId();
        }
        return null;
    }

    /** The criteria set with a criterion's parameters changed (every criteria set that has the criterion). */
    public static CriteriaSet changed(CriteriaSet set, ChangedParams change) {
        List<Rule> rules = new ArrayList<>(set.rules().size());
        for (Rule r : set.rules()) {
            if (r.criterion().equals(change.criterion())) {
                Map<String, String> params = new HashMap<>(r.params().values());
                params.putAll(change.params());
                rules.add(new Rule(r.criterion(), new Params(params), r.article(), r.nameVi(), r.nameEn()));
            } else {
                rules.add(r);
            }
        }
        return new CriteriaSet(set.rulebook(), set.unitKind(), rules);
    }
}
