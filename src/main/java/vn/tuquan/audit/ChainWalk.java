package vn.tuquan.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The check of {@link AuditLog#verify()} without the database: entries are given in id order, then
 * the chain head ({@code audit_chain_head}: the last id and hash the log appended) ends the walk.
 */
final class ChainWalk {

    private final long headId;
    private final String headHash;
    private final List<ChainReport.Problem> problems = new ArrayList<>();
    private long count;
    private long expectedId = 1;
    private long lastId;
    private String previousHash = AuditHashes.GENESIS;

    ChainWalk(long headId, String headHash) {
        this.headId = headId;
        this.headHash = headHash;
    }

    /** The id the next entry should have. */
    long expectedId() {
        return expectedId;
    }

    void accept(AuditRecord r) {
        count++;
        for (long missing = expectedId; missing < r.id(); missing++) {
            problems.add(new ChainReport.Problem(missing, ChainReport.Kind.MISSING));
        }
        if (r.id() > headId) {
            problems.add(new ChainReport.Problem(r.id(), ChainReport.Kind.NOT_APPENDED_BY_THE_LOG));
        }
        if (!AuditHashes.hash(r).equals(r.hash())) {
            problems.add(new ChainReport.Problem(r.id(), ChainReport.Kind.CONTENT_CHANGED));
        }
        if (!previousHash.equals(r.prevHash())) {
            problems.add(new ChainReport.Problem(r.id(), ChainReport.Kind.LINK_BROKEN));
        }
        previousHash = r.hash();
        lastId = r.id();
        expectedId = r.id() + 1;
    }

    ChainReport end() {
        for (long missing = lastId + 1; missing <= headId; missing++) {
            problems.add(new ChainReport.Problem(missing, ChainReport.Kind.MISSING_AT_END));
        }
        // the last entry re-hashed after an edit: its hash is no longer the one the log appended
        if (headId == lastId && lastId > 0 && !headHash.equals(previousHash)) {
            problems.add(new ChainReport.Problem(lastId, ChainReport.Kind.LINK_BROKEN));
        }
        return new ChainReport(count, lastId, previousHash, List.copyOf(problems));
    }
}
