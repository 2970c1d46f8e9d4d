package vn.tuquan.evaluation.rules;

import java.util.List;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm): no drug-dealing or drug-use spot (a drug hotspot covering the unit, not stable at the period's end).
 * At most {@code max} (0) counted under {@link Fact#DRUG_SPOTS}; no record means none.
 */
public final class NoDrugSpot extends NoEvents {

    public static final String CODE = "NO_DRUG_SPOT";

    public NoDrugSpot() {
        super(CODE);
    }

    @Override
    protected List<String> keys(Params params) {
        return List.of(Fact.DRUG_SPOTS);
    }
}
