package vn.tuquan.households;

import java.util.List;

/**
 * Commitments were recorded for households of an area and a period (for the audit log): the area they
 * lived in when registered, and the households.
 */
public record CommitmentsRecorded(long areaId, int periodYear, int count, List<Long> householdIds) {

    public CommitmentsRecorded {
        householdIds = List.copyOf(householdIds);
    }
}
