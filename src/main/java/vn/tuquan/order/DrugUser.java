package vn.tuquan.order;

import java.time.LocalDate;
import java.util.Map;

/**
 * A drug user of the register (sensitive): where they live, when they were detected, their status
 * now, and who they are (only when read with SENSITIVE_READ).
 *
 * @param person {@code null} when the details were not read
 */
public record DrugUser(
        long id,
        long residenceUnitId,
        LocalDate detectedOn,
        Status status,
        LocalDate statusSince,
        PersonDetails person,
        String recordedBy) {

    public enum Status {
        NEW,
        IN_TREATMENT,
        RELAPSED,
        RECOVERED
    }

    /** What a drug user is recorded with. */
    public record Form(PersonDetails person, LocalDate detectedOn) {}

    /** A change of status, with the day it took effect and an optional note (stored encrypted). */
    public record StatusChange(Status status, LocalDate since, String note, String recordedBy) {}

    /** The non-personal fields, for the audit log. */
    Map<String, Object> facts() {
        return Map.of(
                "id",
                id,
                "residenceUnitId",
                residenceUnitId,
                "detectedOn",
                detectedOn,
                "status",
                status,
                "statusSince",
                statusSince);
    }
}
