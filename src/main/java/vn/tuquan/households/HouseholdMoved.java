package vn.tuquan.households;

import java.time.LocalDate;

/** A household moved to another residential area on a date (for the audit log). */
public record HouseholdMoved(long householdId, long fromAreaId, long toAreaId, LocalDate on) {}
