package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm): disputes mediated at the grassroots. The regulation asks
 * that disputes be mediated, not that every mediation reconcile the parties, and the registers hold
 * only the disputes that were mediated; so by default ({@code minPercent} 0) the criterion is met —
 * when there was no mediation, and when every dispute recorded was handled by a mediation whatever
 * its outcome. A province that wants a share of the mediations to end reconciled sets
 * {@code minPercent} (e.g. 80): the reconciled share is then compared exactly ({@link Share}), and a
 * period without any mediation is still met (nothing to reconcile).
 */
public final class DisputesMediated implements Criterion {

    public static final String CODE = "DISPUTES_MEDIATED";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Outcome evaluate(Facts facts, Params params) {
        BigDecimal min = params.decimal("minPercent", "0");
        long total = facts.events(Fact.MEDIATIONS);
        long reconciled = facts.events(Fact.MEDIATIONS_RECONCILED);
        Comparison held = Comparison.computed(Fact.MEDIATIONS, total, Operator.EQUALS, null);
        if (total == 0) {
            return Outcome.of(CODE, Result.MET, held);
        }
        Share share = new Share(reconciled, total, min);
        return Outcome.of(
                CODE,
                share.met() ? Result.MET : Result.NOT_MET,
                share.compared("mediations.reconciledPercent"),
                Comparison.computed(Fact.MEDIATIONS_RECONCILED, reconciled, Operator.AT_LEAST, null),
                held);
    }
}
