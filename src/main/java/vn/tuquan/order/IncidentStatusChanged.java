package vn.tuquan.order;

/** An incident moved to its next status (for the audit log). */
public record IncidentStatusChanged(
        long incidentId, long unitId, IncidentStatus from, IncidentStatus to, String note) {}
