package vn.tuquan.order;

import java.time.LocalDate;

import vn.tuquan.shared.Period;

/**
 * What a list of incidents shows: those of a unit's subtree as it was on a date (the caller's whole
 * view scope when {@code unitId} is null), in a period (Vietnam-time bounds), of a category or a
 * kind, a severity, a status. Null means any. Withdrawn records are left out.
 */
public record IncidentFilter(Long unitId, LocalDate asOf, Period period, String categoryCode, IncidentKind kind,
        String severity, IncidentStatus status) {

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, null, null);
    }

    public IncidentFilter withUnit(Long unit) {
        return new IncidentFilter(unit, asOf, period, categoryCode, kind, severity, status);
    }
}
