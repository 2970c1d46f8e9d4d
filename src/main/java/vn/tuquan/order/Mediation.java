package vn.tuquan.order;

import java.time.LocalDate;
import java.util.Map;

/**
 * A mediation case held at a unit (usually by a residential area's mediation team): the date, the
 * subject (a short description of the dispute, never names), the outcome and who mediated. The
 * parties' names are personal: stored encrypted, shown only with SENSITIVE_READ.
 *
 * @param parties {@code null} when not read
 */
public record Mediation(
        long id,
        long unitId,
        LocalDate heldOn,
        String parties,
        String subject,
        Outcome outcome,
        String mediator,
        String recordedBy) {

    public enum Outcome {
        RECONCILED,
        NOT_RECONCILED
    }

    public record Form(LocalDate heldOn, String parties, String subject, Outcome outcome, String mediator) {}

    Map<String, Object> facts() {
        return Map.of(
                "id",
                id,
                "unitId",
                unitId,
                "heldOn",
                heldOn,
                "subject",
                subject,
                "outcome",
                outcome,
                "mediator",
                mediator);
    }
}
