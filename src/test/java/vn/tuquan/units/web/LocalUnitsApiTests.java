package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The local units' REST API over real HTTP, signed in, with CSRF, on the real database. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=local-units")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalUnitsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    UnitView namMy;
    UnitView dienXa;
    UnitsHttp http;

    @BeforeAll
    void setUp() {
        NamDinh.ensureImported(lists, units);
        TestUsers.administrator(accounts, NamDinh.USERNAME, "Cán Bộ Đơn Vị", NamDinh.PASSWORD);
        namMy = NamDinh.commune(units, NamDinh.NAM_MY);
        dienXa = NamDinh.commune(units, NamDinh.DIEN_XA);
        http = new UnitsHttp(port).signIn(NamDinh.USERNAME, NamDinh.PASSWORD);
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    long versions() {
        return jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single();
    }

    @Test
    void createEditMoveAndCloseKeepEveryVersionAndTheEarlierTree() {
        HttpResponse<String> created = http.json(
                "POST",
                "/api/v1/local-units",
                body(
                        "parentId",
                        namMy.id(),
                        "kind",
                        "RESIDENTIAL_AREA",
                        "subkind",
                        "THON",
                        "code",
                        "NM-01",
                        "name",
                        "Thôn  Đông",
                        "validFrom",
                        "2020-01-01"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode thon = UnitsHttp.tree(created);
        long id = thon.get("id").asLong();
        assertThat(thon.get("name").asString()).isEqualTo("Thôn Đông");
        assertThat(thon.get("subkind").asString()).isEqualTo("THON");
        assertThat(thon.get("path").asString()).isEqualTo(namMy.path() + id + "/");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/local-units/" + id);

        HttpResponse<String> enterprise = http.json(
                "POST",
                "/api/v1/local-units",
                body(
                        "parentId",
                        id,
                        "kind",
                        "ENTERPRISE",
                        "name",
                        "Công ty TNHH Dệt Nam Mỹ",
                        "sector",
                        "dệt may",
                        "hasPartyOrganisation",
                        true,
                        "staffCount",
                        120,
                        "exclusion",
                        "",
                        "validFrom",
                        "2020-03-01"));
        assertThat(enterprise.statusCode()).as(enterprise.body()).isEqualTo(201);
        long enterpriseId = UnitsHttp.tree(enterprise).get("id").asLong();
        assertThat(UnitsHttp.tree(enterprise)
                        .get("organisation")
                        .get("staffCount")
                        .asInt())
                .isEqualTo(120);

        HttpResponse<String> edited = http.json(
                "PUT",
                "/api/v1/local-units/" + id,
                body("subkind", "THON", "code", "NM-01", "name", "Thôn Đông Hải", "validFrom", "2021-01-01"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(UnitsHttp.tree(edited).get("change").asString()).isEqualTo("RENAMED");

        HttpResponse<String> moved = http.json(
                "POST", "/api/v1/local-units/" + id + "/move", body("parentId", dienXa.id(), "from", "2022-01-01"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(UnitsHttp.tree(moved).get("parentId").asLong()).isEqualTo(dienXa.id());

        HttpResponse<String> closed =
                http.json("POST", "/api/v1/local-units/" + id + "/close", body("on", "2023-01-01"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);

        List<UnitView> history = units.history(Scope.WHOLE_COUNTRY, id);
        assertThat(history).extracting(UnitView::change).containsExactly("CREATED", "RENAMED", "MOVED");
        assertThat(history)
                .extracting(UnitView::validFrom)
                .containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1));
        assertThat(history.get(2).validTo()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(UnitsHttp.tree(http.json("GET", "/api/v1/local-units/" + id + "/history", null))
                        .size())
                .isEqualTo(3);

        LocalDate early = LocalDate.of(2020, 6, 1);
        assertThat(units.children(Scope.WHOLE_COUNTRY, namMy.id(), early))
                .extracting(UnitView::name)
                .contains("Thôn Đông");
        assertThat(units.children(Scope.WHOLE_COUNTRY, dienXa.id(), early))
                .extracting(UnitView::id)
                .doesNotContain(id);
        assertThat(units.find(Scope.WHOLE_COUNTRY, enterpriseId, early)
                        .orElseThrow()
                        .path())
                .isEqualTo(namMy.path() + id + "/" + enterpriseId + "/");

        LocalDate afterMove = LocalDate.of(2022, 6, 1);
        assertThat(units.children(Scope.WHOLE_COUNTRY, dienXa.id(), afterMove))
                .extracting(UnitView::name)
                .contains("Thôn Đông Hải");
        assertThat(units.children(Scope.WHOLE_COUNTRY, namMy.id(), afterMove))
                .extracting(UnitView::id)
                .doesNotContain(id);
        assertThat(units.find(Scope.WHOLE_COUNTRY, enterpriseId, afterMove)
                        .orElseThrow()
                        .path())
                .isEqualTo(dienXa.path() + id + "/" + enterpriseId + "/");

        LocalDate afterClose = LocalDate.of(2023, 6, 1);
        assertThat(units.find(Scope.WHOLE_COUNTRY, id, afterClose)).isEmpty();
        assertThat(units.find(Scope.WHOLE_COUNTRY, enterpriseId, afterClose)).isEmpty();
        assertThat(http.json("GET", "/api/v1/local-units/" + id + "?asOf=2020-06-01", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUnitMovedOutOfAScopeLeavesItAtOnceThoughScopeAnswersAreKeptAFewSeconds() {
        Scope namMyOnly = Scope.of(java.util.Set.of(namMy.id()));
        HttpResponse<String> created = http.json(
                "POST",
                "/api/v1/local-units",
                body(
                        "parentId",
                        namMy.id(),
                        "kind",
                        "RESIDENTIAL_AREA",
                        "subkind",
                        "THON",
                        "code",
                        "NM-K1",
                        "name",
                        "Xóm Giữ",
                        "validFrom",
                        "2024-01-01"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = UnitsHttp.tree(created).get("id").asLong();
        // read twice: the second answer comes from what is kept (tuquan.security.access-cache-millis)
        assertThat(units.latest(namMyOnly, id)).map(UnitView::name).hasValue("Xóm Giữ");
        assertThat(units.latest(namMyOnly, id)).map(UnitView::name).hasValue("Xóm Giữ");

        HttpResponse<String> moved = http.json(
                "POST", "/api/v1/local-units/" + id + "/move", body("parentId", dienXa.id(), "from", "2024-06-01"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> units.latest(namMyOnly, id))
                .isInstanceOf(vn.tuquan.shared.AccessRefusedException.class);
        assertThat(units.latest(Scope.of(java.util.Set.of(dienXa.id())), id))
                .map(UnitView::parentId)
                .hasValue(dienXa.id());
    }

    @Test
    void aBadCreateIsA400ProblemNamingEachFieldAndWritesNothing() {
        long before = versions();
        HttpResponse<String> refused = http.json(
                "POST",
                "/api/v1/local-units",
                body(
                        "parentId",
                        namMy.id(),
                        "kind",
                        "RESIDENTIAL_AREA",
                        "subkind",
                        "LANG",
                        "name",
                        " ",
                        "staffCount",
                        -3,
                        "exclusion",
                        "MILITARY"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = UnitsHttp.tree(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
        Map<String, String> errors = errors(problem);
        assertThat(errors)
                .containsEntry("name", "cần nhập tên")
                .containsEntry("subkind", "khu dân cư cần chọn: thôn, xóm, ấp, bản, tổ dân phố hoặc khu phố")
                .containsEntry("staffCount", "số cán bộ, nhân viên không thể âm")
                .containsKey("exclusion");
        assertThat(versions()).isEqualTo(before);

        HttpResponse<String> english = http.json(
                "POST",
                "/api/v1/local-units",
                body("parentId", namMy.id(), "kind", "PAGODA", "name", ""),
                "Accept-Language",
                "en-GB,en;q=0.9");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(errors(UnitsHttp.tree(english))).containsEntry("name", "the name is required");

        HttpResponse<String> wrongParent = http.json(
                "POST",
                "/api/v1/local-units",
                body("parentId", NamDinh.commune(units, "36").id(), "kind", "SCHOOL", "name", "Trường THPT Nam Trực"));
        assertThat(wrongParent.statusCode()).isEqualTo(400);
        assertThat(errors(UnitsHttp.tree(wrongParent))).containsEntry("parentId", "trường học không thể thuộc tỉnh");

        HttpResponse<String> wrongExclusion = http.json(
                "POST",
                "/api/v1/local-units",
                body(
                        "parentId",
                        namMy.id(),
                        "kind",
                        "ENTERPRISE",
                        "subkind",
                        "thôn",
                        "name",
                        "Công ty Xây dựng Nam Mỹ",
                        "exclusion",
                        "PRIMARY_SCHOOL"));
        assertThat(errors(UnitsHttp.tree(wrongExclusion)))
                .containsEntry("exclusion", "loại trừ \"trường tiểu học\" chỉ áp dụng cho trường học")
                .containsEntry("subkind", "thôn chỉ dùng cho khu dân cư");

        HttpResponse<String> wrongType = http.json(
                "POST",
                "/api/v1/local-units",
                body("parentId", namMy.id(), "kind", "AGENCY", "name", "Công an xã Nam Mỹ", "staffCount", "mười hai"));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(errors(UnitsHttp.tree(wrongType))).containsOnlyKeys("staffCount");
        HttpResponse<String> badDate = http.json(
                "POST",
                "/api/v1/local-units",
                body("parentId", namMy.id(), "kind", "AGENCY", "name", "Công an xã Nam Mỹ", "validFrom", "2024-13-40"));
        assertThat(errors(UnitsHttp.tree(badDate)))
                .containsEntry("validFrom", "giá trị không đúng kiểu (số, ngày dạng 2024-03-01, true/false hoặc chữ)");

        HttpResponse<String> official = http.json(
                "POST", "/api/v1/local-units", body("parentId", namMy.id(), "kind", "COMMUNE", "name", "Xã Mới"));
        assertThat(errors(UnitsHttp.tree(official))).containsEntry("kind", "loại đơn vị không hợp lệ");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void anUnknownIdIsA404Problem() {
        for (HttpResponse<String> response : List.of(
                http.json("PUT", "/api/v1/local-units/987654321", body("name", "Thôn Ma")),
                http.json("POST", "/api/v1/local-units/987654321/move", body("parentId", namMy.id())),
                http.json("POST", "/api/v1/local-units/987654321/close", body("on", "2024-01-01")),
                http.json("GET", "/api/v1/local-units/987654321", null))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(UnitsHttp.tree(response).get("detail").asString())
                    .isEqualTo("Không có khu dân cư hoặc tổ chức mã số 987654321.");
        }
    }

    @Test
    void officialUnitsAndChangesBeforeALaterChangeAreRefused() {
        HttpResponse<String> commune = http.json("PUT", "/api/v1/local-units/" + namMy.id(), body("name", "Xã Khác"));
        assertThat(commune.statusCode()).isEqualTo(400);
        assertThat(errors(UnitsHttp.tree(commune)))
                .containsEntry("id", "đơn vị hành chính chỉ thay đổi qua danh mục chính thức");

        long id = UnitsHttp.tree(http.json(
                        "POST",
                        "/api/v1/local-units",
                        body(
                                "parentId",
                                namMy.id(),
                                "kind",
                                "khu dân cư",
                                "subkind",
                                "xóm",
                                "name",
                                "Xóm Chợ",
                                "validFrom",
                                "2020-01-01")))
                .get("id")
                .asLong();
        assertThat(http.json(
                                "PUT",
                                "/api/v1/local-units/" + id,
                                body("subkind", "XOM", "name", "Xóm Chợ Mới", "validFrom", "2024-01-01"))
                        .statusCode())
                .isEqualTo(200);
        long before = versions();
        HttpResponse<String> earlier = http.json(
                "PUT",
                "/api/v1/local-units/" + id,
                body("subkind", "XOM", "name", "Xóm Chợ Cũ", "validFrom", "2022-01-01"));
        assertThat(earlier.statusCode()).isEqualTo(400);
        assertThat(errors(UnitsHttp.tree(earlier)))
                .containsEntry(
                        "validFrom", "đơn vị đã có thay đổi từ ngày 01/01/2024; chỉ có thể thay đổi từ ngày đó trở đi");
        assertThat(versions()).isEqualTo(before);

        long area = UnitsHttp.tree(http.json(
                        "POST",
                        "/api/v1/local-units",
                        body(
                                "parentId",
                                namMy.id(),
                                "kind",
                                "RESIDENTIAL_AREA",
                                "subkind",
                                "AP",
                                "name",
                                "Ấp Bến",
                                "validFrom",
                                "2020-01-01")))
                .get("id")
                .asLong();
        assertThat(http.json(
                                "POST",
                                "/api/v1/local-units",
                                body("parentId", area, "kind", "PAGODA", "name", "Chùa Bến", "validFrom", "2024-05-01"))
                        .statusCode())
                .isEqualTo(201);
        long withChild = versions();
        HttpResponse<String> move = http.json(
                "POST", "/api/v1/local-units/" + area + "/move", body("parentId", dienXa.id(), "from", "2022-01-01"));
        assertThat(move.statusCode()).isEqualTo(400);
        assertThat(errors(UnitsHttp.tree(move)))
                .containsEntry(
                        "from",
                        "đơn vị trực thuộc \"Chùa Bến\" có thay đổi từ ngày 01/05/2024; chỉ có thể thay đổi từ ngày đó trở đi");
        HttpResponse<String> close =
                http.json("POST", "/api/v1/local-units/" + area + "/close", body("on", "2023-01-01"));
        assertThat(errors(UnitsHttp.tree(close))).containsKey("on");
        assertThat(versions()).isEqualTo(withChild);
        assertThat(http.json(
                                "POST",
                                "/api/v1/local-units/" + area + "/move",
                                body("parentId", dienXa.id(), "from", "2025-01-01"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(units.find(Scope.WHOLE_COUNTRY, area, LocalDate.of(2025, 2, 1))
                        .orElseThrow()
                        .parentId())
                .isEqualTo(dienXa.id());
    }

    @Test
    void withoutTheCsrfTokenTheApiRefuses() {
        UnitsHttp noToken = new UnitsHttp(port).signIn(NamDinh.USERNAME, NamDinh.PASSWORD);
        HttpResponse<String> response = noToken.jsonWithoutCsrf(
                "POST",
                "/api/v1/local-units",
                body("parentId", namMy.id(), "kind", "PAGODA", "name", "Chùa Không Token"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(units.search(
                        Scope.WHOLE_COUNTRY,
                        "Chùa Không Token",
                        Dates.today(),
                        java.util.Set.of(UnitKind.PAGODA),
                        java.util.Optional.empty(),
                        5))
                .isEmpty();
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        JsonNode docs = UnitsHttp.tree(http.json("GET", "/v3/api-docs", null));
        assertThat(docs.get("paths").propertyNames())
                .contains(
                        "/api/v1/local-units",
                        "/api/v1/local-units/{id}",
                        "/api/v1/local-units/{id}/move",
                        "/api/v1/local-units/{id}/close",
                        "/api/v1/local-units/import");
        assertThat(docs.get("paths")
                        .get("/api/v1/local-units")
                        .get("post")
                        .get("tags")
                        .get(0)
                        .asString())
                .isEqualTo("local-units");
    }

    static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<JsonNode> list = new ArrayList<>();
        problem.get("errors").forEach(list::add);
        list.forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        return errors;
    }
}
