package vn.tuquan.evaluation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * One residential area walked through the whole process in Chromium, on a phone: its head
 * registers, enters both criteria with their evidence and submits; the commune officer accepts the
 * appraisal, records the recognition decision and downloads the certificate (a PDF).
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationProcessBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units) {
        ProcessFixture.ensure(lists, units, accounts, jdbc);
    }

    static void signIn(Chromium.Tab tab, String username) {
        Page page = tab.page();
        page.navigate(tab.url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(ProcessFixture.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page).hasURL(tab.url("/"));
    }

    static void enter(Page page, String criterion, String evidence) {
        var card = page.locator("[data-criterion=" + criterion + "]");
        card.locator("select[name=value]").selectOption("true");
        card.locator("input[name=evidence]").fill(evidence);
        card.locator(".evaluation-save-entry").click();
        assertThat(page.locator(".evaluation-saved")).isVisible();
        assertThat(page.locator("[data-criterion=" + criterion + "] .evaluation-entered"))
                .containsText(evidence);
    }

    @Test
    void aResidentialAreaFromRegistrationToCertificateOnAPhone() throws Exception {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        String process = "/evaluation/units/" + area.id() + "/years/" + ProcessFixture.YEAR + "/process";
        try (Chromium chromium = Chromium.launch()) {
            try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
                Page page = tab.page();
                signIn(tab, area.head());
                page.navigate(tab.url(process));
                assertThat(page.locator(".evaluation-status")).hasText("Chưa đăng ký");
                page.locator("#registered-on").fill("2023-02-15");
                page.locator("#register").click();
                assertThat(page.locator(".evaluation-status")).hasText("Đã đăng ký");
                assertThat(page.locator("[data-criterion=NO_NEW_DRUG_USERS] .evaluation-computed"))
                        .hasText("Đạt");

                enter(page, "PARTY_RESOLUTION_Q1", "Biên bản họp tổ dân phố ngày 20/02/2023");
                assertThat(page.locator(".evaluation-status")).hasText("Đang tự đánh giá");
                enter(page, "POLICIES_CARRIED_OUT", "Báo cáo số 15/BC-CAP của Công an phường");
                java.nio.file.Path evidence = java.nio.file.Path.of("target", "bien-ban-chi-bo.pdf");
                Files.write(
                        evidence, "%PDF-1.4\n% bien ban\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                page.locator("#file-PARTY_RESOLUTION_Q1").setInputFiles(evidence);
                page.locator("[data-criterion=PARTY_RESOLUTION_Q1] .evaluation-attach")
                        .click();
                assertThat(page.locator("[data-criterion=PARTY_RESOLUTION_Q1] .evaluation-attachment"))
                        .containsText("bien-ban-chi-bo.pdf");
                tab.screenshot("evaluation-process-self-assessment-phone");
                page.locator("#submit").click();
                assertThat(page.locator(".evaluation-status")).hasText("Đã gửi, chờ thẩm định");
                assertThat(page.locator(".evaluation-entry-form")).hasCount(0);
                assertThat(tab.errors()).isEmpty();
            }
            try (Chromium.Tab tab = chromium.open(port, 390, 844)) {
                Page page = tab.page();
                signIn(tab, ProcessFixture.HA_LONG_OFFICER);
                page.navigate(tab.url(process));
                page.locator("#accept").click();
                assertThat(page.locator(".evaluation-status")).hasText("Đã thẩm định, chờ quyết định");
                page.locator("#decision-number").fill("125/QĐ-UBND");
                page.locator("#decision-date").fill("2023-11-28");
                page.locator("#decision-signer").fill("Trần Văn Bình");
                page.locator("#recognise").click();
                assertThat(page.locator(".evaluation-status")).hasText("Được công nhận");
                assertThat(page.locator(".evaluation-decision")).containsText("125/QĐ-UBND");
                assertThat(page.locator(".evaluation-steps li")).hasCount(5);
                tab.screenshot("evaluation-process-recognised-phone");

                Download download =
                        page.waitForDownload(() -> page.locator("#certificate").click());
                download.saveAs(java.nio.file.Path.of("target", "screenshots", "evaluation-certificate.pdf"));
                byte[] pdf = Files.readAllBytes(download.path());
                assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("%PDF");
                assertThat(EvaluationProcessTests.certificateText(pdf))
                        .contains(area.name())
                        .contains("125/QĐ-UBND");
                assertThat(download.suggestedFilename()).endsWith(".pdf");
                assertThat(tab.errors()).isEmpty();
            }
        }
        assertThat(jdbc.sql("SELECT status FROM evaluation WHERE unit_id = :u AND year = :y")
                        .param("u", area.id())
                        .param("y", ProcessFixture.YEAR)
                        .query(String.class)
                        .single())
                .isEqualTo("RECOGNISED");
        assertThat(jdbc.sql("SELECT decision_date FROM evaluation WHERE unit_id = :u")
                        .param("u", area.id())
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2023, 11, 28));
    }
}
