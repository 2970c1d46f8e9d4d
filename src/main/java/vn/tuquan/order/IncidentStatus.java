package vn.tuquan.order;

import java.util.Optional;

/** The life of an incident: reported, verified, under investigation, closed — one step forward at a time. */
public enum IncidentStatus {
    REPORTED,
    VERIFIED,
    UNDER_INVESTIGATION,
    CLOSED;

    /** The status that may follow this one. */
    public Optional<IncidentStatus> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
