package vn.tuquan.audit;

import java.util.Objects;

/**
 * One thing that happened, as a module reports it to {@link AuditLog#record}. Who did it and when
 * is added by the log (the signed-in person, or the system for commands).
 *
 * @param module     the module that owns the data, e.g. {@code units}
 * @param entityType what kind of thing, e.g. {@code local-unit}
 * @param entityId   which one, or {@code null} (an import)
 * @param unitId     the unit the entry concerns, for searching by unit (and, later, by scope), or {@code null}
 * @param before     the state before (any value Jackson writes as JSON: a record, a map), or {@code null}
 * @param after      the state after, or {@code null}. Never put a sensitive value in clear here: the
 *                   log is readable by auditors; give the field's name, or the encrypted value.
 */
public record AuditEntry(
        AuditAction action,
        String module,
        String entityType,
        String entityId,
        Long unitId,
        Object before,
        Object after) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(entityType, "entityType");
    }
}
