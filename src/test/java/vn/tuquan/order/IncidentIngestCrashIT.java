package vn.tuquan.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.FreshDataDirectory;
import vn.tuquan.StartedProcesses;
import vn.tuquan.TuquanProcess;
import vn.tuquan.TuquanProcess.Postmaster;
import vn.tuquan.units.AdminUnitsData;

/**
 * The application and its PostgreSQL killed with SIGKILL at once, as by a power cut, while clients
 * ingest incidents through the API with idempotency keys: after the next start every incident whose
 * request was answered 2xx is there exactly once, retrying every other request with its key stores
 * each exactly once, the audit log names each incident once and {@code ./tuquan audit verify}
 * finds its chain intact. The packaged jar, real HTTP, a personal access token.
 */
class IncidentIngestCrashIT {

    static final Duration START = Duration.ofMinutes(3);
    static final int CLIENTS = 16;
    /** Answers received before the kill: well into the ingest, with requests in flight. */
    static final int ACKNOWLEDGED_BEFORE_THE_KILL = 300;

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request: its key (also its summary, so that a stored incident names its key) and what it got. */
    record Sent(String key, Long incidentId, String failure) {}

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    @Test
    void everyAcknowledgedIncidentSurvivesAPowerCutOnce_andRetriesWithTheSameKeysStoreEachOnce() throws Exception {
        Path dataDir = FreshDataDirectory.create();
        processes.watch(dataDir);
        Path namDinh = AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv");
        // the first start, then the list, the officer and the token with the commands, while it serves
        TuquanProcess first = processes.start(dataDir, "serve", "first").awaitReady(START);
        TuquanProcess.CommandResult imported =
                TuquanProcess.command(dataDir, "units", "import", namDinh.toString(), "--as-of", "2022-10-01");
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        // a data-entry officer (no sensitive registers, so no second factor) with a token for a program
        TuquanProcess.CommandResult added = TuquanProcess.commandWithInput(
                dataDir,
                "nhap-lieu-2026-crash\n",
                "user",
                "add",
                "nhaplieu",
                "--display-name",
                "Cán bộ nhập liệu",
                "--role",
                "COMMUNE_OFFICER",
                "--whole-country",
                "--password-stdin");
        assertThat(added.exitCode()).as(added.output()).isZero();
        TuquanProcess.CommandResult made =
                TuquanProcess.command(dataDir, "user", "token", "nhaplieu", "--name", "crash test", "--days", "1");
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.stdout()).as("the token alone on standard output").matches("tq_[A-Za-z0-9_-]+\n");
        String token = made.stdout().strip();

        Postmaster postgres = TuquanProcess.postmaster(dataDir);
        long commune;
        try (Connection db = connect(postgres);
                var rs = db.createStatement()
                        .executeQuery(
                                "SELECT unit_id FROM unit_version WHERE kind = 'COMMUNE' AND code = '14233'")) { // Xã
            // Hải
            // Minh
            assertThat(rs.next()).isTrue();
            commune = rs.getLong(1);
        }

        Api api = new Api(first.port(), token, commune);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> unacknowledged = new ConcurrentHashMap<>(); // key → what the client got instead
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        for (int n = 0; !stop.get(); n++) {
                            String key = "crash-" + client + "-" + n;
                            Sent sent = api.send(key);
                            if (sent.incidentId() == null) {
                                unacknowledged.put(key, sent.failure());
                                return; // the server is gone (checked below): this client stops
                            }
                            acknowledged.put(key, sent.incidentId());
                        }
                    },
                    "ingest-client-" + c);
            thread.start();
            clients.add(thread);
        }
        Instant deadline = Instant.now().plus(START);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_KILL) {
            assertThat(Instant.now())
                    .as("answers so far: %d; unanswered: %s", acknowledged.size(), unacknowledged)
                    .isBefore(deadline);
            assertThat(unacknowledged)
                    .as("no request fails while the server runs")
                    .isEmpty();
            Thread.sleep(5);
        }
        // the power cut: the JVM, the postmaster and its backends, all at once
        ProcessHandle postmaster = ProcessHandle.of(postgres.pid()).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        first.kill9();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get();
        stop.set(true);
        for (Thread thread : clients) {
            thread.join();
        }
        Map<String, Long> acked = Map.copyOf(acknowledged);
        List<String> unacked = List.copyOf(unacknowledged.keySet());
        assertThat(unacked)
                .as("each client's last request, in flight or sent after the kill, got no answer")
                .hasSize(CLIENTS);

        TuquanProcess second = processes.start(dataDir, "serve", "second").awaitReady(START);
        try (Connection db = connect(TuquanProcess.postmaster(dataDir))) {
            for (Map.Entry<String, Long> e : acked.entrySet()) {
                assertThat(incidentsNamed(db, e.getKey()))
                        .as("acknowledged %s", e.getKey())
                        .containsExactly(e.getValue());
            }
            long storedUnacked =
                    unacked.stream().filter(k -> storedCount(db, k) > 0).count();
            System.out.printf(
                    "kill -9 after %d acknowledged requests: %d unacknowledged, of which %d were stored%n",
                    acked.size(), unacked.size(), storedUnacked);
        }

        Api again = new Api(second.port(), token, commune);
        for (String key : unacked) {
            assertThat(again.send(key).incidentId()).as("retry of %s", key).isNotNull();
        }
        List<String> someAcked = acked.keySet().stream().sorted().limit(25).toList();
        for (String key : someAcked) {
            assertThat(again.send(key).incidentId()).as("replay of %s", key).isEqualTo(acked.get(key));
        }
        List<Long> stored = new ArrayList<>();
        try (Connection db = connect(TuquanProcess.postmaster(dataDir))) {
            for (String key : unacked) {
                assertThat(incidentsNamed(db, key)).as("retried %s", key).hasSize(1);
            }
            assertThat(count(db, "SELECT count(*) FROM incident WHERE summary LIKE 'crash-%'"))
                    .as("one incident per key, none besides")
                    .isEqualTo(acked.size() + unacked.size());
            assertThat(count(db, "SELECT count(*) FROM incident_idempotency WHERE incident_id IS NULL"))
                    .as("no key claimed without its incident")
                    .isZero();
            assertThat(count(db, """
                    SELECT count(*) FROM incident_idempotency k JOIN incident i ON i.id = k.incident_id
                     WHERE k.username = 'nhaplieu' AND k.key = i.summary""")).isEqualTo(acked.size() + unacked.size());
            try (var rs = db.createStatement().executeQuery("SELECT id FROM incident WHERE summary LIKE 'crash-%'")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1));
                }
            }
            // every incident in exactly one audit entry: one entry per batch, in the batch's transaction
            var audited = db.prepareStatement("""
                    SELECT count(*) FROM audit_event a,
                           jsonb_array_elements(CASE jsonb_typeof(a.after) WHEN 'array' THEN a.after
                                                ELSE jsonb_build_array(a.after) END) AS e
                     WHERE a.module = 'order' AND a.entity_type = 'incident' AND (e ->> 'id')::bigint = ?""");
            for (long id : stored) {
                audited.setLong(1, id);
                try (var rs = audited.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1))
                            .as("audit entries of incident %d", id)
                            .isEqualTo(1);
                }
            }
        }
        assertThat(second.stop()).isIn(0, 143);

        TuquanProcess.CommandResult verified = TuquanProcess.command(dataDir, "audit", "verify", "--lang", "en");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("chain intact");
    }

    /** A client of the ingest API: one request per key, its body the same for the same key. */
    record Api(int port, String token, long unit) {

        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        Sent send(String key) {
            String body = "{\"unitId\":" + unit + ",\"categoryCode\":\"CRIME_THEFT\",\"severity\":\"LESS_SERIOUS\","
                    + "\"occurredAt\":\"2024-06-15T21:30:00+07:00\",\"source\":\"PATROL\",\"summary\":\"" + key + "\"}";
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/order/incidents"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response =
                        CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() / 100 != 2) {
                    return new Sent(key, null, response.statusCode() + " " + response.body());
                }
                JsonNode incident = JSON.readTree(response.body());
                return new Sent(key, incident.get("id").asLong(), null);
            } catch (IOException e) {
                return new Sent(key, null, e.toString()); // no answer: the server died under it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Sent(key, null, e.toString());
            }
        }
    }

    private static List<Long> incidentsNamed(Connection db, String key) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var select = db.prepareStatement("SELECT id FROM incident WHERE summary = ?")) {
            select.setString(1, key);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static long storedCount(Connection db, String key) {
        try {
            return incidentsNamed(db, key).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(Postmaster postmaster) throws SQLException {
        return postmaster.connect("tuquan");
    }
}
