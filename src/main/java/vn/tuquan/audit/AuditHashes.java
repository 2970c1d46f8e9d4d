package vn.tuquan.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over an entry's canonical content followed by the previous entry's
 * hash. Canonical content: every column in a fixed order, each as {@code <length>:<value>} (or
 * {@code -} for NULL) on its own line; the time as microseconds since 1970 (PostgreSQL's
 * precision); JSON as PostgreSQL's {@code jsonb} prints it, so it reads back identically.
 */
final class AuditHashes {

    static final String GENESIS = "0".repeat(64);

    private AuditHashes() {}

    static String hash(AuditRecord r) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(r.id()));
        field(canonical, Long.toString(micros(r.occurredAt())));
        field(canonical, r.actorUserId() == null ? null : r.actorUserId().toString());
        field(canonical, r.actorUsername());
        field(canonical, r.action());
        field(canonical, r.module());
        field(canonical, r.entityType());
        field(canonical, r.entityId());
        field(canonical, r.unitId() == null ? null : r.unitId().toString());
        field(canonical, r.before());
        field(canonical, r.after());
        field(canonical, r.prevHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('\n');
    }
}
