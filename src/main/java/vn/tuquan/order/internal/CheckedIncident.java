package vn.tuquan.order.internal;

import java.time.OffsetDateTime;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.IncidentSource;

/**
 * An incident form checked against the catalogue and the caller's capture scope
 * ({@link IncidentChecks}), ready to store ({@link IncidentStore}).
 */
public record CheckedIncident(
        long unitId,
        IncidentCategory category,
        String severity,
        Boolean subjectiveCause,
        OffsetDateTime occurredAt,
        OffsetDateTime reportedAt,
        IncidentSource source,
        Double latitude,
        Double longitude,
        String summary) {}
