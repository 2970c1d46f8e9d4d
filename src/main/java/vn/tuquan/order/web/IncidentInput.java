package vn.tuquan.order.web;

/**
 * The form that records an incident, as typed (bound by name): the time as the browser sends it
 * (Vietnam's local time, read by {@link IncidentPages}); a box left unticked is no subjective cause.
 */
public record IncidentInput(
        Long unitId,
        String categoryCode,
        String severity,
        Boolean subjectiveCause,
        String occurredAt,
        String source,
        Double latitude,
        Double longitude,
        String summary) {

    /** Whether the subjective-cause box was ticked. */
    boolean subjective() {
        return Boolean.TRUE.equals(subjectiveCause);
    }
}
