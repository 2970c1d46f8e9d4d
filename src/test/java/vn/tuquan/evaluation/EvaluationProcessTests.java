package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import vn.tuquan.evaluation.internal.CompetentLevels;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The evaluation process on the embedded PostgreSQL over real HTTP: every transition from the
 * registration to the certificate, each one a step row and an audit entry; the refusals (wrong
 * status, outside the scope, without evidence, outside the first quarter, a locked result changed,
 * reopening without a reason) leave everything as it was; who recognises whom follows the tree;
 * the overdue list follows the deadlines kept as data.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationProcessTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int YEAR = ProcessFixture.YEAR;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    UserAccounts accounts;

    @Autowired
    SubmittingSelfAssessments selfAssessments;

    @Autowired
    vn.tuquan.access.Callers callers;

    @Autowired
    EvaluationRuns runs;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units) {
        ProcessFixture.ensure(lists, units, accounts, jdbc);
    }

    // ---- helpers ---------------------------------------------------------------------------

    WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, ProcessFixture.PASSWORD);
        return session;
    }

    String api(long unitId, String step) {
        return "/api/v1/evaluation/units/" + unitId + "/years/" + YEAR + (step.isEmpty() ? "" : "/" + step);
    }

    HttpResponse<String> post(WebSession session, String path, String json) {
        return post(session, path, json, "vi");
    }

    HttpResponse<String> post(WebSession session, String path, String json, String language) {
        String csrf = Jsoup.parse(session.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .header("X-CSRF-TOKEN", csrf)
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

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    String status(long unitId) {
        return jdbc.sql("SELECT status FROM evaluation WHERE unit_id = :u AND year = :y")
                .param("u", unitId)
                .param("y", YEAR)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    long evaluationId(long unitId) {
        return jdbc.sql("SELECT id FROM evaluation WHERE unit_id = :u AND year = :y")
                .param("u", unitId)
                .param("y", YEAR)
                .query(Long.class)
                .single();
    }

    List<String> steps(long unitId) {
        return jdbc.sql("""
                SELECT s.to_status FROM evaluation_step s JOIN evaluation e ON e.id = s.evaluation_id
                 WHERE e.unit_id = :u AND e.year = :y ORDER BY s.id""")
                .param("u", unitId)
                .param("y", YEAR)
                .query(String.class)
                .list();
    }

    /** The audit entries of an evaluation's steps: their status after, oldest first. */
    List<String> auditedSteps(long unitId) {
        return jdbc.sql("""
                SELECT after->>'status' FROM audit_event WHERE module = 'evaluation' AND entity_type = 'evaluation'
                   AND entity_id = :id ORDER BY id""")
                .param("id", Long.toString(evaluationId(unitId)))
                .query(String.class)
                .list();
    }

    /** Everything of the process for a unit, to compare before and after a refusal. */
    String snapshot(long unitId) {
        return jdbc.sql("""
                SELECT coalesce((SELECT row_to_json(e)::text FROM evaluation e WHERE unit_id = :u AND year = :y), '-')
                    || (SELECT count(*) FROM evaluation_step s JOIN evaluation e ON e.id = s.evaluation_id WHERE e.unit_id = :u)
                    || '/' || (SELECT count(*) FROM evaluation_entry n JOIN evaluation e ON e.id = n.evaluation_id WHERE e.unit_id = :u)
                    || '/' || (SELECT count(*) FROM audit_event WHERE module = 'evaluation')""")
                .param("u", unitId)
                .param("y", YEAR)
                .query(String.class)
                .single();
    }

    static String registration(LocalDate day) {
        return "{\"registeredOn\":\"" + day + "\"}";
    }

    static String entry(String criterion, boolean value, String evidence) {
        return "{\"criterion\":\"" + criterion + "\",\"value\":" + value + ",\"evidence\":"
                + (evidence == null ? "null" : "\"" + evidence + "\"") + "}";
    }

    static String decision(String number, LocalDate date, String signer, String reasons) {
        return "{\"number\":\"" + number + "\",\"date\":\"" + date + "\",\"signer\":\"" + signer + "\",\"reasons\":"
                + (reasons == null ? "null" : "\"" + reasons + "\"") + "}";
    }

    /** A residential area taken through registration, both entries and submission by its head. */
    ProcessFixture.Area submitted(long commune) {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, commune);
        WebSession head = signedIn(area.head());
        assertThat(post(head, api(area.id(), "register"), registration(ProcessFixture.REGISTERED_ON))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                head,
                                api(area.id(), "entries"),
                                entry(
                                        "PARTY_RESOLUTION_Q1",
                                        true,
                                        "Biên bản họp tổ dân phố ngày 20/02/2023: 100% hộ đăng ký"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                head,
                                api(area.id(), "entries"),
                                entry("POLICIES_CARRIED_OUT", true, "Báo cáo của Công an phường số 15/BC-CAP"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(head, api(area.id(), "submit"), "{}").statusCode()).isEqualTo(200);
        return area;
    }

    // ---- transitions -----------------------------------------------------------------------

    @Test
    void aResidentialAreaGoesFromRegistrationToCertificateEachStepAudited() throws Exception {
        ProcessFixture.Area area = submitted(ProcessFixture.haLong);
        assertThat(status(area.id())).isEqualTo("SUBMITTED");
        WebSession commune = signedIn(ProcessFixture.HA_LONG_OFFICER);

        HttpResponse<String> accepted = post(commune, api(area.id(), "accept"), "{}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).path("status").asString()).isEqualTo("ACCEPTED");

        HttpResponse<String> recognised = post(
                commune,
                api(area.id(), "recognise"),
                decision("125/QĐ-UBND", LocalDate.of(2023, 11, 28), "Trần Văn Bình", null));
        assertThat(recognised.statusCode()).as(recognised.body()).isEqualTo(200);
        JsonNode after = json(recognised);
        assertThat(after.path("status").asString()).isEqualTo("RECOGNISED");
        assertThat(after.path("locked").asBoolean()).isTrue();
        assertThat(after.path("decidedByUnit").asLong()).isEqualTo(ProcessFixture.haLong);

        assertThat(steps(area.id())).containsExactly("REGISTERED", "DRAFT", "SUBMITTED", "ACCEPTED", "RECOGNISED");
        assertThat(auditedSteps(area.id()))
                .containsExactly("REGISTERED", "DRAFT", "SUBMITTED", "ACCEPTED", "RECOGNISED");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE module = 'evaluation' AND entity_type = 'evaluation-entry'
                   AND entity_id LIKE :id""")
                        .param("id", evaluationId(area.id()) + "/%")
                        .query(Long.class)
                        .single())
                .as("both entries audited")
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT after->>'decisionNumber' FROM audit_event WHERE module = 'evaluation' AND after->>'status' = 'RECOGNISED'
                   AND entity_id = :id""")
                        .param("id", Long.toString(evaluationId(area.id())))
                        .query(String.class)
                        .single())
                .isEqualTo("125/QĐ-UBND");
        assertThat(jdbc.sql(
                                "SELECT entered_by FROM evaluation_entry WHERE evaluation_id = :id AND criterion = 'POLICIES_CARRIED_OUT'")
                        .param("id", evaluationId(area.id()))
                        .query(String.class)
                        .single())
                .isEqualTo(area.head());

        byte[] pdf = commune.getBytes(api(area.id(), "certificate.pdf"));
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text)
                .contains(area.name())
                .contains("125/QĐ-UBND")
                .contains("GIẤY CÔNG NHẬN")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Phường Hạ Long".toUpperCase(new java.util.Locale("vi")))
                .contains("năm " + YEAR)
                .contains("28/11/2023")
                .contains("Trần Văn Bình");

        // the area's head reads its own certificate too; the page shows the status and the step history
        assertThat(signedIn(area.head())
                        .getBytes("/evaluation/units/" + area.id() + "/years/" + YEAR + "/certificate.pdf"))
                .startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Document page = Jsoup.parse(commune.getPage("/evaluation/units/" + area.id() + "/years/" + YEAR + "/process")
                .body());
        assertThat(page.selectFirst(".evaluation-status").attr("data-status")).isEqualTo("RECOGNISED");
        assertThat(page.select(".evaluation-steps li")).hasSize(5);
        assertThat(page.selectFirst(".evaluation-decision").text())
                .contains("125/QĐ-UBND")
                .contains("28/11/2023");
        assertThat(page.select("#certificate")).hasSize(1);
    }

    @Test
    void aReturnedSelfAssessmentIsEditedAndSubmittedAgain() {
        ProcessFixture.Area area = submitted(ProcessFixture.haLong);
        WebSession commune = signedIn(ProcessFixture.HA_LONG_OFFICER);
        String before = snapshot(area.id());
        HttpResponse<String> noReason = post(commune, api(area.id(), "return"), "{\"reasons\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(noReason).path("errors").get(0).path("field").asString())
                .isEqualTo("reasons");
        assertThat(json(noReason).path("detail").asString()).startsWith("Lý do");
        assertThat(snapshot(area.id())).isEqualTo(before);

        HttpResponse<String> returned =
                post(commune, api(area.id(), "return"), "{\"reasons\":\"Thiếu biên bản họp của chi bộ\"}");
        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(json(returned).path("status").asString()).isEqualTo("RETURNED");
        assertThat(json(returned).path("reasons").asString()).isEqualTo("Thiếu biên bản họp của chi bộ");

        WebSession head = signedIn(area.head());
        assertThat(post(
                                head,
                                api(area.id(), "entries"),
                                entry("PARTY_RESOLUTION_Q1", true, "Biên bản họp chi bộ số 3-BB/CB ngày 10/02/2023"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(status(area.id())).isEqualTo("DRAFT");
        assertThat(post(head, api(area.id(), "submit"), "{}").statusCode()).isEqualTo(200);
        assertThat(steps(area.id()))
                .containsExactly("REGISTERED", "DRAFT", "SUBMITTED", "RETURNED", "DRAFT", "SUBMITTED");
        assertThat(auditedSteps(area.id())).isEqualTo(steps(area.id()));
        assertThat(jdbc.sql("SELECT reason FROM evaluation_step WHERE evaluation_id = :id AND to_status = 'RETURNED'")
                        .param("id", evaluationId(area.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("Thiếu biên bản họp của chi bộ");
    }

    @Test
    void aRejectionIsLockedAndReopeningNeedsAReason() {
        // in Phường Trần Tế Xương, whose own evaluation no test decides (a decided one is never recomputed)
        ProcessFixture.Area area = submitted(ProcessFixture.tranTeXuong);
        WebSession commune = signedIn(ProcessFixture.OTHER_OFFICER);
        post(commune, api(area.id(), "accept"), "{}");
        HttpResponse<String> withoutReasons = post(
                commune,
                api(area.id(), "reject"),
                decision("130/QĐ-UBND", LocalDate.of(2023, 11, 29), "Trần Văn Bình", null));
        assertThat(withoutReasons.statusCode()).isEqualTo(400);
        assertThat(json(withoutReasons).path("errors").get(0).path("field").asString())
                .isEqualTo("reasons");
        assertThat(status(area.id())).isEqualTo("ACCEPTED");

        HttpResponse<String> rejected = post(
                commune,
                api(area.id(), "reject"),
                decision(
                        "130/QĐ-UBND",
                        LocalDate.of(2023, 11, 29),
                        "Trần Văn Bình",
                        "Phát sinh 01 vụ trộm cắp tài sản"));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected).path("status").asString()).isEqualTo("REJECTED");
        assertThat(json(rejected).path("locked").asBoolean()).isTrue();

        // the commune's own proposed verdict is recomputed with its children's decisions
        long recognisedAfterRejection = communeChildrenRecognised();

        // locked: nothing changes it, not even a new decision; no certificate for a rejection
        String locked = snapshot(area.id());
        WebSession head = signedIn(area.head());
        HttpResponse<String> entry =
                post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, "Sửa lại"));
        assertThat(entry.statusCode()).isEqualTo(409);
        assertThat(json(entry).path("detail").asString()).contains("khóa");
        assertThat(post(head, api(area.id(), "submit"), "{}").statusCode()).isEqualTo(409);
        assertThat(post(
                                commune,
                                api(area.id(), "recognise"),
                                decision("131/QĐ-UBND", LocalDate.of(2023, 11, 30), "Trần Văn Bình", null))
                        .statusCode())
                .isEqualTo(409);
        assertThat(commune.get(api(area.id(), "certificate.pdf"), "Accept", "*/*")
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> noReason = post(commune, api(area.id(), "reopen"), "{\"reason\":\"\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).path("errors").get(0).path("field").asString())
                .isEqualTo("reason");
        assertThat(snapshot(area.id())).isEqualTo(locked);

        HttpResponse<String> reopened = post(
                commune, api(area.id(), "reopen"), "{\"reason\":\"Vụ trộm cắp xảy ra ngoài địa bàn, xác minh lại\"}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(json(reopened).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(json(reopened).path("locked").asBoolean()).isFalse();
        assertThat(jdbc.sql("""
                SELECT before->>'status' || ' ' || (after->'undone'->>'decisionNumber') || ' ' || (after->>'reason')
                  FROM audit_event WHERE module = 'evaluation' AND entity_id = :id ORDER BY id DESC LIMIT 1""")
                        .param("id", Long.toString(evaluationId(area.id())))
                        .query(String.class)
                        .single())
                .isEqualTo("REJECTED 130/QĐ-UBND Vụ trộm cắp xảy ra ngoài địa bàn, xác minh lại");
        assertThat(post(
                                commune,
                                api(area.id(), "recognise"),
                                decision("131/QĐ-UBND", LocalDate.of(2023, 11, 30), "Trần Văn Bình", null))
                        .statusCode())
                .isEqualTo(200);
        assertThat(steps(area.id())).endsWith("ACCEPTED", "REJECTED", "ACCEPTED", "RECOGNISED");
        assertThat(auditedSteps(area.id())).isEqualTo(steps(area.id()));
        assertThat(communeChildrenRecognised()).isEqualTo(recognisedAfterRejection + 1);
    }

    /** The children recognised (or proposed safe while undecided) in Phường Trần Tế Xương's stored facts. */
    private long communeChildrenRecognised() {
        return jdbc.sql("SELECT (facts->'counts'->>'children.recognised')::bigint FROM evaluation WHERE unit_id = :id"
                        + " AND year = :year")
                .param("id", ProcessFixture.tranTeXuong)
                .param("year", YEAR)
                .query(Long.class)
                .single();
    }

    // ---- refusals --------------------------------------------------------------------------

    @Test
    void aRegistrationOutsideTheFirstQuarterIsRefusedNamingTheField() {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        WebSession head = signedIn(area.head());
        String before = snapshot(area.id());
        HttpResponse<String> april = post(head, api(area.id(), "register"), registration(LocalDate.of(2023, 4, 1)));
        assertThat(april.statusCode()).isEqualTo(400);
        assertThat(april.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(april).path("errors").get(0).path("field").asString()).isEqualTo("registeredOn");
        assertThat(json(april).path("detail").asString())
                .isEqualTo("Ngày đăng ký: phải trong quý I, từ 01/01/2023 đến 31/03/2023.");
        HttpResponse<String> english =
                post(head, api(area.id(), "register") + "?lang=en", registration(LocalDate.of(2023, 4, 1)), "en");
        assertThat(json(english).path("detail").asString())
                .isEqualTo("Registration day: must fall in the first quarter, 01/01/2023 to 31/03/2023.");
        assertThat(post(head, api(area.id(), "register"), registration(LocalDate.of(2022, 12, 31)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(head, api(area.id(), "register"), "{}").statusCode()).isEqualTo(400);
        assertThat(snapshot(area.id())).isEqualTo(before);
        assertThat(status(area.id())).isNull();

        // nothing registered: the process reads as not registered
        HttpResponse<String> process = head.get(api(area.id(), "process"), "Accept", "application/json");
        assertThat(process.statusCode()).isEqualTo(200);
        assertThat(json(process).path("status").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(json(process).path("pending")).hasSize(3);

        assertThat(post(head, api(area.id(), "register"), registration(LocalDate.of(2023, 3, 31)))
                        .statusCode())
                .isEqualTo(200);
        String registered = snapshot(area.id());
        HttpResponse<String> again = post(head, api(area.id(), "register"), registration(LocalDate.of(2023, 3, 1)));
        assertThat(again.statusCode()).as("a repeated registration").isEqualTo(409);
        assertThat(json(again).path("detail").asString()).contains("31/03/2023");
        assertThat(snapshot(area.id())).isEqualTo(registered);
    }

    @Test
    void stepsInTheWrongStatusAreRefusedAndADoubleSubmitChangesNothing() {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        WebSession head = signedIn(area.head());
        WebSession commune = signedIn(ProcessFixture.HA_LONG_OFFICER);
        assertThat(post(head, api(area.id(), "submit"), "{}").statusCode())
                .as("not registered")
                .isEqualTo(409);
        post(head, api(area.id(), "register"), registration(ProcessFixture.REGISTERED_ON));
        HttpResponse<String> early = post(commune, api(area.id(), "accept"), "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).path("detail").asString()).contains("Đã đăng ký").contains("Đã gửi, chờ thẩm định");

        // the entries missing: refused naming them as the rulebook names them, never by their codes
        HttpResponse<String> pending = post(head, api(area.id(), "submit"), "{}");
        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(json(pending).path("detail").asString())
                .isEqualTo(
                        "Các tiêu chí: chưa nhập: Chi bộ có nghị quyết trong quý I; Chấp hành chủ trương, chính sách.");

        // an entry without evidence, or of a criterion outside the rulebook
        String before = snapshot(area.id());
        HttpResponse<String> noEvidence =
                post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, " "));
        assertThat(noEvidence.statusCode()).isEqualTo(400);
        assertThat(json(noEvidence).path("errors").get(0).path("field").asString())
                .isEqualTo("evidence");
        assertThat(post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, null))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown =
                post(head, api(area.id(), "entries"), entry("NO_SUCH_CRITERION", true, "Văn bản"));
        assertThat(json(unknown).path("errors").get(0).path("field").asString()).isEqualTo("criterion");
        assertThat(snapshot(area.id())).isEqualTo(before);

        post(head, api(area.id(), "entries"), entry("PARTY_RESOLUTION_Q1", true, "Biên bản số 1"));
        post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", false, "Báo cáo số 2"));
        assertThat(post(head, api(area.id(), "submit"), "{}").statusCode()).isEqualTo(200);
        String submitted = snapshot(area.id());
        HttpResponse<String> twice = post(head, api(area.id(), "submit"), "{}");
        assertThat(twice.statusCode()).as("a second submit").isEqualTo(409);
        assertThat(post(
                                commune,
                                api(area.id(), "recognise"),
                                decision("1/QĐ-UBND", LocalDate.of(2023, 11, 1), "A", null))
                        .statusCode())
                .as("not accepted yet")
                .isEqualTo(409);
        assertThat(post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, "Sửa"))
                        .statusCode())
                .as("submitted: not editable")
                .isEqualTo(409);
        assertThat(snapshot(area.id())).isEqualTo(submitted);
        assertThat(post(commune, api(area.id(), "accept"), "{}").statusCode()).isEqualTo(200);
        assertThat(post(commune, api(area.id(), "accept"), "{}").statusCode())
                .as("a second accept")
                .isEqualTo(409);
        assertThat(steps(area.id())).containsExactly("REGISTERED", "DRAFT", "SUBMITTED", "ACCEPTED");
    }

    @Test
    void outsideTheScopeOrWithoutThePermissionEveryStepIsRefused() {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        ProcessFixture.Area neighbour = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        WebSession otherHead = signedIn(neighbour.head());
        WebSession otherCommune = signedIn(ProcessFixture.OTHER_OFFICER);
        String before = snapshot(area.id());
        assertThat(post(otherHead, api(area.id(), "register"), registration(ProcessFixture.REGISTERED_ON))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(otherCommune, api(area.id(), "register"), registration(ProcessFixture.REGISTERED_ON))
                        .statusCode())
                .isEqualTo(403);
        assertThat(otherCommune
                        .get(api(area.id(), "process"), "Accept", "application/json")
                        .statusCode())
                .isEqualTo(403);
        assertThat(otherCommune
                        .getPage("/evaluation/units/" + area.id() + "/years/" + YEAR + "/process")
                        .statusCode())
                .isEqualTo(403);
        assertThat(snapshot(area.id())).isEqualTo(before);

        ProcessFixture.Area done = submitted(ProcessFixture.haLong);
        String submitted = snapshot(done.id());
        WebSession head = signedIn(done.head());
        assertThat(post(head, api(done.id(), "accept"), "{}").statusCode())
                .as("the head does not appraise")
                .isEqualTo(403);
        assertThat(post(otherCommune, api(done.id(), "accept"), "{}").statusCode())
                .as("another commune")
                .isEqualTo(403);
        assertThat(post(otherCommune, api(done.id(), "return"), "{\"reasons\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(otherHead, api(done.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(snapshot(done.id())).isEqualTo(submitted);
    }

    @Test
    void anEvidenceFileIsAttachedToAnEnteredCriterionAndRefusedOtherwise() {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        WebSession head = signedIn(area.head());
        vn.tuquan.shared.Caller caller = callers.forUsername(area.head()).orElseThrow();
        byte[] pdf = "%PDF-1.4\n% biên bản họp chi bộ\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        post(head, api(area.id(), "register"), registration(ProcessFixture.REGISTERED_ON));
        assertThat(refusedField(() -> selfAssessments.attach(
                        caller, area.id(), YEAR, "PARTY_RESOLUTION_Q1", "bb.pdf", "application/pdf", pdf)))
                .as("before the value is entered")
                .isEqualTo("file");
        post(head, api(area.id(), "entries"), entry("PARTY_RESOLUTION_Q1", true, "Biên bản họp chi bộ số 3"));
        assertThat(refusedField(() -> selfAssessments.attach(
                        caller,
                        area.id(),
                        YEAR,
                        "PARTY_RESOLUTION_Q1",
                        "bb.pdf",
                        "application/pdf",
                        "not a pdf".getBytes())))
                .as("not what its type says")
                .isEqualTo("file");
        assertThat(refusedField(() -> selfAssessments.attach(
                        caller, area.id(), YEAR, "PARTY_RESOLUTION_Q1", "bb.exe", "application/x-msdownload", pdf)))
                .isEqualTo("file");
        // over HTTP from the page: a file of an unknown type is refused beside the form, nothing stored
        java.nio.file.Path file = java.nio.file.Path.of("target", "evaluation-evidence.bin");
        try {
            java.nio.file.Files.write(file, pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String page = "/evaluation/units/" + area.id() + "/years/" + YEAR;
        HttpResponse<String> refused = head.postMultipart(
                page + "/entries/PARTY_RESOLUTION_Q1/attachment",
                java.util.Map.of("_csrf", head.csrfToken(page + "/process")),
                "file",
                List.of(file));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).selectFirst(".evaluation-error").text())
                .startsWith("Tệp minh chứng:");
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation_entry_attachment WHERE evaluation_id = :id")
                        .param("id", evaluationId(area.id()))
                        .query(Long.class)
                        .single())
                .isZero();

        selfAssessments.attach(
                caller, area.id(), YEAR, "PARTY_RESOLUTION_Q1", "Biên bản chi bộ.pdf", "application/pdf", pdf);
        assertThat(head.getBytes(api(area.id(), "entries/PARTY_RESOLUTION_Q1/attachment")))
                .isEqualTo(pdf);
        assertThat(head.getBytes(page + "/entries/PARTY_RESOLUTION_Q1/attachment"))
                .isEqualTo(pdf);
        assertThat(Jsoup.parse(head.getPage(page + "/process").body())
                        .selectFirst(".evaluation-attachment")
                        .text())
                .contains("Biên bản chi bộ.pdf");
        assertThat(jdbc.sql("""
                SELECT after->'attachment'->>'fileName' FROM audit_event WHERE module = 'evaluation'
                   AND entity_type = 'evaluation-entry' AND after->'attachment' IS NOT NULL AND entity_id = :id""")
                        .param("id", evaluationId(area.id()) + "/PARTY_RESOLUTION_Q1")
                        .query(String.class)
                        .single())
                .isEqualTo("Biên bản chi bộ.pdf");
        assertThat(signedIn(ProcessFixture.OTHER_OFFICER)
                        .get(api(area.id(), "entries/PARTY_RESOLUTION_Q1/attachment"))
                        .statusCode())
                .isEqualTo(403);

        post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, "Báo cáo"));
        post(head, api(area.id(), "submit"), "{}");
        try {
            selfAssessments.attach(caller, area.id(), YEAR, "PARTY_RESOLUTION_Q1", "moi.pdf", "application/pdf", pdf);
            throw new AssertionError("attached after submission");
        } catch (EvaluationStateException expected) {
            assertThat(expected.messageKey()).isEqualTo("evaluation.process.error.notEditable");
        }
    }

    static String refusedField(Runnable step) {
        try {
            step.run();
        } catch (EvaluationRefusedException e) {
            return e.field();
        }
        throw new AssertionError("not refused");
    }

    // ---- who recognises whom -----------------------------------------------------------------

    @Test
    void aCommuneIsAppraisedAndRecognisedByItsDistrictBeforeTheReform() {
        WebSession city = signedIn(ProcessFixture.CITY_OFFICER);
        WebSession commune = signedIn(ProcessFixture.HA_LONG_OFFICER);
        long haLong = ProcessFixture.haLong;
        assertThat(post(commune, api(haLong, "register"), registration(LocalDate.of(2023, 1, 20)))
                        .statusCode())
                .isEqualTo(200);
        JsonNode process = json(commune.get(api(haLong, "process"), "Accept", "application/json"));
        assertThat(process.path("competent").path("id").asLong()).isEqualTo(ProcessFixture.city);
        assertThat(process.path("periodTo").asString()).isEqualTo("2023-11-15");
        assertThat(process.path("dueBefore").asString()).isEqualTo("2023-11-30");
        post(commune, api(haLong, "entries"), entry("PARTY_RESOLUTION_Q1", true, "Báo cáo của phường"));
        post(commune, api(haLong, "entries"), entry("POLICIES_CARRIED_OUT", true, "Báo cáo của Công an phường"));
        assertThat(post(commune, api(haLong, "submit"), "{}").statusCode()).isEqualTo(200);
        assertThat(post(commune, api(haLong, "accept"), "{}").statusCode())
                .as("a commune does not appraise itself")
                .isEqualTo(403);
        assertThat(post(city, api(haLong, "accept"), "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> recognised = post(
                city,
                api(haLong, "recognise"),
                decision("2456/QĐ-UBND", LocalDate.of(2023, 12, 10), "Nguyễn Văn Nam", null));
        assertThat(recognised.statusCode()).as(recognised.body()).isEqualTo(200);
        assertThat(json(recognised).path("decidedByUnit").asLong()).isEqualTo(ProcessFixture.city);
        String text = certificateText(city.getBytes(api(haLong, "certificate.pdf")));
        assertThat(text).contains("Phường Hạ Long").contains("2456/QĐ-UBND").contains("Nguyễn Văn Nam");
    }

    @Test
    void theCompetentLevelFollowsTheReform() {
        assertThat(CompetentLevels.kind(UnitKind.COMMUNE, LocalDate.of(2025, 6, 30)))
                .isEqualTo(UnitKind.DISTRICT);
        assertThat(CompetentLevels.kind(UnitKind.COMMUNE, LocalDate.of(2025, 7, 1)))
                .isEqualTo(UnitKind.PROVINCE);
        assertThat(CompetentLevels.kind(UnitKind.COMMUNE, LocalDate.of(2025, 11, 15)))
                .isEqualTo(UnitKind.PROVINCE);
        for (UnitKind kind :
                List.of(UnitKind.RESIDENTIAL_AREA, UnitKind.AGENCY, UnitKind.ENTERPRISE, UnitKind.SCHOOL)) {
            assertThat(CompetentLevels.kind(kind, LocalDate.of(2017, 10, 31))).isEqualTo(UnitKind.COMMUNE);
            assertThat(CompetentLevels.kind(kind, LocalDate.of(2026, 10, 31))).isEqualTo(UnitKind.COMMUNE);
        }
    }

    /**
     * Which units are evaluated is one rule ({@link EvaluatedUnits}): an organisation the bulk run leaves
     * out (an industrial zone, a kindergarten, a small enterprise, the armed forces, a pagoda) cannot be
     * registered either, and each one registered is one the run computes.
     */
    @Test
    void theRegistrationAndTheRunEvaluateTheSameUnits() {
        record Case(UnitKind kind, String subkind, OrganisationDetails.Exclusion exclusion) {}
        List<Case> cases = List.of(
                new Case(UnitKind.ENTERPRISE, null, null),
                new Case(UnitKind.ENTERPRISE, null, OrganisationDetails.Exclusion.SMALL_OR_MICRO_ENTERPRISE),
                new Case(UnitKind.SCHOOL, null, null),
                new Case(UnitKind.SCHOOL, null, OrganisationDetails.Exclusion.KINDERGARTEN),
                new Case(UnitKind.AGENCY, null, OrganisationDetails.Exclusion.ARMED_FORCES),
                new Case(UnitKind.HOSPITAL, null, null),
                new Case(UnitKind.INDUSTRIAL_ZONE, null, null),
                new Case(UnitKind.PAGODA, null, null));
        WebSession officer = signedIn(ProcessFixture.HA_LONG_OFFICER);
        int registered = 0;
        int refused = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            OrganisationDetails details = c.kind() == UnitKind.PAGODA || c.kind() == UnitKind.INDUSTRIAL_ZONE
                    ? null
                    : new OrganisationDetails("thử", false, 40, c.exclusion());
            long id = localUnits
                    .createAll(
                            vn.tuquan.shared.Caller.SYSTEM,
                            List.of(java.util.Map.entry(
                                    ProcessFixture.haLong,
                                    new vn.tuquan.units.LocalUnitForm(
                                            c.kind(),
                                            c.subkind(),
                                            "DG-EU-" + i,
                                            "Đơn vị thử " + c + " " + i,
                                            details))),
                            ProcessFixture.LIST_DATE)
                    .get(0);
            boolean byRule = EvaluatedUnits.criteriaKind(c.kind(), c.exclusion()) != null;

            HttpResponse<String> registration =
                    post(officer, api(id, "register"), registration(ProcessFixture.REGISTERED_ON));
            runs.run(vn.tuquan.shared.Caller.SYSTEM, id, YEAR);
            long computed = jdbc.sql(
                            "SELECT count(*) FROM evaluation WHERE unit_id = :u AND year = :y AND computed_at IS NOT NULL")
                    .param("u", id)
                    .param("y", YEAR)
                    .query(Long.class)
                    .single();
            if (byRule) {
                registered++;
                assertThat(registration.statusCode())
                        .as(c + ": " + registration.body())
                        .isEqualTo(200);
                assertThat(status(id)).as(c.toString()).isEqualTo("REGISTERED");
                assertThat(computed).as(c + " computed by the run").isEqualTo(1);
            } else {
                refused++;
                assertThat(registration.statusCode())
                        .as(c + ": " + registration.body())
                        .isEqualTo(400);
                assertThat(json(registration)
                                .path("errors")
                                .get(0)
                                .path("field")
                                .asString())
                        .isEqualTo("unitId");
                assertThat(status(id)).as(c + " has no evaluation").isNull();
                assertThat(computed).as(c + " left out by the run").isZero();
            }
        }
        assertThat(registered).isEqualTo(3);
        assertThat(refused).isEqualTo(5);
    }

    // ---- computed values, deadlines --------------------------------------------------------

    @Test
    void theRegistersValuesArePrefilledReadOnlyAndOnlyTheOthersAreEntered() {
        ProcessFixture.Area area = ProcessFixture.village(localUnits, accounts, ProcessFixture.haLong);
        WebSession head = signedIn(area.head());
        String page = "/evaluation/units/" + area.id() + "/years/" + YEAR + "/process";
        Document before = Jsoup.parse(head.getPage(page).body());
        assertThat(before.select(".evaluation-computed"))
                .as("nothing computed before the registration")
                .isEmpty();

        // the registration runs the per-unit computation (EvaluationRuns): no drug user on the register → met
        post(head, api(area.id(), "register"), registration(ProcessFixture.REGISTERED_ON));
        assertThat(jdbc.sql(
                                "SELECT computed_at IS NOT NULL AND outcomes IS NOT NULL FROM evaluation WHERE unit_id = :u")
                        .param("u", area.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        Document after = Jsoup.parse(head.getPage(page).body());
        assertThat(after.select(".evaluation-not-computed")).isEmpty();
        assertThat(after.selectFirst("[data-criterion=NO_NEW_DRUG_USERS] .evaluation-computed")
                        .text())
                .isEqualTo("Đạt");
        assertThat(after.select("[data-criterion=NO_NEW_DRUG_USERS] form"))
                .as("read-only")
                .isEmpty();
        assertThat(after.select("[data-criterion=PARTY_RESOLUTION_Q1] form.evaluation-entry-form"))
                .hasSize(1);
        assertThat(after.select("[data-criterion=POLICIES_CARRIED_OUT] form.evaluation-entry-form"))
                .hasSize(1);
        JsonNode process = json(head.get(api(area.id(), "process"), "Accept", "application/json"));
        assertThat(process.path("pending"))
                .extracting(JsonNode::asString)
                .containsExactly("PARTY_RESOLUTION_Q1", "POLICIES_CARRIED_OUT");

        HttpResponse<String> computed = post(head, api(area.id(), "entries"), entry("NO_NEW_DRUG_USERS", true, "x"));
        assertThat(computed.statusCode()).isEqualTo(400);
        assertThat(json(computed).path("errors").get(0).path("field").asString())
                .isEqualTo("criterion");
        post(
                head,
                api(area.id(), "entries"),
                entry("PARTY_RESOLUTION_Q1", true, "Nghị quyết số 01-NQ/CB ngày 15/01/2023"));
        // an entered criterion stays open to correction once the computation has read the entry
        assertThat(post(
                                head,
                                api(area.id(), "entries"),
                                entry("PARTY_RESOLUTION_Q1", true, "Nghị quyết số 01-NQ/CB ngày 16/01/2023"))
                        .statusCode())
                .isEqualTo(200);
        post(head, api(area.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, "Báo cáo số 7/BC-CAP"));
        assertThat(post(head, api(area.id(), "submit"), "{}").statusCode())
                .as("the computed one needed no entry")
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT proposed FROM evaluation WHERE unit_id = :u")
                        .param("u", area.id())
                        .query(String.class)
                        .single())
                .as("recomputed on submission with the entries")
                .isEqualTo("MET");

        // what was not computed reads so
        jdbc.sql("UPDATE evaluation SET facts = NULL, outcomes = NULL WHERE unit_id = :u")
                .param("u", area.id())
                .update();
        assertThat(Jsoup.parse(head.getPage(page).body()).select(".evaluation-not-computed"))
                .isNotEmpty();
    }

    @Test
    void theOverdueListFollowsTheDeadlinesKeptAsData() {
        long commune = ProcessFixture.tranTeXuong;
        ProcessFixture.Area late = ProcessFixture.village(localUnits, accounts, commune);
        ProcessFixture.Area onTime = ProcessFixture.village(localUnits, accounts, commune);
        WebSession lateHead = signedIn(late.head());
        post(lateHead, api(late.id(), "register"), registration(ProcessFixture.REGISTERED_ON));
        WebSession onTimeHead = signedIn(onTime.head());
        post(onTimeHead, api(onTime.id(), "register"), registration(ProcessFixture.REGISTERED_ON));
        post(onTimeHead, api(onTime.id(), "entries"), entry("PARTY_RESOLUTION_Q1", true, "Biên bản"));
        post(onTimeHead, api(onTime.id(), "entries"), entry("POLICIES_CARRIED_OUT", true, "Báo cáo"));
        post(onTimeHead, api(onTime.id(), "submit"), "{}");
        WebSession officer = signedIn(ProcessFixture.OTHER_OFFICER);
        post(officer, api(onTime.id(), "accept"), "{}");
        post(
                officer,
                api(onTime.id(), "recognise"),
                decision("9/QĐ-UBND", LocalDate.of(2023, 11, 15), "Lê Thị Hoa", null));

        String path = "/api/v1/evaluation/units/" + commune + "/overdue?year=" + YEAR + "&on=";
        assertThat(json(officer.get(path + "2023-11-19", "Accept", "application/json")))
                .isEmpty();
        JsonNode overdue = json(officer.get(path + "2023-11-20", "Accept", "application/json"));
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("unitId").asLong()).isEqualTo(late.id());
        assertThat(overdue.get(0).path("dueBefore").asString()).isEqualTo("2023-11-20");
        assertThat(overdue.get(0).path("status").asString()).isEqualTo("REGISTERED");

        Document page =
                Jsoup.parse(officer.getPage("/evaluation/units/" + commune + "/overdue?year=" + YEAR + "&on=2023-12-01")
                        .body());
        assertThat(page.select(".evaluation-overdue tbody tr").eachAttr("data-unit"))
                .containsExactly(Long.toString(late.id()));
        assertThat(page.selectFirst(".evaluation-overdue tbody tr").text())
                .contains(late.name())
                .contains("20/11/2023");
        // the deadline is data: moved, the list moves with it
        jdbc.sql("UPDATE evaluation_deadline SET due_day = 25 WHERE unit_kind = 'RESIDENTIAL_AREA'")
                .update();
        try {
            assertThat(json(officer.get(path + "2023-11-20", "Accept", "application/json")))
                    .isEmpty();
        } finally {
            jdbc.sql("UPDATE evaluation_deadline SET due_day = 20 WHERE unit_kind = 'RESIDENTIAL_AREA'")
                    .update();
        }
        assertThat(officer.get(
                                "/api/v1/evaluation/units/" + ProcessFixture.haLong + "/overdue?year=" + YEAR,
                                "Accept",
                                "application/json")
                        .statusCode())
                .isEqualTo(403);
    }

    static String certificateText(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                return new PdfTextExtractor(reader).getTextFromPage(1);
            } finally {
                reader.close();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
