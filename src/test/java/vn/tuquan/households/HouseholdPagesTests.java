package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdPagesTests {

    static final String PASSWORD = "mat-khau-xa-hai-minh-2026";

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Households households;

    @Autowired
    Commitments commitments;

    @BeforeAll
    void data() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        TestUsers.withRoles(
                accounts,
                "canbo.haiminh",
                "Lê Văn Bình",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(HouseholdsFixture.haiMinh())),
                Scope.of(Set.of(HouseholdsFixture.haiMinh())));
        households.add(
                Caller.SYSTEM,
                HouseholdsFixture.area(4),
                new HouseholdForm("PG-1", "Nguyễn Thị Hoa", "Xóm 5", 3, true),
                LocalDate.of(2023, 2, 1));
    }

    @Test
    void aCommuneOfficerSeesAnAreaAddsAHouseholdAndRecordsItsCommitment() {
        WebSession web = new WebSession(port);
        web.signIn("canbo.haiminh", PASSWORD);
        String path = "/households/areas/" + HouseholdsFixture.area(4);
        Document page = Jsoup.parse(web.getPage(path).body());
        assertThat(page.select("td").eachText()).contains("PG-1", "Nguyễn Thị Hoa", "Chưa đăng ký");
        assertThat(page.selectFirst("#rate").text()).isEqualTo("Đã đăng ký: 0% (0/1 hộ)");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", web.csrfToken(path));
        form.put("code", "PG-1");
        form.put("headName", "Người Trùng Mã");
        form.put("members", "2");
        Document refused = Jsoup.parse(web.postForm(path, form).body());
        assertThat(refused.selectFirst(".alert-danger").text()).isEqualTo("Mã hộ PG-1 đã có trong khu dân cư.");

        form.put("code", "PG-2");
        form.put("headName", "Trần Văn Nam");
        HttpResponse<String> added = web.postForm(path, form);
        assertThat(added.statusCode()).isEqualTo(302);

        String commitmentsPath = path + "/commitments";
        Document tick = Jsoup.parse(web.getPage(commitmentsPath).body());
        Map<String, String> ticks = new LinkedHashMap<>();
        ticks.put("_csrf", tick.selectFirst("input[name=_csrf]").attr("value"));
        ticks.put("household", tick.select("input[name=household]").first().attr("value"));
        Document saved = Jsoup.parse(web.postForm(commitmentsPath, ticks).body());
        assertThat(saved.selectFirst("#rate").text()).isEqualTo("Đã đăng ký: 50% (1/2 hộ)");

        assertThat(web.getPage("/households/areas/" + HouseholdsFixture.area(6)).statusCode())
                .as("an area of another commune")
                .isEqualTo(403);
        // the export: every household of the area the officer sees today, with the period's registrations
        Scope view = Scope.of(Set.of(HouseholdsFixture.haiMinh()));
        int year = Period.residentialAreaOn(Dates.today()).year();
        List<Household> records = households.inArea(view, HouseholdsFixture.area(4), Dates.today());
        Set<Long> registered = commitments.registered(view, HouseholdsFixture.area(4), year);
        long ticked = Long.parseLong(ticks.get("household"));
        assertThat(records).extracting(Household::code).containsExactlyInAnyOrder("PG-1", "PG-2");
        assertThat(registered).containsExactly(ticked);
        List<List<String>> sheet = Workbooks.rows(web.getBytes(path + "/households.xlsx"));
        assertThat(sheet.get(0))
                .containsExactly("Mã hộ", "Chủ hộ", "Địa chỉ", "Số nhân khẩu", "Hộ Công giáo", "Đã đăng ký");
        assertThat(sheet.subList(1, sheet.size()))
                .containsExactlyElementsOf(records.stream()
                        .map(h -> Workbooks.row(
                                h.code(),
                                h.headName(),
                                h.address(),
                                h.members(),
                                h.catholic() ? "Có" : null,
                                registered.contains(h.id()) ? year : null))
                        .toList());
        assertThat(sheet)
                .contains(Workbooks.row(
                        "PG-1",
                        "Nguyễn Thị Hoa",
                        "Xóm 5",
                        3,
                        "Có",
                        records.stream()
                                                .filter(h -> h.code().equals("PG-1"))
                                                .findFirst()
                                                .orElseThrow()
                                                .id()
                                        == ticked
                                ? year
                                : null));
        assertThat(sheet)
                .contains(Workbooks.row(
                        "PG-2",
                        "Trần Văn Nam",
                        null,
                        2,
                        null,
                        records.stream()
                                                .filter(h -> h.code().equals("PG-2"))
                                                .findFirst()
                                                .orElseThrow()
                                                .id()
                                        == ticked
                                ? year
                                : null));
        assertThat(web.get("/api/v1/households/units/" + HouseholdsFixture.haiMinh() + "/rates")
                        .body())
                .contains("\"areaId\":" + HouseholdsFixture.area(4));
    }
}
