package vn.tuquan.evaluation.rules;

/**
 * TT 124 Điều 7 (to confirm): the school and the pupils' parents coordinate in managing and educating pupils.
 * Entered with evidence (see {@link EnteredCriterion}).
 */
public final class SchoolParentsCoordination extends EnteredCriterion {

    public static final String CODE = "SCHOOL_PARENTS_COORDINATION";

    public SchoolParentsCoordination() {
        super(CODE);
    }
}
