package vn.tuquan.order;

import java.time.OffsetDateTime;

/** One step of an incident's life: who, when, from what (null when it was recorded) to what. */
public record IncidentStatusChange(
        OffsetDateTime changedAt, String changedBy, IncidentStatus from, IncidentStatus to, String note) {}
