package vn.tuquan.movement;

/**
 * Something was written to one of the movement's registers (a model type, a model, an assessment,
 * a camera, a conference, an attachment, an award, an emulation agreement): added, changed or
 * removed. Published inside the writing transaction so the audit log records it with the write.
 *
 * @param entityType as {@code model}, {@code camera}, {@code conference} …
 * @param change     added, changed or removed
 * @param before     the record before a change or a removal, {@code null} for an addition
 * @param after      the record as written, {@code null} for a removal (never a file's content)
 */
public record MovementRecorded(
        String entityType, String entityId, Long unitId, Change change, Object before, Object after) {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }

    /** An addition ({@code created}) or a change whose earlier state is not kept. */
    public MovementRecorded(String entityType, String entityId, Long unitId, boolean created, Object after) {
        this(entityType, entityId, unitId, created ? Change.CREATED : Change.UPDATED, null, after);
    }

    static MovementRecorded changed(String entityType, String entityId, Long unitId, Object before, Object after) {
        return new MovementRecorded(entityType, entityId, unitId, Change.UPDATED, before, after);
    }

    static MovementRecorded removed(String entityType, String entityId, Long unitId, Object before) {
        return new MovementRecorded(entityType, entityId, unitId, Change.DELETED, before, null);
    }

    public boolean created() {
        return change == Change.CREATED;
    }
}
