package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 5.3, second part: no individual of the commune police was disciplined during the
 * period. Entered with evidence (see {@link EnteredCriterion}); the first part, the police's advice
 * to the Party committee and the authorities, is {@link PoliceAdvised}.
 */
public final class PoliceNotDisciplined extends EnteredCriterion {

    public static final String CODE = "POLICE_NOT_DISCIPLINED";

    public PoliceNotDisciplined() {
        super(CODE);
    }
}
