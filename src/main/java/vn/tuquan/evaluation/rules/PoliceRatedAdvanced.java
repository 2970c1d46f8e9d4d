package vn.tuquan.evaluation.rules;

/**
 * TT 23/2012 (commune): the commune police and the civil defence were rated "advanced unit" or better and no one was disciplined at warning or above.
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class PoliceRatedAdvanced extends EnteredCriterion {

    public static final String CODE = "POLICE_RATED_ADVANCED";

    public PoliceRatedAdvanced() {
        super(CODE);
    }
}
