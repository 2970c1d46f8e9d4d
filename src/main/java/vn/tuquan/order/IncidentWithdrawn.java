package vn.tuquan.order;

/** An incident recorded in error was withdrawn: it counts nowhere any more (for the audit log). */
public record IncidentWithdrawn(Incident incident, String reason) {}
