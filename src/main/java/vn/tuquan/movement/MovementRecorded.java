package vn.tuquan.movement;

/**
 * Something was written to one of the movement's registers (a model type, a model, an assessment,
 * a camera, a conference, an attachment, an award, an emulation agreement). Published inside the
 * writing transaction so the audit log records it with the write.
 *
 * @param entityType as {@code model}, {@code camera}, {@code conference} …
 * @param created    a new record rather than a change of one
 * @param after      the record as written (never a file's content)
 */
public record MovementRecorded(String entityType, String entityId, Long unitId, boolean created, Object after) {
}
