package vn.tuquan.evaluation.rules;

/** What one criterion, or a whole criteria set, found for a unit and a period. */
public enum Result {
    /** Met: the values compared satisfy the threshold. */
    MET,
    /** Not met: a value fails its threshold (the unit is not recognised safe). */
    NOT_MET,
    /** A value the registers cannot give is still to be entered by a person (with evidence). */
    NEEDS_INPUT;

    /** All criteria met → MET; any not met → NOT_MET; otherwise NEEDS_INPUT. */
    public static Result combine(Iterable<Result> results) {
        boolean pending = false;
        for (Result r : results) {
            if (r == NOT_MET) {
                return NOT_MET;
            }
            pending |= r == NEEDS_INPUT;
        }
        return pending ? NEEDS_INPUT : MET;
    }
}
