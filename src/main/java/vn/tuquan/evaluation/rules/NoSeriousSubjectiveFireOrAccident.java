package vn.tuquan.evaluation.rules;

import java.util.List;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm) and TT 23 Điều 7: no serious fire, explosion, traffic or labour accident of subjective cause.
 * At most {@code max} (0) counted under {@link Fact#SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS}; no record means none.
 */
public final class NoSeriousSubjectiveFireOrAccident extends NoEvents {

    public static final String CODE = "NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT";

    public NoSeriousSubjectiveFireOrAccident() {
        super(CODE);
    }

    @Override
    protected List<String> keys(Params params) {
        return List.of(Fact.SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS);
    }
}
