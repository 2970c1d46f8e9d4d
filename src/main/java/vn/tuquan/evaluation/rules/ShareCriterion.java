package vn.tuquan.evaluation.rules;

import java.math.BigDecimal;
import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * A share of a whole at least {@code minPercent} (100 by default), compared exactly (see
 * {@link Share}): households registered, staff briefed, staff signed. Needs input when the whole is
 * absent or zero, or the part absent (nothing to count).
 */
public abstract class ShareCriterion implements Criterion {

    private final String code;
    private final String partKey;
    private final String totalKey;
    private final String percentItem;

    protected ShareCriterion(String code, String partKey, String totalKey, String percentItem) {
        this.code = code;
        this.partKey = partKey;
        this.totalKey = totalKey;
        this.percentItem = percentItem;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Outcome evaluate(Facts facts, Params params) {
        BigDecimal min = params.decimal("minPercent", "100");
        Share share = Share.of(facts, partKey, totalKey, min);
        if (share == null) {
            return Outcome.of(
                    code,
                    Result.NEEDS_INPUT,
                    Comparison.computed(totalKey, facts.count(totalKey), Operator.AT_LEAST, 1));
        }
        return Outcome.of(
                code,
                share.met() ? Result.MET : Result.NOT_MET,
                share.compared(percentItem),
                Comparison.computed(partKey, share.part(), Operator.AT_LEAST, null),
                Comparison.computed(totalKey, share.total(), Operator.EQUALS, null));
    }
}
