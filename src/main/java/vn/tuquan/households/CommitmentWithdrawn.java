package vn.tuquan.households;

/** A household's commitment for a period was removed (for the audit log: what was removed). */
public record CommitmentWithdrawn(long householdId, long areaId, int periodYear, Commitment removed) {}
