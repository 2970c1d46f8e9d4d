package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;

/** {@code /audit} over real HTTP, signed in: the search form, the entries newest first, the pages. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=audit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    UserAccounts accounts;

    WebSession web;

    @BeforeAll
    void signIn() {
        accounts.createIfAbsent("trang.kiemtoan", "Trang Kiểm Toán", "mat-khau-trang-2026");
        web = new WebSession(port);
        web.signIn("trang.kiemtoan", "mat-khau-trang-2026");
        for (int i = 0; i < AuditLog.PAGE_SIZE + 3; i++) {
            log.recordFor("trang.kiemtoan", new AuditEntry(AuditAction.UPDATED, "pages", "probe", Integer.toString(i),
                    77L, Map.of("n", i), Map.of("n", i + 1)));
        }
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
        assertThat(rows.get(0).select("td").get(6).selectFirst("a").attr("href")).isEqualTo("/units/77");
        assertThat(rows.get(0).selectFirst("details").text()).contains("Trước:").contains("{\"n\": " + (AuditLog.PAGE_SIZE + 2) + "}");
        String next = page.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("module=pages").contains("page=1");

        Document second = Jsoup.parse(web.getPage(next).body());
        assertThat(second.select("#audit-entries tbody tr")).hasSize(3);
        assertThat(second.selectFirst("a[rel=prev]")).isNotNull();
        assertThat(second.selectFirst("a[rel=next]")).isNull();
    }

    @Test
    void searchingByPersonUnitAndTimeNarrowsTheList_andNothingMatchingSaysSo() {
        String today = LocalDate.now().toString();
        Document hit = Jsoup.parse(web.getPage("/audit?username=trang.kiemtoan&unitId=77&from=" + today + "&to=" + today).body());
        assertThat(hit.select("#audit-entries tbody tr")).hasSize(AuditLog.PAGE_SIZE);
        Document none = Jsoup.parse(web.getPage("/audit?username=no.one").body());
        assertThat(none.select("#audit-entries")).isEmpty();
        assertThat(none.selectFirst("[role=status]").text()).isEqualTo("Không có mục nào khớp.");
        WebSession englishReader = new WebSession(port);
        englishReader.signIn("trang.kiemtoan", "mat-khau-trang-2026");
        Document english = Jsoup.parse(englishReader.getPage("/audit?module=pages&lang=en").body());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Audit log");
    }

    @Test
    void theLogIsForSignedInPeopleOnly() {
        assertThat(new WebSession(port).getPage("/audit").statusCode()).isEqualTo(302);
    }
}
