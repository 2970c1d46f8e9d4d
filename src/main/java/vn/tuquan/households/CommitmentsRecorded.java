package vn.tuquan.households;

/** Commitments were recorded for households of an area and a period (for the audit log). */
public record CommitmentsRecorded(long areaId, int periodYear, int count) {}
