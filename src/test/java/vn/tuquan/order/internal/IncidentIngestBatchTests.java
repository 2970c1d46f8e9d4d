package vn.tuquan.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.Callers;
import vn.tuquan.access.PersonalAccessTokens;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.IncidentRefusedException;
import vn.tuquan.order.IncidentsFixture;
import vn.tuquan.order.IngestedIncident;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * The ingest writer's batches (IncidentIngestWriter): requests of different people that are written in
 * one transaction each get their own incident under their own key; a key repeated with the same body
 * in one batch answers the first's incident, with another body it is refused; two people may use the
 * same key without meeting. Once with a batch given to the writer directly (so its make-up is known),
 * once over HTTP with two people sending at the same time.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=" + IncidentsFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentIngestBatchTests {

    static final String A = "nhap.haiminh";
    static final String B = "nhap.nammy";
    static final String PASSWORD = "mat-khau-nhap-lieu-2026";

    @LocalServerPort
    int port;

    @Autowired
    IncidentChecks checks;

    @Autowired
    IncidentIngestWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Callers callers;

    @Autowired
    PersonalAccessTokens tokens;

    @Autowired
    PlatformTransactionManager transactionManager;

    Caller a;
    Caller b;

    @BeforeAll
    void people(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts) {
        IncidentsFixture.ensure(lists, units, localUnits, accounts);
        TestUsers.withRoles(
                accounts,
                A,
                "Nhập Hải Minh",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(IncidentsFixture.haiMinh())),
                Scope.of(Set.of(IncidentsFixture.haiMinh())));
        TestUsers.withRoles(
                accounts,
                B,
                "Nhập Nam Mỹ",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(IncidentsFixture.namMy())),
                Scope.of(Set.of(IncidentsFixture.namMy())));
        a = callers.forUsername(A).orElseThrow();
        b = callers.forUsername(B).orElseThrow();
    }

    static IncidentForm form(long unit, String summary) {
        return new IncidentForm(
                unit,
                "CRIME_THEFT",
                "LESS_SERIOUS",
                null,
                OffsetDateTime.parse("2023-03-01T10:00:00+07:00"),
                null,
                "PATROL",
                null,
                null,
                summary);
    }

    IncidentIngestWriter.Pending pending(Caller caller, String key, IncidentForm form) {
        Authentication who = UsernamePasswordAuthenticationToken.authenticated(caller.username(), null, List.of());
        return new IncidentIngestWriter.Pending(
                caller.username(),
                who,
                key,
                IncidentIngestWriter.hash(form),
                checks.check(caller, form, vn.tuquan.shared.Dates.nowInVietnam()),
                new CompletableFuture<>());
    }

    @Test
    void oneBatchOfSeveralPeopleAnswersEachRequestWithItsOwnKeyAndIncident() {
        long areaA = IncidentsFixture.area(0);
        long areaB = IncidentsFixture.area(4);
        String run = Long.toString(System.nanoTime());
        IncidentForm a1 = form(areaA, "lô A1 " + run);
        IncidentForm b1 = form(areaB, "lô B1 " + run);
        IncidentForm a2 = form(areaA, "lô A2 " + run);
        IncidentForm a3 = form(areaA, "lô A3 " + run);
        IncidentForm a3Other = form(areaA, "lô A3 khác " + run);
        IncidentForm b2 = form(areaB, "lô B2 " + run);
        List<IncidentIngestWriter.Pending> batch = List.of(
                pending(a, "k1-" + run, a1), // 0
                pending(b, "k1-" + run, b1), // 1: the same key, another person
                pending(a, "k2-" + run, a2), // 2
                pending(a, "k1-" + run, a1), // 3: a retry inside the batch
                pending(a, "k3-" + run, a3), // 4
                pending(a, "k3-" + run, a3Other), // 5: the same key, another body
                pending(b, "k2-" + run, b2)); // 6
        long auditBefore = jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'incident'")
                .query(Long.class)
                .single();
        Map<IncidentIngestWriter.Pending, Object> outcomes =
                new TransactionTemplate(transactionManager).execute(status -> writer.write(batch));

        Map<Integer, Incident> answered = new HashMap<>();
        for (int i : new int[] {0, 1, 2, 3, 4, 6}) {
            assertThat(outcomes.get(batch.get(i))).as("request " + i).isInstanceOf(IngestedIncident.class);
            answered.put(i, ((IngestedIncident) outcomes.get(batch.get(i))).incident());
        }
        assertThat(outcomes.get(batch.get(5)))
                .isInstanceOfSatisfying(
                        IncidentRefusedException.class,
                        e -> assertThat(e.getMessage()).contains("Idempotency-Key"));
        // each answer is its own request's incident, as stored
        Map<Integer, IncidentForm> sent = Map.of(0, a1, 1, b1, 2, a2, 3, a1, 4, a3, 6, b2);
        Map<Integer, String> by = Map.of(0, A, 1, B, 2, A, 3, A, 4, A, 6, B);
        for (Map.Entry<Integer, Incident> e : answered.entrySet()) {
            Incident incident = e.getValue();
            IncidentForm form = sent.get(e.getKey());
            assertThat(incident.summary()).as("request " + e.getKey()).isEqualTo(form.summary());
            assertThat(incident.unitId()).isEqualTo(form.unitId());
            assertThat(incident.createdBy()).isEqualTo(by.get(e.getKey()));
            assertThat(jdbc.sql("SELECT summary FROM incident WHERE id = :id")
                            .param("id", incident.id())
                            .query(String.class)
                            .single())
                    .isEqualTo(form.summary());
        }
        assertThat(((IngestedIncident) outcomes.get(batch.get(0))).replayed()).isFalse();
        assertThat(((IngestedIncident) outcomes.get(batch.get(3))).replayed()).isTrue();
        assertThat(answered.get(3).id()).isEqualTo(answered.get(0).id());
        assertThat(answered.get(1).id())
                .as("the same key of two people: two incidents")
                .isNotEqualTo(answered.get(0).id());
        assertThat(answered.values().stream().map(Incident::id).distinct()).hasSize(5);
        // each key points at its person's incident; the refused body claimed nothing
        for (int i : new int[] {0, 1, 2, 4, 6}) {
            IncidentIngestWriter.Pending p = batch.get(i);
            assertThat(jdbc.sql("SELECT incident_id FROM incident_idempotency WHERE username = :u AND key = :k")
                            .param("u", p.username())
                            .param("k", p.key())
                            .query(Long.class)
                            .single())
                    .as("key of request " + i)
                    .isEqualTo(answered.get(i).id());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE summary = :s")
                        .param("s", a3Other.summary())
                        .query(Long.class)
                        .single())
                .isZero();
        // one audit entry per person, each naming that person
        List<String> actors = jdbc.sql("""
                SELECT actor_username FROM audit_event WHERE module = 'order' AND entity_type = 'incident'
                 ORDER BY id DESC LIMIT 2""").query(String.class).list();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'incident'")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditBefore + 2);
        assertThat(actors).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void twoPeopleSendingTheSameKeysAtTheSameTimeEachGetTheirOwnIncidentsOnce() throws Exception {
        String tokenA = tokens.create(A, "lo", 1).token();
        String tokenB = tokens.create(B, "lo", 1).token();
        String run = Long.toString(System.nanoTime());
        int perPerson = 40;
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        List<String[]> sent = new ArrayList<>();
        try {
            for (int round = 0; round < 2; round++) { // the second round retries every request with the same key
                for (int i = 0; i < perPerson; i++) {
                    for (String[] who : new String[][] {
                        {A, tokenA, Long.toString(IncidentsFixture.area(1))},
                        {B, tokenB, Long.toString(IncidentsFixture.area(4))}
                    }) {
                        String key = "song-song-" + run + "-" + i;
                        String summary = who[0] + " " + run + " " + i;
                        String body = "{\"unitId\":" + who[2]
                                + ",\"categoryCode\":\"CRIME_THEFT\",\"severity\":\"LESS_SERIOUS\","
                                + "\"occurredAt\":\"2023-03-02T10:00:00+07:00\",\"source\":\"PATROL\",\"summary\":\""
                                + summary + "\"}";
                        sent.add(new String[] {who[0], key, summary});
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/order/incidents"))
                                .header("Authorization", "Bearer " + who[1])
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        answers.add(pool.submit(() ->
                                client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))));
                    }
                }
            }
            JsonMapper json = JsonMapper.builder().build();
            Map<String, Long> incidentOf = new HashMap<>();
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get();
                String[] s = sent.get(i);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                JsonNode incident = json.readTree(answer.body());
                assertThat(incident.path("summary").asString())
                        .as("answer of " + s[0] + " " + s[1])
                        .isEqualTo(s[2]);
                assertThat(incident.path("createdBy").asString()).isEqualTo(s[0]);
                Long earlier = incidentOf.putIfAbsent(
                        s[0] + "|" + s[1], incident.path("id").asLong());
                if (earlier != null) {
                    assertThat(incident.path("id").asLong())
                            .as("a retry answers the first incident")
                            .isEqualTo(earlier);
                }
            }
            assertThat(incidentOf).hasSize(2 * perPerson);
            assertThat(incidentOf.values().stream().distinct()).hasSize(2 * perPerson);
            assertThat(jdbc.sql("SELECT count(*) FROM incident WHERE summary LIKE :s")
                            .param("s", "% " + run + " %")
                            .query(Long.class)
                            .single())
                    .as("each stored once")
                    .isEqualTo(2L * perPerson);
        } finally {
            pool.shutdownNow();
        }
    }
}
