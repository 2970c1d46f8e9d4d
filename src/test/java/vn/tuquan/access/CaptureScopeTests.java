package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.ScopeFixture;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.evaluation.SubmittingSelfAssessments;
import vn.tuquan.households.Household;
import vn.tuquan.households.Households;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * A commune officer whose capture scope (Xã Hải Minh) is smaller than their view scope (Huyện Hải
 * Hậu, which holds Xã Hải Vân too), over HTTP on the demo's data: in Hải Vân they read every
 * register, and every write is refused with 403 — incidents, households, hotspots, movement models
 * and the evaluation's self-assessment, through the API and the pages — while the very same request
 * on Hải Minh is accepted (so the refusal is the scope's, not the request's). Nothing is written in
 * Hải Vân.
 */
@TuquanTest
@ActiveProfiles("demo")
@TestPropertySource(properties = ScopeFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureScopeTests {

    static final int YEAR = 2017;

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    @Autowired
    Incidents incidents;

    @Autowired
    Households households;

    @Autowired
    Evaluations evaluations;

    @Autowired
    SubmittingSelfAssessments selfAssessments;

    @Autowired
    JdbcClient jdbc;

    WebSession web;
    String csrf;
    long haiMinh;
    long haiVan;
    long district;
    /** Residential areas: one of Hải Minh (the capture scope), one of Hải Vân (only seen). */
    long inside;

    long outside;

    @BeforeAll
    void signIn(@Autowired OfficialLists lists, @Autowired LocalUnits localUnits, @Autowired UserAccounts accounts) {
        ScopeFixture.ensure(lists, units, localUnits, accounts);
        haiMinh = ScopeFixture.code(units, "14233").id();
        haiVan = ScopeFixture.code(units, "14230").id();
        district = ScopeFixture.code(units, "366").id();
        List<UnitView> haiMinhAreas = units.children(Scope.WHOLE_COUNTRY, haiMinh, Dates.today()).stream()
                .filter(u -> u.kind() == vn.tuquan.units.UnitKind.RESIDENTIAL_AREA)
                .toList();
        inside = haiMinhAreas.get(0).id(); // registered for 2017 by the demo, its criteria still to enter
        outside =
                ScopeFixture.firstArea(units, ScopeFixture.code(units, "14230")).id();
        if (evaluations
                .find(Scope.WHOLE_COUNTRY, outside, YEAR)
                .map(e -> e.registeredOn() == null)
                .orElse(true)) {
            selfAssessments.register(Caller.SYSTEM, outside, YEAR, LocalDate.of(YEAR, 2, 15));
        }
        web = new WebSession(port);
        assertThat(web.signIn(ScopeFixture.SMALL_CAPTURE, ScopeFixture.PASSWORD).statusCode())
                .isEqualTo(302);
        csrf = Jsoup.parse(web.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    @Test
    void incidents() {
        String form = """
                {"unitId": %d, "categoryCode": "CRIME_THEFT", "severity": "LESS_SERIOUS", "occurredAt": "2025-01-10T08:00:00+07:00",
                 "source": "PATROL", "summary": "Mất trộm xe đạp"}""";
        long before = incidentsIn(haiVan);
        assertThat(api("POST", "/api/v1/order/incidents", form.formatted(outside)))
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/order/incidents", form.formatted(inside)))
                .isEqualTo(201);
        Map<String, String> fields = Map.of(
                "categoryCode",
                "CRIME_THEFT",
                "severity",
                "LESS_SERIOUS",
                "occurredAt",
                "2025-01-10T08:00",
                "source",
                "PATROL",
                "summary",
                "Mất trộm gà");
        assertThat(page("/order/incidents/new", with(fields, "unitId", outside)))
                .isEqualTo(403);
        assertThat(page("/order/incidents/new", with(fields, "unitId", inside))).isEqualTo(302);
        // an incident of Hải Vân: read, not changed
        Incident theirs = incidents
                .list(Scope.WHOLE_COUNTRY, new IncidentFilter(haiVan, null, null, null, null, null, null), 0, 1)
                .incidents()
                .get(0);
        String one = "/api/v1/order/units/" + theirs.unitId() + "/incidents/" + theirs.id();
        assertThat(web.get(one).statusCode()).isEqualTo(200);
        assertThat(api(
                        "POST",
                        one + "/status",
                        "{\"status\": \"" + theirs.status().next().orElse(theirs.status()) + "\"}"))
                .isEqualTo(403);
        assertThat(api("POST", one + "/withdraw", "{\"reason\": \"Ghi nhầm\"}")).isEqualTo(403);
        assertThat(page(
                        "/order/units/" + theirs.unitId() + "/incidents/" + theirs.id() + "/withdraw",
                        Map.of("reason", "Ghi nhầm")))
                .isEqualTo(403);
        assertThat(web.get("/api/v1/order/incidents?unit=" + haiVan).body()).contains("\"id\":" + theirs.id());
        assertThat(web.getPage("/order/incidents?unit=" + haiVan).statusCode()).isEqualTo(200);
        assertThat(incidentsIn(haiVan)).as("nothing written in Hải Vân").isEqualTo(before);
        assertThat(incidents
                        .find(Scope.WHOLE_COUNTRY, theirs.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(theirs.status());
    }

    @Test
    void households() {
        List<Household> theirs = households.inArea(Scope.WHOLE_COUNTRY, outside, Dates.today());
        List<Household> ours = households.inArea(Scope.WHOLE_COUNTRY, inside, Dates.today());
        String form = "{\"code\": \"%s\", \"headName\": \"Trần Văn Mới\", \"address\": \"Xóm giữa\", \"members\": 4}";
        assertThat(api("POST", "/api/v1/households/areas/" + outside + "/households", form.formatted("PV-1")))
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/households/areas/" + inside + "/households", form.formatted("PV-1")))
                .isEqualTo(201);
        Map<String, String> fields = Map.of("code", "PV-2", "headName", "Trần Thị Mới", "members", "3");
        assertThat(page("/households/areas/" + outside, fields)).isEqualTo(403);
        assertThat(page("/households/areas/" + inside, fields)).isEqualTo(302);
        // a household of Hải Vân cannot be changed or moved in; one of Hải Minh cannot be moved out
        assertThat(api(
                        "PUT",
                        "/api/v1/households/" + theirs.get(0).id(),
                        form.formatted(theirs.get(0).code())))
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/households/" + theirs.get(0).id() + "/move", "{\"toAreaId\": " + inside + "}"))
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/households/" + ours.get(0).id() + "/move", "{\"toAreaId\": " + outside + "}"))
                .isEqualTo(403);
        assertThat(page(
                        "/households/areas/" + inside + "/households/"
                                + ours.get(0).id() + "/move",
                        Map.of("toAreaId", Long.toString(outside))))
                .isEqualTo(403);
        assertThat(web.get("/api/v1/households/areas/" + outside + "/households")
                        .body())
                .contains(theirs.get(0).headName());
        assertThat(web.getPage("/households/areas/" + outside).statusCode()).isEqualTo(200);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, outside, Dates.today()))
                .as("nothing written in Hải Vân")
                .isEqualTo(theirs);
        assertThat(households.inArea(Scope.WHOLE_COUNTRY, inside, Dates.today()))
                .extracting(Household::id)
                .contains(ours.get(0).id());
    }

    @Test
    void hotspots() {
        String form = """
                {"name": "Tụ điểm cờ bạc bến đò", "kind": "GAMBLING", "unitIds": [%d], "designatedOn": "2017-03-01",
                 "designatedBy": "Trưởng Công an huyện", "designationNumber": "12/QĐ-CAH", "status": "COMPLEX",
                 "reason": "Tụ tập đánh bạc"}""";
        long before = count("hotspot");
        assertThat(api("POST", "/api/v1/order/hotspots/units/" + haiVan, form.formatted(outside)))
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/order/hotspots/units/" + haiMinh, form.formatted(outside)))
                .as("from the officer's commune, over a village outside it")
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/order/hotspots/units/" + district, form.formatted(inside)))
                .as("as the district, which the officer only sees")
                .isEqualTo(403);
        Map<String, String> fields = Map.of(
                "name",
                "Tụ điểm ma túy bãi sông",
                "kind",
                "DRUGS",
                "designatedOn",
                "2017-04-01",
                "designatedBy",
                "Trưởng Công an huyện",
                "designationNumber",
                "13/QĐ-CAH",
                "status",
                "COMPLEX",
                "reason",
                "Tụ tập sử dụng ma túy");
        assertThat(page("/order/units/" + haiVan + "/hotspots", with(fields, "unitIds", outside)))
                .isEqualTo(403);
        assertThat(page("/order/units/" + haiMinh + "/hotspots", with(fields, "unitIds", outside)))
                .isEqualTo(403);
        assertThat(count("hotspot")).isEqualTo(before);
        assertThat(api("POST", "/api/v1/order/hotspots/units/" + haiMinh, form.formatted(inside)))
                .isEqualTo(201);
        assertThat(page("/order/units/" + haiMinh + "/hotspots", with(fields, "unitIds", inside)))
                .isEqualTo(302);
        assertThat(web.get("/api/v1/order/hotspots/units/" + haiVan).statusCode())
                .isEqualTo(200);
        assertThat(web.getPage("/order/hotspots?unit=" + haiVan).statusCode()).isEqualTo(200);
        assertThat(count("hotspot")).isEqualTo(before + 2);
    }

    @Test
    void movementModels() {
        String form = """
                {"typeCode": "PEOPLES_SECURITY_TEAM", "name": "Tổ an ninh nhân dân mới", "startedOn": "2016-01-01",
                 "leader": "Nguyễn Văn Tổ", "members": 8}""";
        int before = jsonArrayLength(
                web.get("/api/v1/movement/units/" + outside + "/models").body());
        assertThat(api("POST", "/api/v1/movement/units/" + outside + "/models", form))
                .isEqualTo(403);
        assertThat(api("POST", "/api/v1/movement/units/" + inside + "/models", form))
                .isEqualTo(201);
        Map<String, String> fields =
                Map.of("typeCode", "SAFETY_GONG", "name", "Kẻng an ninh", "startedOn", "2016-02-01");
        assertThat(page("/movement/units/" + outside + "/models", fields)).isEqualTo(403);
        assertThat(page("/movement/units/" + inside + "/models", fields)).isIn(200, 302);
        assertThat(web.get("/api/v1/movement/units/" + outside + "/models").statusCode())
                .isEqualTo(200);
        assertThat(web.getPage("/movement/units/" + outside).statusCode()).isEqualTo(200);
        assertThat(jsonArrayLength(
                        web.get("/api/v1/movement/units/" + outside + "/models").body()))
                .as("nothing written in Hải Vân")
                .isEqualTo(before);
    }

    @Test
    void evaluationSelfAssessment() {
        String theirCriterion = evaluations
                .process(Scope.WHOLE_COUNTRY, outside, YEAR)
                .pending()
                .get(0);
        String ourCriterion =
                evaluations.process(Scope.WHOLE_COUNTRY, inside, YEAR).pending().get(0);
        String entry = "{\"criterion\": \"%s\", \"value\": true, \"evidence\": \"Biên bản họp ngày 20/10/2017\"}";
        String base = "/api/v1/evaluation/units/";
        assertThat(api("POST", base + outside + "/years/" + YEAR + "/entries", entry.formatted(theirCriterion)))
                .isEqualTo(403);
        assertThat(page(
                        "/evaluation/units/" + outside + "/years/" + YEAR + "/entries",
                        Map.of("criterion", theirCriterion, "value", "true", "evidence", "Biên bản họp")))
                .isEqualTo(403);
        assertThat(api("POST", base + outside + "/years/" + YEAR + "/submit", "{}"))
                .isEqualTo(403);
        assertThat(api("POST", base + inside + "/years/" + YEAR + "/entries", entry.formatted(ourCriterion)))
                .isEqualTo(200);
        assertThat(web.get(base + outside + "/years/" + YEAR + "/process").statusCode())
                .isEqualTo(200);
        assertThat(web.getPage("/evaluation/units/" + outside + "/years/" + YEAR + "/process")
                        .statusCode())
                .isEqualTo(200);
        assertThat(evaluations.process(Scope.WHOLE_COUNTRY, outside, YEAR).pending())
                .as("nothing entered in Hải Vân")
                .contains(theirCriterion);
        assertThat(evaluations.process(Scope.WHOLE_COUNTRY, inside, YEAR).pending())
                .doesNotContain(ourCriterion);
    }

    private int api(String method, String path, String json) {
        HttpResponse<String> response = web.sendJson(method, path, json);
        return response.statusCode();
    }

    private int page(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        return web.postForm(path, form).statusCode();
    }

    private static Map<String, String> with(Map<String, String> fields, String name, long value) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(name, Long.toString(value));
        return all;
    }

    private long incidentsIn(long commune) {
        return incidents
                .list(Scope.WHOLE_COUNTRY, new IncidentFilter(commune, null, null, null, null, null, null), 0, 1)
                .total();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static int jsonArrayLength(String json) {
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(json)
                .size();
    }
}
