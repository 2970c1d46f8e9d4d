package vn.tuquan.order;

/** An incident was recorded (for the audit log). */
public record IncidentRecorded(Incident incident) {}
