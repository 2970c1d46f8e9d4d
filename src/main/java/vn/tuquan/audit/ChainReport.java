package vn.tuquan.audit;

import java.util.List;

/**
 * What {@link AuditLog#verify()} found.
 *
 * @param entries  how many entries the table holds
 * @param lastHash the hash of the last entry: note it down elsewhere, and a later verify that ends
 *                 on another hash for that entry shows the whole chain was rewritten
 */
public record ChainReport(long entries, long lastId, String lastHash, List<Problem> problems) {

    public boolean intact() {
        return problems.isEmpty();
    }

    /** One entry that does not match, by id. */
    public record Problem(long id, Kind kind) {}

    public enum Kind {
        /** The entry's content does not give its hash: edited. */
        CONTENT_CHANGED,
        /** The entry does not point to the hash of the entry before it: one before it was edited, removed or inserted. */
        LINK_BROKEN,
        /** There is no entry with this id: deleted. */
        MISSING,
        /** The chain head names an entry after the last one in the table: the last entries were deleted. */
        MISSING_AT_END,
        /** The entry lies after the chain head: written into the table directly, not appended through the log. */
        NOT_APPENDED_BY_THE_LOG
    }
}
