package vn.tuquan.households;

/** A household's head, address, members or attributes changed (for the audit log). */
public record HouseholdEdited(long householdId, long areaId) {
}
