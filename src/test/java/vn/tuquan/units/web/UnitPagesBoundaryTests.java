package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitBoundaries.BoundaryImportSummary;
import vn.tuquan.units.Units;

/** Boundaries imported from the real GeoJSON files, and served to the unit page's map. */
@TuquanTest
@TestPropertySource(properties = UnitPagesData.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPagesBoundaryTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Units units;

    @Autowired
    UnitBoundaries boundaries;

    @Autowired
    JdbcClient jdbc;

    WebSession session;

    @BeforeAll
    void load(@Autowired OfficialLists lists, @Autowired LocalUnits localUnits, @Autowired UserAccounts accounts) {
        UnitPagesData.load(lists, boundaries, localUnits, units, accounts);
        session = new WebSession(port);
        session.signIn(UnitPagesData.USERNAME, UnitPagesData.PASSWORD);
    }

    @Test
    void ninhBinhAndItsWardsHaveTheirBoundariesAndAReImportChangesNothing() {
        assertThat(count("SELECT count(*) FROM unit_boundary WHERE valid_from = DATE '2025-07-01'"))
                .isEqualTo(130);
        long importsBefore = count("SELECT count(*) FROM unit_import WHERE kind = 'BOUNDARIES'");

        BoundaryImportSummary again = boundaries.importFiles(
                Caller.SYSTEM, UnitPagesData.ninhBinhGeoFiles(), UnitPagesData.REFORM, Optional.empty());
        assertThat(again.inserted()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(130);
        assertThat(count("SELECT count(*) FROM unit_boundary WHERE valid_from = DATE '2025-07-01'"))
                .isEqualTo(130);
        assertThat(count("SELECT count(*) FROM unit_import WHERE kind = 'BOUNDARIES'"))
                .isEqualTo(importsBefore);
    }

    @Test
    void theOldDistrictFileOfNamDinhMatchesItsTenDistrictsOf2022() {
        assertThat(count("SELECT count(*) FROM unit_boundary WHERE valid_from = DATE '2022-10-01'"))
                .isEqualTo(10);
        BoundaryImportSummary again = boundaries.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("geo/old_pre2025/vn_districts_old_dvhcvn_simplified.geojson")),
                UnitPagesData.LIST_2022,
                Optional.of("36"));
        assertThat(again.unchanged()).isEqualTo(10);
        assertThat(again.skipped()).isEqualTo(692 - 10);
    }

    @Test
    void unknownCodesRefuseTheWholeFileAndAreListed() {
        long before = count("SELECT count(*) FROM unit_boundary");
        ImportRefusedException refused = catchThrowableOfType(
                ImportRefusedException.class,
                () -> boundaries.importFiles(
                        Caller.SYSTEM,
                        List.of(AdminUnitsData.file("geo/old_pre2025/vn_districts_old_dvhcvn_simplified.geojson")),
                        UnitPagesData.REFORM,
                        Optional.of("36")));
        assertThat(refused.problems())
                .hasSize(10)
                .allSatisfy(p -> assertThat(p.messageKey()).isEqualTo("units.boundaries.error.unknownCode"));
        assertThat(refused.problems()).extracting(p -> p.arguments().get(0)).contains("366", "358");
        assertThat(count("SELECT count(*) FROM unit_boundary")).isEqualTo(before);
    }

    @Test
    void theMapJsonOfAProvinceHoldsItAndItsWardsWithLinksData() {
        long ninhBinh = units.findByCode(Scope.WHOLE_COUNTRY, "37", UnitPagesData.REFORM)
                .orElseThrow()
                .id();
        JsonNode map = mapJson("/units/" + ninhBinh + "/map.json?asOf=2026-01-01");
        assertThat(map.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(map.path("features").size()).isEqualTo(130);
        JsonNode first = map.path("features").get(0);
        assertThat(first.path("properties").path("role").asString()).isEqualTo("unit");
        assertThat(first.path("properties").path("name").asString()).isEqualTo("Tỉnh Ninh Bình");
        assertThat(first.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(map.path("features").get(1).path("properties").path("role").asString())
                .isEqualTo("child");

        long haiHau = units.findByCode(Scope.WHOLE_COUNTRY, "14215", UnitPagesData.REFORM)
                .orElseThrow()
                .id();
        JsonNode ward = mapJson("/units/" + haiHau + "/map.json?asOf=2026-01-01");
        assertThat(ward.path("features").size()).isEqualTo(1);
        assertThat(ward.path("features").get(0).path("properties").path("name").asString())
                .isEqualTo("Xã Hải Hậu");

        var page = Jsoup.parse(
                session.getPage("/units/" + ninhBinh + "?asOf=2026-01-01").body());
        assertThat(page.selectFirst("#unit-map").attr("data-map-url"))
                .isEqualTo("/units/" + ninhBinh + "/map.json?asOf=2026-01-01");
        assertThat(page.select("script[src]").eachAttr("src"))
                .anySatisfy(s -> assertThat(s).contains("leaflet"));
    }

    @Test
    void aBoundaryServesTheVersionItWasImportedInAndLaterDatesUntilANewerOne() {
        long namDinh = units.findByCode(Scope.WHOLE_COUNTRY, "36", UnitPagesData.LIST_2022)
                .orElseThrow()
                .id();
        assertThat(mapJson("/units/" + namDinh + "/map.json?asOf=2024-01-01")
                        .path("features")
                        .size())
                .as("10 districts, no boundary of the province itself")
                .isEqualTo(10);
        assertThat(mapJson("/units/" + namDinh + "/map.json?asOf=2025-03-01")
                        .path("features")
                        .size())
                .as("Mỹ Lộc merged into the city in December 2024")
                .isEqualTo(9);
        long haiHau = units.findByCode(Scope.WHOLE_COUNTRY, "366", UnitPagesData.LIST_2022)
                .orElseThrow()
                .id();
        assertThat(mapJson("/units/" + haiHau + "/map.json?asOf=2020-01-01")
                        .path("features")
                        .size())
                .as("the version of 2019-2025 holds the boundary imported as of 2022")
                .isEqualTo(1);
        long haiTrung = units.findByCode(Scope.WHOLE_COUNTRY, "14227", UnitPagesData.LIST_2022)
                .orElseThrow()
                .id();
        var page = Jsoup.parse(
                session.getPage("/units/" + haiTrung + "?asOf=2024-01-01").body());
        assertThat(page.select("#unit-map"))
                .as("no boundary for the old communes")
                .isEmpty();
        assertThat(page.select("script[src]").eachAttr("src"))
                .noneSatisfy(s -> assertThat(s).contains("leaflet"));
    }

    private JsonNode mapJson(String path) {
        HttpResponse<String> response = session.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
