package vn.tuquan.order;

import java.util.List;

/** Incidents one person sent through the ingest API were recorded together (for the audit log: one entry). */
public record IncidentsRecorded(List<Incident> incidents) {}
