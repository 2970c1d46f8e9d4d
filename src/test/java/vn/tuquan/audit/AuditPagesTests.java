package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.RawKeys;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.evaluation.Rulebooks;
import vn.tuquan.evaluation.rules.PoliceRatedAdvanced;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/** {@code /audit} over real HTTP, signed in: the search form, the entries newest first, the pages. */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=audit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    Rulebooks rulebooks;

    WebSession web;

    @BeforeAll
    void signIn() {
        TestUsers.administrator(accounts, "trang.kiemtoan", "Trang Kiểm Toán", "mat-khau-trang-2026");
        web = new WebSession(port);
        web.signIn("trang.kiemtoan", "mat-khau-trang-2026");
        for (int i = 0; i < AuditLog.PAGE_SIZE + 3; i++) {
            log.recordFor(
                    "trang.kiemtoan",
                    new AuditEntry(
                            AuditAction.UPDATED,
                            "pages",
                            "probe",
                            Integer.toString(i),
                            77L,
                            Map.of("n", i),
                            Map.of("n", i + 1)));
        }
    }

    @Test
    void signInsAndFailuresOfKnownAccountsAreInTheLog() {
        new WebSession(port).signIn("trang.kiemtoan", "khong-dung-mat-khau-nay");
        var entries = log.search(Caller.SYSTEM, new AuditLog.Search("trang.kiemtoan", null, "access", null, null), 0)
                .entries();
        assertThat(entries).extracting(AuditRecord::action).contains("SIGNED_IN", "SIGN_IN_FAILED");
        assertThat(log.search(Caller.SYSTEM, new AuditLog.Search(null, null, "access", null, null), 0)
                        .entries())
                .extracting(AuditRecord::action)
                .as("roles given to people")
                .contains("GRANTED");
        new WebSession(port).signIn("khong.co.ai", "khong-dung-mat-khau-nay");
        assertThat(log.search(Caller.SYSTEM, new AuditLog.Search("khong.co.ai", null, null, null, null), 0)
                        .entries())
                .as("guesses at unknown usernames do not fill the log")
                .isEmpty();
    }

    @Test
    void searchingByModuleShowsItsEntriesNewestFirstInVietnamese_andPages() {
        HttpResponse<String> response = web.getPage("/audit?module=pages");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Nhật ký kiểm toán");
        for (String field : new String[] {"username", "unitId", "module", "from", "to"}) {
            assertThat(page.selectFirst("label[for=" + field + "]")).as(field).isNotNull();
        }
        var rows = page.select("#audit-entries tbody tr");
        assertThat(rows).hasSize(AuditLog.PAGE_SIZE);
        assertThat(rows.get(0).select("td").get(2).text()).isEqualTo("trang.kiemtoan");
        assertThat(rows.get(0).select("td").get(3).text()).isEqualTo("sửa");
        assertThat(rows.get(0).select("td").get(5).text()).isEqualTo("probe " + (AuditLog.PAGE_SIZE + 2));
        assertThat(rows.get(0).select("td").get(6).selectFirst("a").attr("href"))
                .isEqualTo("/units/77");
        assertThat(rows.get(0).selectFirst("details").text())
                .contains("Trước:")
                .contains("{\"n\": " + (AuditLog.PAGE_SIZE + 2) + "}");
        String next = page.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("module=pages").contains("page=1");

        Document second = Jsoup.parse(web.getPage(next).body());
        assertThat(second.select("#audit-entries tbody tr")).hasSize(3);
        assertThat(second.selectFirst("a[rel=prev]")).isNotNull();
        assertThat(second.selectFirst("a[rel=next]")).isNull();
    }

    @Test
    void anEnteredValueOfACriterionIsNamedByTheCriterionInTheReadersLanguage() {
        log.recordFor(
                "trang.kiemtoan",
                new AuditEntry(
                        AuditAction.CREATED,
                        "evaluation",
                        "evaluation-entry",
                        "5/" + PoliceRatedAdvanced.CODE,
                        77L,
                        null,
                        Map.of("value", true)));
        Named name = rulebooks.criterionNames().get(PoliceRatedAdvanced.CODE);
        assertThat(name.vi()).isNotEqualTo(PoliceRatedAdvanced.CODE);
        String vietnamese = web.getPage("/audit?module=evaluation").body();
        Document page = Jsoup.parse(vietnamese);
        assertThat(page.select("#audit-entries tbody tr")
                        .get(0)
                        .select("td")
                        .get(5)
                        .text())
                .isEqualTo("evaluation-entry 5 · " + name.vi());
        RawKeys.assertNone(
                "/audit?module=evaluation", page.select("#audit-entries tbody").text());
        Document english =
                Jsoup.parse(web.getPage("/audit?module=evaluation&lang=en").body());
        assertThat(english.select("#audit-entries tbody tr")
                        .get(0)
                        .select("td")
                        .get(5)
                        .text())
                .isEqualTo("evaluation-entry 5 · " + name.en());
        web.getPage("/audit?lang=vi");
    }

    @Test
    void searchingByPersonUnitAndTimeNarrowsTheList_andNothingMatchingSaysSo() {
        String today = Dates.today().toString();
        Document hit =
                Jsoup.parse(web.getPage("/audit?username=trang.kiemtoan&unitId=77&from=" + today + "&to=" + today)
                        .body());
        assertThat(hit.select("#audit-entries tbody tr")).hasSize(AuditLog.PAGE_SIZE);
        Document none = Jsoup.parse(web.getPage("/audit?username=no.one").body());
        assertThat(none.select("#audit-entries")).isEmpty();
        assertThat(none.selectFirst("[role=status]").text()).isEqualTo("Không có mục nào khớp.");
        WebSession englishReader = new WebSession(port);
        englishReader.signIn("trang.kiemtoan", "mat-khau-trang-2026");
        Document english =
                Jsoup.parse(englishReader.getPage("/audit?module=pages&lang=en").body());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Audit log");
    }

    @Test
    void aLocalUnitCreatedThroughItsPageIsRecordedForTheSignedInPerson() {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                AuditLogTests.LIST_DATE,
                Optional.empty());
        long namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", AuditLogTests.LIST_DATE)
                .orElseThrow()
                .id();
        Document form =
                Jsoup.parse(web.getPage("/units/" + namMy + "/local/new").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.selectFirst("main form input[name=_csrf]").attr("value"));
        fields.put("kind", "RESIDENTIAL_AREA");
        fields.put("subkind", "XOM");
        fields.put("code", "");
        fields.put("name", "Xóm Nhật Ký");
        fields.put("validFrom", "2024-03-01");
        HttpResponse<String> posted = web.postForm("/units/" + namMy + "/local/new", fields);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        AuditRecord created = log.search(Caller.SYSTEM, new AuditLog.Search(null, id, null, null, null), 0)
                .entries()
                .get(0);
        assertThat(created.action()).isEqualTo("CREATED");
        assertThat(created.actorUsername()).isEqualTo("trang.kiemtoan");
        assertThat(created.actorUserId())
                .isEqualTo(accounts.findByUsername("trang.kiemtoan")
                        .orElseThrow()
                        .id()
                        .value());
        assertThat(created.after()).contains("\"name\": \"Xóm Nhật Ký\"");
        Document page = Jsoup.parse(web.getPage("/audit?unitId=" + id).body());
        assertThat(page.select("#audit-entries tbody tr")).hasSize(1);
        assertThat(page.selectFirst("#audit-entries tbody tr td:nth-child(4)").text())
                .isEqualTo("tạo mới");
    }

    @Test
    void theLogIsForSignedInPeopleOnly() {
        assertThat(new WebSession(port).getPage("/audit").statusCode()).isEqualTo(302);
    }
}
