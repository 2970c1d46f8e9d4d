package vn.tuquan.order;

import java.time.OffsetDateTime;

/** A recorded incident. Instants are shown in Vietnam's time. */
public record Incident(
        long id,
        long unitId,
        String categoryCode,
        IncidentKind kind,
        String severity,
        Boolean subjectiveCause,
        OffsetDateTime occurredAt,
        OffsetDateTime reportedAt,
        IncidentStatus status,
        IncidentSource source,
        Double latitude,
        Double longitude,
        String summary,
        OffsetDateTime createdAt,
        String createdBy,
        boolean withdrawn) {}
