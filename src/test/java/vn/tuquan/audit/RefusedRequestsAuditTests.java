package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.PersonalAccessTokens;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.Units;

/**
 * Issue 13.13: a request refused with 403 — a page or an API call the person's permissions or scope
 * do not allow, a form sent without its CSRF token — is in the audit log with who (the signed-in
 * person, or the token's), the method, the path and what refused it; and a scripted stream of 403s
 * cannot flood the chain: after {@value RefusalsAuditor#BURST} entries the refusals are counted, and
 * the count is written, so that every refusal is accounted for.
 */
@TuquanTest
@ActiveProfiles("demo")
class RefusedRequestsAuditTests {

    static final String PASSWORD = "mat-khau-tu-choi-2026";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PersonalAccessTokens tokens;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RefusalsAuditor refusals;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRefusedPageApiCallOrFormIsRecordedWithWhoWhatAndWhy() {
        long haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", Dates.today())
                .orElseThrow()
                .id();
        long province = units.findByCode(Scope.WHOLE_COUNTRY, "36", Dates.today())
                .orElseThrow()
                .id();
        TestUsers.withRoles(
                accounts,
                "tu.choi",
                "Người Bị Từ Chối",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haiMinh)),
                Scope.of(Set.of(haiMinh)));
        long since = lastEntry();
        WebSession session = new WebSession(port);
        session.signIn("tu.choi", PASSWORD);
        assertThat(session.getPage("/audit?page=2").statusCode()).isEqualTo(403);
        assertThat(session.postForm(
                                "/account/password",
                                Map.of("currentPassword", "x", "newPassword", "y", "confirmPassword", "y"))
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        String token = tokens.create("tu.choi", "thử", 1).token();
        assertThat(bearer(token, "/api/v1/units/" + province).statusCode())
                .as("outside the scope")
                .isEqualTo(403);
        assertThat(session.getPage("/units/" + haiMinh).statusCode())
                .as("allowed: not recorded")
                .isEqualTo(200);

        List<JsonNode> refused = refusedSince(since, "tu.choi");
        assertThat(refused)
                .extracting(e -> e.get("entity").asString())
                .containsExactly("GET /audit", "POST /account/password", "GET /api/v1/units/" + province);
        assertThat(refused.get(0).get("after").get("reason").asString()).isEqualTo("missing permission AUDIT_READ");
        assertThat(refused.get(1).get("after").get("reason").asString()).endsWith("CsrfTokenException");
        assertThat(refused.get(2).get("after").get("reason").asString())
                .isEqualTo("unit " + province + " is outside the caller's scope");
        assertThat(refused).allSatisfy(e -> {
            assertThat(e.get("actor").asString()).isEqualTo("tu.choi");
            assertThat(e.get("after").has("method")).isTrue();
            assertThat(e.get("after").toString()).doesNotContain("127.0.0.1").doesNotContain("page=2");
        });
    }

    @Test
    void aStreamOfRefusalsIsCountedAfterTheFirstFew_andEveryOneIsAccountedFor() {
        TestUsers.withRoles(accounts, "ran.ri", "Người Gõ Cửa", PASSWORD, Set.of(), Scope.NOTHING, Scope.NOTHING);
        long since = lastEntry();
        WebSession session = new WebSession(port);
        session.signIn("ran.ri", PASSWORD);
        int sent = 60;
        for (int i = 0; i < sent; i++) {
            assertThat(session.getPage("/audit?n=" + i).statusCode()).isEqualTo(403);
        }
        refusals.flush();
        List<JsonNode> refused = refusedSince(since, "ran.ri");
        long oneByOne = refused.stream().filter(e -> !e.get("entity").isNull()).count();
        long counted = refused.stream()
                .mapToLong(e -> {
                    JsonNode after = e.get("after");
                    JsonNode summary = after.has("notRecordedOneByOne")
                            ? after.get("notRecordedOneByOne")
                            : after.get("notRecordedBefore");
                    return summary == null ? 0 : summary.get("refusals").asLong();
                })
                .sum();
        assertThat(oneByOne)
                .as("recorded one by one: the burst (and one a minute)")
                .isBetween((long) RefusalsAuditor.BURST, (long) RefusalsAuditor.BURST + 4);
        assertThat(oneByOne + counted).as("every refusal accounted for").isEqualTo(sent);
        assertThat(refused.size())
                .as("entries written for %d refusals", sent)
                .isLessThanOrEqualTo(RefusalsAuditor.BURST + 6);
        JsonNode summary = refused.get(refused.size() - 1).get("after").get("notRecordedOneByOne");
        assertThat(summary.get("last").get("path").asString()).isEqualTo("/audit");
        assertThat(summary.has("from")).isTrue();
    }

    private HttpResponse<String> bearer(String token, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastEntry() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    /** The REFUSED entries of a person since an entry, oldest first, as JSON: entity, actor, after. */
    private List<JsonNode> refusedSince(long since, String username) {
        return jdbc.sql("""
                SELECT json_build_object('entity', entity_id, 'actor', actor_username, 'after', after)::text
                FROM audit_event WHERE id > :since AND action = 'REFUSED' AND actor_username = :username ORDER BY id
                """).param("since", since).param("username", username).query(String.class).list().stream()
                .map(json::readTree)
                .toList();
    }
}
