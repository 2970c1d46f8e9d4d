package vn.tuquan.households;

import java.time.LocalDate;

/** A household was added to a residential area (for the audit log). */
public record HouseholdAdded(long householdId, long areaId, String code, LocalDate from) {}
