package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 4.1, 5.1, 6, 7: in the first quarter the Party cell or committee (where there is one) adopted a resolution and the unit registered to strive for the standard (for a commune: with the People's Committee's plan).
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class PartyResolutionQ1 extends EnteredCriterion {

    public static final String CODE = "PARTY_RESOLUTION_Q1";

    public PartyResolutionQ1() {
        super(CODE);
    }
}
