package vn.tuquan.evaluation;

/**
 * A unit's movement classification was computed and stored, or a person entered the points of one
 * of its items; published inside the writing transaction so the audit log records it with the write.
 *
 * @param what   {@code computed} or {@code entered}
 * @param before the classification (or the entry) before, {@code null} when there was none
 * @param after  the classification (or the entry) after
 */
public record ClassificationRecorded(String what, long unitId, int year, Object before, Object after) {}
