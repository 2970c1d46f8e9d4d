package vn.tuquan.audit;

import java.time.Instant;

/**
 * One stored entry of the audit log, as it is in the table.
 *
 * @param actorUserId   {@code null} for the system (a command, the start-up)
 * @param before        JSON as PostgreSQL prints it, or {@code null}
 */
public record AuditRecord(
        long id,
        Instant occurredAt,
        Long actorUserId,
        String actorUsername,
        String action,
        String module,
        String entityType,
        String entityId,
        Long unitId,
        String before,
        String after,
        String prevHash,
        String hash) {}
