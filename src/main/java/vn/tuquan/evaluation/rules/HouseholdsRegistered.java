package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 4.1: the resident households that registered to take part, as a share of all
 * households, at least {@code minPercent} (100 by the regulation). Compared exactly: 999 of 1,000
 * (99.9%) is not 100%. An area with no household on the register needs input (nothing to count).
 */
public final class HouseholdsRegistered extends ShareCriterion {

    public static final String CODE = "HOUSEHOLDS_REGISTERED";

    public HouseholdsRegistered() {
        super(CODE, Fact.HOUSEHOLDS_REGISTERED, Fact.HOUSEHOLDS_TOTAL, "households.registeredPercent");
    }
}
