package vn.tuquan.order;

import java.util.List;

/**
 * A record of the persons' registers (a drug user, a status change, a mediation, a re-education
 * case, a link from an incident) was added, changed or removed. Published inside the writing
 * transaction so the audit log records it with the write. {@code before} and {@code after} hold
 * ids and non-personal fields only, never a person's details (encrypted or not).
 *
 * @param entityType {@code drug-user}, {@code drug-user-status}, {@code mediation}, {@code re-education},
 *                   {@code incident-person}
 * @param fields     the names of the personal fields written (never their values)
 */
public record PersonRecorded(
        String entityType,
        String entityId,
        long unitId,
        Change change,
        Object before,
        Object after,
        List<String> fields) {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }
}
