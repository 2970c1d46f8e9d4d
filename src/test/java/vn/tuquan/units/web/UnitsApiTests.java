package vn.tuquan.units.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.units.NationalLists;
import vn.tuquan.units.OfficialLists;

/** The tree API over real HTTP, on the real national lists. */
@TuquanTest
@TestPropertySource(properties = NationalLists.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    UserAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();
    WebSession session;

    @BeforeAll
    void importTheNationalLists() {
        NationalLists.importOnce(lists);
    }

    @BeforeEach
    void signIn() {
        TestUsers.administrator(accounts, "can.bo.tinh", "Cán bộ tỉnh", "mat-khau-can-bo-tinh");
        session = new WebSession(port);
        session.signIn("can.bo.tinh", "mat-khau-can-bo-tinh");
    }

    @Test
    void aCodeAsOfADateAndWhereItLeads() {
        JsonNode in2022 = get("/api/v1/units/by-code?code=13636&asOf=2022-10-01");
        assertThat(in2022.get("name").asString()).isEqualTo("Phường Trần Tế Xương");
        JsonNode in2025 = get("/api/v1/units/by-code?code=13636&asOf=2025-03-01");
        assertThat(in2025.get("name").asString()).isEqualTo("Phường Vị Xuyên");
        long id = in2025.get("id").asLong();

        JsonNode successors = get("/api/v1/units/" + id + "/successors");
        assertThat(successors.get(0).get("successorName").asString()).isEqualTo("Phường Nam Định");
        assertThat(successors.get(0).get("whole").asBoolean()).isTrue();

        JsonNode history = get("/api/v1/units/" + id + "/history");
        assertThat(history.size()).isGreaterThanOrEqualTo(2);
        assertThat(history.get(history.size() - 1).get("validTo").asString()).isEqualTo("2025-07-01");

        JsonNode ancestors = get("/api/v1/units/" + id + "/ancestors?asOf=2022-10-01");
        assertThat(ancestors.findValuesAsString("name")).containsExactly("Tỉnh Nam Định", "Thành phố Nam Định");
    }

    @Test
    void childrenSubtreeAndSearch() {
        long namDinh =
                get("/api/v1/units/by-code?code=36&asOf=2022-10-01").get("id").asLong();
        assertThat(get("/api/v1/units/" + namDinh + "/children?asOf=2022-10-01").size())
                .isEqualTo(10);
        JsonNode page = get("/api/v1/units/" + namDinh + "/subtree?asOf=2022-10-01&kind=COMMUNE&limit=200");
        assertThat(page.get("units").size()).isEqualTo(200);
        assertThat(page.get("more").asBoolean()).isTrue();
        JsonNode rest = get("/api/v1/units/" + namDinh + "/subtree?asOf=2022-10-01&kind=COMMUNE&limit=200&offset=200");
        assertThat(rest.get("units").size()).isEqualTo(26);
        assertThat(rest.get("more").asBoolean()).isFalse();

        JsonNode hits = get("/api/v1/units/search?q=hai%20hau&asOf=2022-10-01");
        assertThat(hits.get(0).get("fullName").asString()).isEqualTo("Huyện Hải Hậu, Tỉnh Nam Định");
        assertThat(get("/api/v1/units?asOf=2025-07-01").size()).isEqualTo(34);
    }

    /** The path of before issue 13.18 ({@code /by-code/{code}}) still answers, as the documented one does. */
    @Test
    void theCodeInThePathStillAnswersAsTheDocumentedQuery() {
        JsonNode documented = get("/api/v1/units/by-code?code=13636&asOf=2022-10-01");
        assertThat(get("/api/v1/units/by-code/13636?asOf=2022-10-01")).isEqualTo(documented);
        assertThat(session.get("/api/v1/units/by-code?code=99999&asOf=2022-10-01")
                        .statusCode())
                .isEqualTo(404);
        assertThat(session.get("/api/v1/units/by-code/99999?asOf=2022-10-01").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aUnitThatDidNotExistThenIsA404Problem() {
        long namDinh =
                get("/api/v1/units/by-code?code=36&asOf=2022-10-01").get("id").asLong();
        HttpResponse<String> gone = session.get("/api/v1/units/" + namDinh + "?asOf=2025-07-01");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(gone.body()).get("title").asString()).isEqualTo("Không tìm thấy");
        HttpResponse<String> badDate = session.get("/api/v1/units/" + namDinh + "?asOf=31-12-2020");
        assertThat(badDate.statusCode()).isEqualTo(400);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
