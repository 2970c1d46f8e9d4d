package vn.tuquan.evaluation.rules;

import java.util.ArrayList;
import java.util.List;
import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * "None of these happened": the events counted under some fact keys, added up, at most {@code max}
 * (0 by default: a count of 1 fails). No record means none happened (an absent count is zero), so
 * such a criterion never needs input. One comparison for the total against {@code max} (named after
 * the key when there is one key, else the keys joined with {@code +}), then each key's count.
 */
public abstract class NoEvents implements Criterion {

    private final String code;

    protected NoEvents(String code) {
        this.code = code;
    }

    @Override
    public final String code() {
        return code;
    }

    /** The fact keys whose counts are added up, from the params (with the criterion's defaults). */
    protected abstract List<String> keys(Params params);

    @Override
    public final Outcome evaluate(Facts facts, Params params) {
        long max = params.whole("max", 0);
        List<String> keys = keys(params);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("criterion " + code + " counts nothing: its parameters name no fact");
        }
        long found = keys.stream().mapToLong(facts::events).sum();
        List<Comparison> compared = new ArrayList<>();
        compared.add(Comparison.computed(String.join("+", keys), found, Operator.AT_MOST, max));
        if (keys.size() > 1) {
            keys.forEach(k -> compared.add(Comparison.computed(k, facts.events(k), Operator.AT_MOST, null)));
        }
        return new Outcome(code, found <= max ? Result.MET : Result.NOT_MET, compared);
    }

    /**
     * No incident of the kinds named by the param {@code kinds} (defaults per criterion), counted with
     * {@link Fact#incidentsOfKind(String)}: the kinds of the incident catalogue (migration V17).
     */
    public abstract static class OfKinds extends NoEvents {

        private final String defaultKinds;

        protected OfKinds(String code, String defaultKinds) {
            super(code);
            this.defaultKinds = defaultKinds;
        }

        @Override
        protected final List<String> keys(Params params) {
            return params.list("kinds", defaultKinds).stream()
                    .map(Fact::incidentsOfKind)
                    .toList();
        }
    }
}
