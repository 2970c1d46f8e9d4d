package vn.tuquan.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.tuquan.access.AccessRefused;
import vn.tuquan.shared.Dates;

/**
 * Refused requests (403) in the audit log, without letting a script flood the chain: each person may
 * have {@value #BURST} refusals recorded one by one at once, and one more every minute; beyond that a
 * refusal is only counted, and the count goes into the log — with the first and last time and the last
 * request — with the person's next recorded refusal, or at the latest a minute later
 * ({@link #flush()}). So a stream of 403s from one account writes at most about two entries a minute,
 * and none is lost from the count; only signed-in people are refused in this way, and each account
 * is limited on its own. The buckets and counts are kept in this node's memory (like the sign-in rate
 * limits): each node limits its own, and a count not yet written when a node stops is lost.
 */
@Component
class RefusalsAuditor {

    static final int BURST = 10;
    private static final int MAX_PEOPLE = 10_000;

    private final AuditLog log;
    private final Clock clock = Dates.clock();
    private final Map<String, Person> people = new ConcurrentHashMap<>();

    RefusalsAuditor(AuditLog log) {
        this.log = log;
    }

    /** A request was refused: recorded, or counted for later. */
    void refused(AccessRefused e) {
        Instant now = clock.instant();
        Map<String, Object> request = request(e);
        Map<String, Object> entry;
        synchronized (this) {
            if (people.size() > MAX_PEOPLE && !people.containsKey(e.username())) {
                flush();
            }
            Person person =
                    people.computeIfAbsent(e.username(), u -> new Person(new Bucket(BURST, now.toEpochMilli())));
            person.bucket = person.bucket.refilled(BURST, 1, now.toEpochMilli());
            if (person.bucket.tokens() < 1) {
                person.count(now, request);
                return;
            }
            person.bucket = person.bucket.taken();
            entry = new LinkedHashMap<>(request);
            if (person.counted > 0) {
                entry.put("notRecordedBefore", person.summary());
                person.reset();
            }
        }
        log.recordFor(
                e.username(),
                new AuditEntry(
                        AuditAction.REFUSED, "access", "request", e.method() + " " + e.path(), null, null, entry));
    }

    /**
     * Writes the refusals counted and not yet recorded: one entry a person, with how many, from when to
     * when, and the last one. Every minute, and when too many people are kept.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    synchronized void flush() {
        for (var person : List.copyOf(people.entrySet())) {
            Person p = person.getValue();
            if (p.counted > 0) {
                Map<String, Object> summary = p.summary();
                p.reset();
                log.recordFor(
                        person.getKey(),
                        new AuditEntry(
                                AuditAction.REFUSED,
                                "access",
                                "request",
                                null,
                                null,
                                null,
                                Map.of("notRecordedOneByOne", summary)));
            }
        }
        // the people whose bucket is full again have nothing to remember
        long now = clock.millis();
        people.values()
                .removeIf(
                        p -> p.counted == 0 && p.bucket.refilled(BURST, 1, now).tokens() >= BURST);
    }

    private static Map<String, Object> request(AccessRefused e) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", e.method());
        request.put("path", e.path());
        if (e.reason() != null) {
            request.put("reason", e.reason());
        }
        return request;
    }

    /** A token bucket: {@code tokens} at {@code at} (milliseconds). */
    private record Bucket(double tokens, long at) {

        Bucket refilled(int capacity, double perMinute, long now) {
            return new Bucket(Math.min(capacity, tokens + Math.max(0, now - at) / 60_000.0 * perMinute), now);
        }

        Bucket taken() {
            return new Bucket(tokens - 1, at);
        }
    }

    private static final class Person {
        Bucket bucket;
        int counted;
        Instant first;
        Instant last;
        Map<String, Object> lastRequest;

        Person(Bucket bucket) {
            this.bucket = bucket;
        }

        void count(Instant now, Map<String, Object> request) {
            counted++;
            if (first == null) {
                first = now;
            }
            last = now;
            lastRequest = request;
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("refusals", counted);
            summary.put("from", first.toString());
            summary.put("to", last.toString());
            summary.put("last", lastRequest);
            return summary;
        }

        void reset() {
            counted = 0;
            first = null;
            last = null;
            lastRequest = null;
        }
    }
}
