package vn.tuquan.households;

/** A household's commitment for a period was corrected (for the audit log: before and after). */
public record CommitmentChanged(long householdId, long areaId, int periodYear, Commitment before, Commitment after) {}
