package vn.tuquan.evaluation.rules;

/** Where a compared value came from. */
public enum Source {
    /** Counted from the registers (households, movement, order). */
    COMPUTED,
    /** Entered by a person, with evidence (see {@link Entry}). */
    ENTERED,
    /** From the verdicts of the unit's children for the same period. */
    CHILDREN
}
