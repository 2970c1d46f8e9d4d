package vn.tuquan.evaluation.rules;

import java.util.ArrayList;
import java.util.List;
import vn.tuquan.evaluation.rules.Comparison.Operator;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm): crimes and social evils held down — the incidents of
 * the kinds {@code kinds} (default {@code CRIME,SOCIAL_EVIL}) this period at most as many as in the
 * period before ({@link Fact#previous(String)}). No record means none, in either period: an area
 * with none in both is met, and so is one with as many as before.
 */
public final class CrimeHeldDown implements Criterion {

    public static final String CODE = "CRIME_HELD_DOWN";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Outcome evaluate(Facts facts, Params params) {
        List<String> keys = params.list("kinds", "CRIME,SOCIAL_EVIL").stream()
                .map(Fact::incidentsOfKind)
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("parameter kinds names no kind of incident");
        }
        long now = keys.stream().mapToLong(facts::events).sum();
        long before = keys.stream().map(Fact::previous).mapToLong(facts::events).sum();
        List<Comparison> compared = new ArrayList<>();
        compared.add(Comparison.computed(String.join("+", keys), now, Operator.AT_MOST, before));
        for (String key : keys) {
            compared.add(
                    Comparison.computed(key, facts.events(key), Operator.AT_MOST, facts.events(Fact.previous(key))));
        }
        return new Outcome(CODE, now <= before ? Result.MET : Result.NOT_MET, compared);
    }
}
