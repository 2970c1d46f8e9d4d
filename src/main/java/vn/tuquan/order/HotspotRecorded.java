package vn.tuquan.order;

/**
 * A hotspot was designated, corrected, changed status (or had its last change withdrawn) or was removed from the list; published inside the
 * writing transaction so the audit log records it with the write.
 *
 * @param what   {@code designated}, {@code status}, {@code corrected}, {@code statusWithdrawn} or {@code removed}
 * @param unitId the unit the caller acted from
 * @param before the hotspot before the change, {@code null} for a designation
 * @param after  the hotspot (with its status) after the change
 */
public record HotspotRecorded(String what, long hotspotId, long unitId, Object before, Object after) {}
