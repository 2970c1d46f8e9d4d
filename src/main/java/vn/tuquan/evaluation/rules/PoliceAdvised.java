package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 5.3, first part: the commune police proactively advised the Party committee and the
 * authorities on the movement during the period. Entered with evidence (see {@link EnteredCriterion});
 * its second part, no one disciplined, is {@link PoliceNotDisciplined}: both must be met.
 */
public final class PoliceAdvised extends EnteredCriterion {

    public static final String CODE = "POLICE_ADVISED";

    public PoliceAdvised() {
        super(CODE);
    }
}
