package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit chain's format, fixed: a known chain of three entries, written down once with its hashes,
 * verifies. A change of the canonical form or of the hash would make every existing log fail to
 * verify after an upgrade; this test fails first.
 */
class ChainWalkTests {

    static final String H1 = "4058fa8e0f9a6a147194c99ddb5a9931a367d731314855fa90bf5a30261191c8";
    static final String H2 = "87ac6865b4cb91fb69d1ed40a54a37c92d07ddca30e6309b7da3a196e1e1a5f9";
    static final String H3 = "26b785c11de0a6b9af5aa51e4ad4dd3b27769770160371b2975d6aeb4dd7e775";

    /** Three entries as PostgreSQL stores and prints them (jsonb text with ": " and ", "). */
    static List<AuditRecord> knownChain() {
        return List.of(
                new AuditRecord(
                        1,
                        Instant.parse("2017-10-31T16:59:59.123456Z"),
                        null,
                        null,
                        "IMPORTED",
                        "units",
                        "official-list",
                        "nam_dinh_36_2022-10.csv",
                        null,
                        null,
                        "{\"asOf\": \"2022-10-01\", \"opened\": 237}",
                        AuditHashes.GENESIS,
                        H1),
                new AuditRecord(
                        2,
                        Instant.parse("2017-11-01T01:02:03Z"),
                        7L,
                        "canbo.xa",
                        "UPDATED",
                        "households",
                        "household",
                        "42",
                        1234L,
                        "{\"headName\": \"Nguyễn Văn Một\"}",
                        "{\"headName\": \"Nguyễn Văn Mốt\"}",
                        H1,
                        H2),
                new AuditRecord(
                        3,
                        Instant.parse("2026-12-07T00:00:00Z"),
                        7L,
                        "canbo.xa",
                        "READ",
                        "order",
                        "drug-user",
                        "9",
                        1234L,
                        null,
                        "{\"fields\": [\"fullName\", \"nationalId\"]}",
                        H2,
                        H3));
    }

    static ChainReport walk(List<AuditRecord> records, long headId, String headHash) {
        ChainWalk walk = new ChainWalk(headId, headHash);
        records.forEach(walk::accept);
        return walk.end();
    }

    @Test
    void theKnownChainHashesAsWrittenDownAndVerifies() {
        List<AuditRecord> chain = knownChain();
        for (AuditRecord r : chain) {
            assertThat(AuditHashes.hash(r)).as("entry " + r.id()).isEqualTo(r.hash());
        }
        ChainReport report = walk(chain, 3, H3);
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(3);
        assertThat(report.lastHash()).isEqualTo(H3);
    }

    @Test
    void eachHashedFieldOfTheKnownChainChangedIsNamed() {
        List<AuditRecord> chain = knownChain();
        AuditRecord r = chain.get(1);
        List<AuditRecord> variants = List.of(
                new AuditRecord(
                        r.id(),
                        r.occurredAt().plusNanos(1000),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        8L,
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        "canbo.tinh",
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        "DELETED",
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        "order",
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        "commitment",
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        "43",
                        r.unitId(),
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        1235L,
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        null,
                        r.before(),
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        null,
                        r.after(),
                        r.prevHash(),
                        r.hash()),
                new AuditRecord(
                        r.id(),
                        r.occurredAt(),
                        r.actorUserId(),
                        r.actorUsername(),
                        r.action(),
                        r.module(),
                        r.entityType(),
                        r.entityId(),
                        r.unitId(),
                        r.before(),
                        "{\"headName\": \"Nguyễn Văn Một\"}",
                        r.prevHash(),
                        r.hash()));
        for (AuditRecord edited : variants) {
            List<AuditRecord> chain2 = new ArrayList<>(chain);
            chain2.set(1, edited);
            assertThat(walk(chain2, 3, H3).problems())
                    .as(edited.toString())
                    .containsExactly(new ChainReport.Problem(2, ChainReport.Kind.CONTENT_CHANGED));
        }
    }

    @Test
    void anEntryEditedAndReHashedBreaksTheLinkOfTheNextOrTheHeadWhenItIsTheLast() {
        List<AuditRecord> chain = new ArrayList<>(knownChain());
        AuditRecord middle = chain.get(1);
        AuditRecord forged = rehashed(new AuditRecord(
                2,
                middle.occurredAt(),
                middle.actorUserId(),
                middle.actorUsername(),
                middle.action(),
                middle.module(),
                middle.entityType(),
                middle.entityId(),
                middle.unitId(),
                middle.before(),
                "{\"headName\": \"Người Khác\"}",
                middle.prevHash(),
                null));
        chain.set(1, forged);
        assertThat(walk(chain, 3, H3).problems())
                .containsExactly(new ChainReport.Problem(3, ChainReport.Kind.LINK_BROKEN));

        List<AuditRecord> lastForged = new ArrayList<>(knownChain());
        AuditRecord last = lastForged.get(2);
        lastForged.set(
                2,
                rehashed(new AuditRecord(
                        3,
                        last.occurredAt(),
                        last.actorUserId(),
                        last.actorUsername(),
                        last.action(),
                        last.module(),
                        last.entityType(),
                        last.entityId(),
                        last.unitId(),
                        last.before(),
                        "{\"fields\": []}",
                        last.prevHash(),
                        null)));
        assertThat(walk(lastForged, 3, H3).problems())
                .as("the head keeps the hash the log appended")
                .containsExactly(new ChainReport.Problem(3, ChainReport.Kind.LINK_BROKEN));
    }

    @Test
    void missingAndAppendedEntriesAreNamed() {
        List<AuditRecord> chain = knownChain();
        assertThat(walk(List.of(chain.get(0), chain.get(2)), 3, H3).problems())
                .containsExactly(
                        new ChainReport.Problem(2, ChainReport.Kind.MISSING),
                        new ChainReport.Problem(3, ChainReport.Kind.LINK_BROKEN));
        assertThat(walk(chain.subList(0, 2), 3, H3).problems())
                .containsExactly(new ChainReport.Problem(3, ChainReport.Kind.MISSING_AT_END));
        assertThat(walk(chain, 2, H2).problems())
                .containsExactly(new ChainReport.Problem(3, ChainReport.Kind.NOT_APPENDED_BY_THE_LOG));
    }

    static AuditRecord rehashed(AuditRecord r) {
        AuditRecord draft = new AuditRecord(
                r.id(),
                r.occurredAt(),
                r.actorUserId(),
                r.actorUsername(),
                r.action(),
                r.module(),
                r.entityType(),
                r.entityId(),
                r.unitId(),
                r.before(),
                r.after(),
                r.prevHash(),
                null);
        return new AuditRecord(
                r.id(),
                r.occurredAt(),
                r.actorUserId(),
                r.actorUsername(),
                r.action(),
                r.module(),
                r.entityType(),
                r.entityId(),
                r.unitId(),
                r.before(),
                r.after(),
                r.prevHash(),
                AuditHashes.hash(draft));
    }
}
