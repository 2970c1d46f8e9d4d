package vn.tuquan.order.internal;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.IncidentRefusedException;
import vn.tuquan.order.IncidentsRecorded;
import vn.tuquan.order.IngestedIncident;
import vn.tuquan.shared.Dates;

/**
 * Writes the ingest API's incidents in batches: requests that arrive together are written by one
 * thread in one transaction (keys claimed, incidents and their first status inserted, keys pointed
 * at them, audited), so that they share one commit and one turn on the audit chain instead of
 * queueing for it one by one. Idempotency stays with the database: a key is claimed by
 * {@code INSERT … ON CONFLICT DO NOTHING} on the primary key (username, key), and two requests with
 * one key in one batch are told apart in the order they came. A failed batch fails each of its
 * requests; their clients retry with the same keys. The incidents themselves are written by
 * {@link IncidentStore}; the keys ({@code incident_idempotency}) here.
 */
@Component
public class IncidentIngestWriter {

    static final int MAX_BATCH = 256;
    static final long WAIT_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(IncidentIngestWriter.class);

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean stopped;

    IncidentIngestWriter(
            JdbcClient jdbc,
            IncidentStore store,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** One request waiting for the writer. */
    record Pending(
            String username,
            Authentication authentication,
            String key,
            String hash,
            CheckedIncident checked,
            CompletableFuture<IngestedIncident> result) {

        String id() {
            return username + '\u0000' + key;
        }
    }

    /**
     * Writes one checked incident with its key (in the next batch) and answers what was written, or
     * the refusal; {@code form} is what the client sent, whose hash tells a retry from another request.
     */
    public IngestedIncident submit(String username, String key, IncidentForm form, CheckedIncident checked) {
        start();
        Pending pending = new Pending(
                username,
                SecurityContextHolder.getContext().getAuthentication(),
                key,
                hash(form),
                checked,
                new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the incident was not written within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void start() {
        if (thread == null && !stopped) {
            thread = new Thread(this::run, "incident-ingest");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (!stopped) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                long started = System.nanoTime();
                Map<Pending, Object> outcomes = transactions.execute(status -> write(batch));
                if (log.isDebugEnabled()) {
                    log.debug("batch of {} written in {} µs", batch.size(), (System.nanoTime() - started) / 1000);
                }
                for (Pending p : batch) {
                    Object outcome = outcomes == null ? null : outcomes.get(p);
                    if (outcome instanceof IngestedIncident ingested) {
                        p.result().complete(ingested);
                    } else if (outcome instanceof RuntimeException e) {
                        p.result().completeExceptionally(e);
                    } else {
                        p.result().completeExceptionally(new IllegalStateException("no outcome"));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.result().completeExceptionally(new IllegalStateException("stopping")));
                return;
            } catch (RuntimeException e) {
                log.warn("A batch of {} incidents failed: {}", batch.size(), e.toString());
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
        }
    }

    /** One batch in the current transaction: what each request gets (an {@link IngestedIncident} or a refusal). */
    Map<Pending, Object> write(List<Pending> batch) {
        Map<Pending, Object> outcomes = new HashMap<>();
        Map<String, Pending> firsts = new LinkedHashMap<>();
        List<Pending> repeats = new ArrayList<>();
        for (Pending p : batch) {
            if (firsts.putIfAbsent(p.id(), p) != null) {
                repeats.add(p);
            }
        }
        List<Pending> candidates = new ArrayList<>(firsts.values());
        Set<String> claimed = new HashSet<>(jdbc.sql("""
                INSERT INTO incident_idempotency (username, key, request_hash)
                SELECT u, k, h FROM unnest(CAST(:users AS text[]), CAST(:keys AS text[]), CAST(:hashes AS text[])) AS t(u, k, h)
                ON CONFLICT DO NOTHING
                RETURNING username, key""")
                .param("users", candidates.stream().map(Pending::username).toArray(String[]::new))
                .param("keys", candidates.stream().map(Pending::key).toArray(String[]::new))
                .param("hashes", candidates.stream().map(Pending::hash).toArray(String[]::new))
                .query((rs, n) -> rs.getString(1) + '\u0000' + rs.getString(2))
                .list());
        List<Pending> fresh =
                candidates.stream().filter(p -> claimed.contains(p.id())).toList();
        List<Pending> earlier =
                candidates.stream().filter(p -> !claimed.contains(p.id())).toList();
        if (!earlier.isEmpty()) {
            replays(earlier, outcomes);
        }
        if (!fresh.isEmpty()) {
            List<Long> ids = store.insertAll(
                    fresh.stream().map(Pending::checked).toList(),
                    null,
                    fresh.stream().map(Pending::username).toList());
            jdbc.sql("""
                    UPDATE incident_idempotency i SET incident_id = v.id
                      FROM unnest(CAST(:users AS text[]), CAST(:keys AS text[]), CAST(:ids AS bigint[])) AS v(u, k, id)
                     WHERE i.username = v.u AND i.key = v.k""")
                    .param("users", fresh.stream().map(Pending::username).toArray(String[]::new))
                    .param("keys", fresh.stream().map(Pending::key).toArray(String[]::new))
                    .param("ids", ids.toArray(Long[]::new))
                    .update();
            OffsetDateTime now = Dates.nowInVietnam();
            Map<String, List<Incident>> byUser = new LinkedHashMap<>();
            Map<String, Authentication> who = new HashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                Pending p = fresh.get(i);
                Incident incident = IncidentStore.recorded(ids.get(i), p.checked(), p.username(), now);
                outcomes.put(p, new IngestedIncident(incident, false));
                byUser.computeIfAbsent(p.username(), u -> new ArrayList<>()).add(incident);
                who.putIfAbsent(p.username(), p.authentication());
            }
            Authentication writer = SecurityContextHolder.getContext().getAuthentication();
            try {
                for (Map.Entry<String, List<Incident>> e : byUser.entrySet()) {
                    SecurityContextHolder.getContext().setAuthentication(who.get(e.getKey()));
                    events.publishEvent(new IncidentsRecorded(e.getValue()));
                }
            } finally {
                SecurityContextHolder.getContext().setAuthentication(writer);
            }
        }
        for (Pending p : repeats) {
            Pending first = firsts.get(p.id());
            Object outcome = outcomes.get(first);
            if (!p.hash().equals(first.hash())) {
                outcomes.put(
                        p,
                        new IncidentRefusedException("Idempotency-Key", "order.incident.refused.keyReused", p.key()));
            } else if (outcome instanceof IngestedIncident ingested) {
                outcomes.put(p, new IngestedIncident(ingested.incident(), true));
            } else {
                outcomes.put(p, outcome);
            }
        }
        return outcomes;
    }

    /** Requests whose key was claimed before: the incident it made, or a refusal when the request differs. */
    private void replays(List<Pending> earlier, Map<Pending, Object> outcomes) {
        Map<String, Object[]> stored = new HashMap<>();
        jdbc.sql("""
                SELECT i.username, i.key, i.request_hash, i.incident_id
                  FROM incident_idempotency i
                  JOIN unnest(CAST(:users AS text[]), CAST(:keys AS text[])) AS v(u, k) ON i.username = v.u AND i.key = v.k""")
                .param("users", earlier.stream().map(Pending::username).toArray(String[]::new))
                .param("keys", earlier.stream().map(Pending::key).toArray(String[]::new))
                .query((rs, n) -> stored.put(
                        rs.getString("username") + '\u0000' + rs.getString("key"),
                        new Object[] {rs.getString("request_hash"), rs.getObject("incident_id")}))
                .list();
        for (Pending p : earlier) {
            Object[] row = stored.get(p.id());
            if (row == null || !p.hash().equals(row[0]) || row[1] == null) {
                outcomes.put(
                        p,
                        new IncidentRefusedException("Idempotency-Key", "order.incident.refused.keyReused", p.key()));
                continue;
            }
            long incidentId = ((Number) row[1]).longValue();
            outcomes.put(
                    p,
                    store.find(incidentId)
                            .<Object>map(i -> new IngestedIncident(i, true))
                            .orElseGet(() -> new IllegalStateException("incident " + incidentId + " is missing")));
        }
    }

    /** The SHA-256 of a form, in a fixed order of its fields: what "the same request" means for a key. */
    static String hash(IncidentForm form) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(form.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
