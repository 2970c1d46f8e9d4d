package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * The rulebooks API and pages over real HTTP on the embedded PostgreSQL: the versions and one
 * version's criteria; a province's version adopted through the API and through the form; refusals
 * as problem+json (API) or a message naming the field (page), with nothing written; out of scope 403.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-rulebooks-web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulebooksWebTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RulebooksFixture nd;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units, @Autowired UserAccounts accounts) {
        nd = RulebooksFixture.ensure(lists, units, accounts);
    }

    WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, RulebooksFixture.PASSWORD);
        return session;
    }

    String csrf(WebSession session) {
        return Jsoup.parse(session.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    HttpResponse<String> postJson(WebSession session, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "vi")
                .header("X-CSRF-TOKEN", csrf(session))
                .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION"))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long versions() {
        return jdbc.sql("SELECT count(*) FROM rulebook").query(Long.class).single();
    }

    String criteriaRows() {
        return jdbc.sql(
                        "SELECT string_agg(concat_ws('|', rulebook_id, unit_kind, position, criterion, params::text, editable), ',' "
                                + "ORDER BY rulebook_id, unit_kind, position) FROM rulebook_criterion")
                .query(String.class)
                .single();
    }

    long id(String code, int version) {
        return jdbc.sql("SELECT id FROM rulebook WHERE code = :c AND version = :v")
                .param("c", code)
                .param("v", version)
                .query(Long.class)
                .single();
    }

    @Test
    void theApiListsTheVersionsAndOneVersionsCriteriaPerUnitKind() {
        WebSession viewer = signedIn(RulebooksFixture.VIEWER);
        HttpResponse<String> list = viewer.get("/api/v1/evaluation/rulebooks");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"TT23_2012\"", "\"TT124_2021\"", "\"TT48_2025\"", "\"effectiveFrom\":\"2022-02-10\"");

        HttpResponse<String> one = viewer.get("/api/v1/evaluation/rulebooks/version?id=" + id("TT124_2021", 1));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains(
                        "\"RESIDENTIAL_AREA\":[{\"unitKind\":\"RESIDENTIAL_AREA\",\"position\":1,"
                                + "\"criterion\":\"PARTY_RESOLUTION_Q1\"",
                        "\"criterion\":\"CHILDREN_REGISTERED_AND_RECOGNISED\"",
                        "\"minPercent\":\"70\"",
                        "\"article\":\"Điều 5.4\"");

        HttpResponse<String> unknown = viewer.get("/api/v1/evaluation/rulebooks/version?id=987654321");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> inForce =
                viewer.get("/api/v1/evaluation/units/" + nd.commune() + "/rulebooks?on=2017-11-30");
        assertThat(inForce.statusCode()).isEqualTo(200);
        assertThat(inForce.body()).contains("\"code\":\"TT23_2012\"", "\"criterion\":\"POLICE_RATED_ADVANCED\"");
    }

    @Test
    void aProvincialOfficerAdoptsAVersionThroughTheApiAndTheCommuneThenUsesIt() {
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        long before = versions();
        HttpResponse<String> adopted =
                postJson(officer, "/api/v1/evaluation/units/" + nd.province() + "/rulebooks", """
                {"effectiveFrom": "2026-06-01",
                 "adjustments": [{"unitKind": "COMMUNE", "criterion": "NO_NEW_DRUG_USERS", "params": {"max": "1"}}],
                 "additions": [{"unitKind": "SCHOOL", "criterion": "NO_DRUG_SPOT", "params": {"max": "0"},
                                "article": "QĐ 20/2026/QĐ-UBND", "nameVi": "Không có tụ điểm ma túy quanh trường",
                                "nameEn": "No drug spot around the school"}]}""");
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(201);
        assertThat(adopted.headers().firstValue("Location").orElseThrow())
                .contains("/api/v1/evaluation/rulebooks/version?id=");
        assertThat(adopted.body()).contains("\"provincial\":true", "\"max\":\"1\"", "\"createdBy\":\"tinh.namdinh\"");
        assertThat(versions()).isEqualTo(before + 1);

        WebSession commune = signedIn(RulebooksFixture.COMMUNE_OFFICER);
        HttpResponse<String> inForce =
                commune.get("/api/v1/evaluation/units/" + nd.commune() + "/rulebooks?on=2026-11-15");
        assertThat(inForce.body()).contains("\"code\":\"TT48_2025-36\"", "\"criterion\":\"NO_DRUG_SPOT\"");
        assertThat(commune.get("/api/v1/evaluation/rulebooks").body()).contains("TT48_2025-36");
    }

    @Test
    void aChangeOfACriterionThatIsNotEditableIsA400ProblemNamingItAndWritesNothing() {
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        long before = versions();
        String rows = criteriaRows();
        HttpResponse<String> refused =
                postJson(officer, "/api/v1/evaluation/units/" + nd.province() + "/rulebooks", """
                {"effectiveFrom": "2026-06-01",
                 "adjustments": [{"unitKind": "COMMUNE", "criterion": "CHILDREN_REGISTERED_AND_RECOGNISED",
                                  "params": {"minPercent": "60"}}]}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body())
                .contains(
                        "\"field\":\"adjustments\"",
                        "Điều chỉnh ngưỡng",
                        "CHILDREN_REGISTERED_AND_RECOGNISED",
                        "không được điều chỉnh");
        assertThat(versions()).isEqualTo(before);
        assertThat(criteriaRows()).isEqualTo(rows);
    }

    @Test
    void outsideTheCaptureScopeOrWithoutApprovalTheAdoptionIsRefused() {
        long before = versions();
        String body = """
                {"effectiveFrom": "2026-06-01",
                 "adjustments": [{"unitKind": "COMMUNE", "criterion": "NO_NEW_DRUG_USERS", "params": {"max": "1"}}]}""";
        assertThat(postJson(
                                signedIn(RulebooksFixture.COMMUNE_OFFICER),
                                "/api/v1/evaluation/units/" + nd.province() + "/rulebooks",
                                body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(postJson(
                                signedIn(RulebooksFixture.VIEWER),
                                "/api/v1/evaluation/units/" + nd.province() + "/rulebooks",
                                body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn(RulebooksFixture.COMMUNE_OFFICER)
                        .getPage("/evaluation/units/" + nd.province() + "/rulebooks")
                        .statusCode())
                .isEqualTo(403);
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void thePageShowsTheCriteriaPerUnitKindWithTheirMarksAndOffersTheFormToTheProvince() {
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        HttpResponse<String> page = officer.getPage("/evaluation/rulebooks?id=" + id("TT124_2021", 1));
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("table.rulebook-versions tbody tr").eachAttr("data-code"))
                .contains("TT23_2012", "TT124_2021", "TT48_2025");
        assertThat(doc.select("table.rulebook-criteria").eachAttr("data-kind"))
                .containsExactly("RESIDENTIAL_AREA", "COMMUNE", "AGENCY", "ENTERPRISE", "SCHOOL");
        var households = doc.selectFirst("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=HOUSEHOLDS_REGISTERED]");
        assertThat(households.text())
                .contains(
                        "Điều 4.1",
                        "100% hộ gia đình đăng ký tham gia",
                        "100% of resident households registered",
                        "Tỷ lệ tối thiểu (%): 100");
        assertThat(households.select(".editable")).isEmpty();
        var drugUsers = doc.selectFirst("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=NO_NEW_DRUG_USERS]");
        assertThat(drugUsers.select(".editable").text()).isEqualTo("có thể điều chỉnh");
        assertThat(doc.select(".adopt-links a").attr("href"))
                .isEqualTo("/evaluation/units/" + nd.province() + "/rulebooks");

        Document english = Jsoup.parse(officer.getPage("/evaluation/rulebooks?lang=en&id=" + id("TT124_2021", 1))
                .body());
        assertThat(english.selectFirst("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=NO_NEW_DRUG_USERS]")
                        .text())
                .contains("editable", "Most incidents allowed: 0");
        officer.getPage("/evaluation/rulebooks?lang=vi");

        Document viewer = Jsoup.parse(signedIn(RulebooksFixture.VIEWER)
                .getPage("/evaluation/rulebooks")
                .body());
        assertThat(viewer.select(".adopt-links")).isEmpty();
        assertThat(viewer.select("table.rulebook-versions tr.table-active").attr("data-code"))
                .isEqualTo("TT48_2025");
    }

    @Test
    void theFormAdoptsAVersionWithTheChangedThresholdsAndRefusesAForgedChangeNamingIt() {
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        String path = "/evaluation/units/" + nd.province() + "/rulebooks";
        Document form = Jsoup.parse(officer.getPage(path).body());
        assertThat(form.select("form.adopt-form")).hasSize(1);
        assertThat(form.select("input[name=p.RESIDENTIAL_AREA.DISPUTES_MEDIATED.minPercent]")
                        .attr("value"))
                .isEqualTo("0");
        assertThat(form.select("input[name^=p.RESIDENTIAL_AREA.HOUSEHOLDS_REGISTERED]"))
                .isEmpty();

        long before = versions();
        String rows = criteriaRows();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("_csrf", form.selectFirst("input[name=_csrf]").attr("value"));
        forged.put("effectiveFrom", "2027-01-01");
        forged.put("p.RESIDENTIAL_AREA.HOUSEHOLDS_REGISTERED.minPercent", "90");
        Document refused = Jsoup.parse(officer.postForm(path, forged).body());
        assertThat(refused.select(".rulebook-error").text())
                .contains("Điều chỉnh ngưỡng", "HOUSEHOLDS_REGISTERED", "không được điều chỉnh");
        assertThat(versions()).isEqualTo(before);
        assertThat(criteriaRows()).isEqualTo(rows);

        Map<String, String> fields = new LinkedHashMap<>();
        form.select("form.adopt-form input").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.put("effectiveFrom", "2027-01-01");
        fields.put("p.RESIDENTIAL_AREA.DISPUTES_MEDIATED.minPercent", "75");
        fields.put("addKind", "RESIDENTIAL_AREA");
        fields.put("addCriterion", "SECURITY_PLAN");
        fields.put("addArticle", "QĐ 21/2026/QĐ-UBND");
        fields.put("addNameVi", "Có phương án bảo đảm an ninh, trật tự của thôn");
        fields.put("addNameEn", "A village security plan");
        fields.put("addParams", "");
        HttpResponse<String> adopted = officer.postForm(path, fields);
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(302);
        assertThat(versions()).isEqualTo(before + 1);
        long newId = jdbc.sql("SELECT max(id) FROM rulebook").query(Long.class).single();
        assertThat(adopted.headers().firstValue("Location").orElseThrow())
                .endsWith("/evaluation/rulebooks?id=" + newId);
        assertThat(jdbc.sql("""
                SELECT string_agg(criterion || ' ' || params::text, '; ' ORDER BY position) FROM rulebook_criterion
                 WHERE rulebook_id = :id AND unit_kind = 'RESIDENTIAL_AREA' AND (provincial OR criterion = 'DISPUTES_MEDIATED')""").param("id", newId).query(String.class).single())
                .isEqualTo("DISPUTES_MEDIATED {\"minPercent\": \"75\"}; SECURITY_PLAN {}");
        Document shown = Jsoup.parse(officer.getPage(
                        adopted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body());
        assertThat(shown.select(".rulebook-adopted").text()).contains("TT48_2025-36");
        assertThat(shown.select("table[data-kind=RESIDENTIAL_AREA] tr[data-criterion=SECURITY_PLAN] .provincial"))
                .hasSize(1);
    }

    @Test
    void aUnitThatIsNotAProvinceGetsAMessageNotAForm() {
        WebSession officer = signedIn(RulebooksFixture.PROVINCIAL);
        HttpResponse<String> page = officer.getPage("/evaluation/units/" + nd.commune() + "/rulebooks");
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select(".rulebook-error").text()).contains("không phải là tỉnh");
        assertThat(doc.select("form.adopt-form")).isEmpty();
    }
}
