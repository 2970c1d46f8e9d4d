package vn.tuquan.evaluation.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A criterion the registers cannot give: a person enters yes or no with evidence (a resolution's
 * number and date, a plan, the police's discipline record …). Met when entered yes, not met when
 * entered no, needs input while nothing is entered. The comparison carries {@link Source#ENTERED},
 * the evidence and who entered it. Entries are keyed by the criterion's code.
 */
public abstract class EnteredCriterion implements Criterion {

    private final String code;

    protected EnteredCriterion(String code) {
        this.code = code;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Outcome evaluate(Facts facts, Params params) {
        Entry entry = facts.entered(code);
        Result result = entry == null ? Result.NEEDS_INPUT : entry.value() ? Result.MET : Result.NOT_MET;
        List<Comparison> compared = new ArrayList<>();
        compared.add(Comparison.entered(code, entry, true));
        compared.addAll(context(facts));
        return new Outcome(code, result, compared);
    }

    /** Computed values shown beside the entry to help the person deciding (none by default); they do not decide. */
    protected List<Comparison> context(Facts facts) {
        return List.of();
    }
}
