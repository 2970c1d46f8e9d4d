package vn.tuquan.order;

import java.time.OffsetDateTime;

/** An incident as a page, a client or a file gives it; checked by {@link Incidents#record}. */
public record IncidentForm(
        Long unitId,
        String categoryCode,
        String severity,
        Boolean subjectiveCause,
        OffsetDateTime occurredAt,
        OffsetDateTime reportedAt,
        String source,
        Double latitude,
        Double longitude,
        String summary) {}
