package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Corrections of the registers: editing, ending and removing models, assessments, cameras,
 * reviews, attachments and agreements (the rules of creation, the scope, the audit's old and new
 * values), and the Excel exports of agreements and model types. Services and real HTTP.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementCorrectionsTests {

    static final String WARD_USER = "canbo.suaso.halong";

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Models models;

    @Autowired
    Conferences conferences;

    @Autowired
    Titles titles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelTypes modelTypes;

    @Autowired
    MessageSource messages;

    Caller wardOfficer;
    WebSession ward;
    String csrf;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        wardOfficer = new Caller(
                60,
                "ward",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
        TestUsers.withRoles(
                accounts,
                WARD_USER,
                "Cán Bộ Sửa Sổ",
                MovementFixture.PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
        ward = new WebSession(port);
        ward.signIn(WARD_USER, MovementFixture.PASSWORD);
        csrf = Jsoup.parse(ward.getPage("/movement").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    MovementModel team(long unitId, String name) {
        return models.create(
                Caller.SYSTEM,
                unitId,
                new MovementModel.Form(
                        "PEOPLES_SECURITY_TEAM",
                        name,
                        LocalDate.of(2015, 1, 1),
                        null,
                        "Trần Văn A",
                        10,
                        List.of("Toàn dân bảo vệ ANTQ")));
    }

    MovementModel.Form changed(MovementModel m, String typeCode, String name, LocalDate startedOn, LocalDate endedOn) {
        return new MovementModel.Form(typeCode, name, startedOn, endedOn, m.leader(), m.members(), m.campaigns());
    }

    MovementModel stored(long id) {
        return jdbc.sql("SELECT * FROM movement_model WHERE id = :id")
                .param("id", id)
                .query(Models::row)
                .single();
    }

    /** The latest audit entry of a movement record: action, before and after as JSON text. */
    Map<String, Object> audit(String entityType, String entityId) {
        return jdbc.sql("""
                SELECT action, before::text AS before, after::text AS after FROM audit_event
                WHERE module = 'movement' AND entity_type = :type AND entity_id = :id ORDER BY id DESC LIMIT 1
                """)
                .param("type", entityType)
                .param("id", entityId)
                .query()
                .singleRow();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The audit log's entries but the refused requests (each 403 is one, issue 13.13): what was written. */
    long auditedWrites() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action <> 'REFUSED'")
                .query(Long.class)
                .single();
    }

    @Test
    void anEditKeepsTheKindRuleAndTheAuditHasTheOldAndNewValues() {
        MovementModel model = team(MovementFixture.village, "Tổ ANND số 5");
        assertThatThrownBy(() -> models.edit(
                        wardOfficer,
                        MovementFixture.village,
                        model.id(),
                        changed(model, "SAFE_SCHOOL", "Trường học an toàn", model.startedOn(), null)))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.typeNotForKind"));
        assertThatThrownBy(() -> models.edit(
                        wardOfficer,
                        MovementFixture.village,
                        model.id(),
                        changed(
                                model,
                                model.typeCode(),
                                model.name(),
                                LocalDate.of(2016, 1, 1),
                                LocalDate.of(2015, 12, 31))))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.endBeforeStart"));
        assertThat(stored(model.id())).as("nothing changed on refusal").isEqualTo(model);

        MovementModel after = models.edit(
                wardOfficer,
                MovementFixture.village,
                model.id(),
                changed(model, "SAFETY_GONG", "Tiếng kẻng an toàn tổ 5", LocalDate.of(2015, 3, 1), null));
        assertThat(stored(model.id())).isEqualTo(after);
        assertThat(after.typeCode()).isEqualTo("SAFETY_GONG");
        Map<String, Object> entry = audit("model", Long.toString(model.id()));
        assertThat(entry.get("action")).isEqualTo("UPDATED");
        assertThat((String) entry.get("before")).contains("Tổ ANND số 5").contains("PEOPLES_SECURITY_TEAM");
        assertThat((String) entry.get("after"))
                .contains("Tiếng kẻng an toàn tổ 5")
                .contains("SAFETY_GONG");
    }

    @Test
    void aModelWithAssessmentsIsEndedNotRemoved() {
        MovementModel model = team(MovementFixture.village, "Tổ ANND số 6");
        models.assess(wardOfficer, MovementFixture.village, model.id(), 2016, true, "Giữ vững ANTT");
        assertThatThrownBy(() -> models.remove(wardOfficer, MovementFixture.village, model.id()))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.modelAssessed"));
        assertThat(stored(model.id())).isEqualTo(model);
        assertThatThrownBy(
                        () -> models.end(wardOfficer, MovementFixture.village, model.id(), LocalDate.of(2015, 6, 30)))
                .as("an end before the last assessed year")
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.assessedOutside"));
        assertThat(models.end(wardOfficer, MovementFixture.village, model.id(), LocalDate.of(2017, 12, 31))
                        .endedOn())
                .isEqualTo(LocalDate.of(2017, 12, 31));

        models.reassess(wardOfficer, MovementFixture.village, model.id(), 2016, false, "Không duy trì tuần tra");
        assertThat(models.assessments(wardOfficer.view(), MovementFixture.village, model.id()))
                .containsExactly(new MovementModel.Assessment(model.id(), 2016, false, "Không duy trì tuần tra"));
        Map<String, Object> changedAssessment = audit("model-assessment", model.id() + "/2016");
        assertThat((String) changedAssessment.get("before")).contains("Giữ vững ANTT");
        assertThat((String) changedAssessment.get("after")).contains("Không duy trì tuần tra");
        assertThatThrownBy(() -> models.reassess(wardOfficer, MovementFixture.village, model.id(), 2015, true, "x"))
                .isInstanceOf(UnknownMovementRecordException.class);

        models.removeAssessment(wardOfficer, MovementFixture.village, model.id(), 2016);
        assertThat(audit("model-assessment", model.id() + "/2016").get("action"))
                .isEqualTo("DELETED");
        Camera camera = models.register(
                wardOfficer,
                MovementFixture.village,
                new Camera.Form(model.id(), 20.42, 106.17, "Nhà ông Đinh Văn F", null, null));
        models.remove(wardOfficer, MovementFixture.village, model.id());
        assertThat(jdbc.sql("SELECT count(*) FROM movement_model WHERE id = :id")
                        .param("id", model.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(models.cameras(wardOfficer.view(), MovementFixture.village))
                .filteredOn(c -> c.id() == camera.id())
                .singleElement()
                .extracting(Camera::modelId)
                .as("the camera stays, without its model")
                .isNull();
        Map<String, Object> removed = audit("model", Long.toString(model.id()));
        assertThat(removed.get("action")).isEqualTo("DELETED");
        assertThat((String) removed.get("before")).contains("Tổ ANND số 6");
        assertThat(removed.get("after")).isNull();
    }

    @Test
    void recordsOfAnotherUnitOrOutsideTheScopeAreNotTouched() {
        MovementModel elsewhere = team(MovementFixture.villageElsewhere, "Tổ ANND Trần Tế Xương");
        MovementModel.Form form = changed(elsewhere, elsewhere.typeCode(), "Đổi tên", elsewhere.startedOn(), null);
        assertThatThrownBy(() -> models.edit(wardOfficer, MovementFixture.villageElsewhere, elsewhere.id(), form))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> models.edit(wardOfficer, MovementFixture.village, elsewhere.id(), form))
                .as("a model is corrected under its own unit")
                .isInstanceOf(UnknownMovementRecordException.class);
        assertThatThrownBy(() -> models.remove(wardOfficer, MovementFixture.village, elsewhere.id()))
                .isInstanceOf(UnknownMovementRecordException.class);
        assertThat(stored(elsewhere.id())).isEqualTo(elsewhere);
    }

    @Test
    void outOfScopeEditsOverHttpAre403AndChangeNothing() throws Exception {
        MovementModel elsewhere = team(MovementFixture.villageElsewhere, "Tổ ANND số 9 Trần Tế Xương");
        Camera camera = models.register(
                Caller.SYSTEM,
                MovementFixture.villageElsewhere,
                new Camera.Form(null, 20.43, 106.18, "Nhà văn hóa tổ 9", null, null));
        long audited = auditedWrites();
        long lastBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
        String base = "/api/v1/movement/units/" + MovementFixture.villageElsewhere;
        assertThat(api("PUT", base + "/models/" + elsewhere.id(), """
                {"typeCode": "PEOPLES_SECURITY_TEAM", "name": "Đổi tên", "startedOn": "2015-01-01"}""").statusCode())
                .isEqualTo(403);
        assertThat(api("PUT", base + "/models/" + elsewhere.id() + "/end", """
                {"endedOn": "2018-01-01"}""").statusCode())
                .isEqualTo(403);
        assertThat(api("DELETE", base + "/models/" + elsewhere.id(), null).statusCode())
                .isEqualTo(403);
        assertThat(api("DELETE", base + "/cameras/" + camera.id(), null).statusCode())
                .isEqualTo(403);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("name", "Đổi tên");
        assertThat(ward.postForm(
                                "/movement/units/" + MovementFixture.villageElsewhere + "/models/" + elsewhere.id(),
                                form)
                        .statusCode())
                .isEqualTo(403);
        assertThat(ward.postForm(
                                "/movement/units/" + MovementFixture.villageElsewhere + "/models/" + elsewhere.id()
                                        + "/remove",
                                form)
                        .statusCode())
                .isEqualTo(403);
        assertThat(stored(elsewhere.id())).isEqualTo(elsewhere);
        assertThat(models.cameras(Caller.SYSTEM.view(), MovementFixture.villageElsewhere))
                .contains(camera);
        assertThat(auditedWrites()).as("nothing written").isEqualTo(audited);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'REFUSED' AND id > :since")
                        .param("since", lastBefore)
                        .query(Long.class)
                        .single())
                .as("the refusals are in the log")
                .isPositive();
    }

    @Test
    void theApiEditsEndsAndRemovesAModel() throws Exception {
        MovementModel model = team(MovementFixture.village, "Tổ ANND số 7");
        String path = "/api/v1/movement/units/" + MovementFixture.village + "/models/" + model.id();
        HttpResponse<String> wrongKind = api("PUT", path, """
                {"typeCode": "SAFE_SCHOOL", "name": "Tổ ANND số 7", "startedOn": "2015-01-01"}""");
        assertThat(wrongKind.statusCode()).isEqualTo(400);
        assertThat(wrongKind.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(wrongKind.body()).contains("typeCode");
        HttpResponse<String> edited = api("PUT", path, """
                {"typeCode": "PEOPLES_SECURITY_TEAM", "name": "Tổ an ninh nhân dân số 7", "startedOn": "2015-01-01",
                 "leader": "Lê Văn G", "members": 14, "campaigns": ["Toàn dân bảo vệ ANTQ"]}""");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(stored(model.id()).name()).isEqualTo("Tổ an ninh nhân dân số 7");
        assertThat(stored(model.id()).members()).isEqualTo(14);
        assertThat(api("PUT", path + "/end", """
                {"endedOn": "2014-01-01"}""").statusCode()).isEqualTo(400);
        assertThat(api("PUT", path + "/end", """
                {"endedOn": "2018-06-30"}""").statusCode()).isEqualTo(200);
        assertThat(stored(model.id()).endedOn()).isEqualTo(LocalDate.of(2018, 6, 30));
        assertThat(api("POST", path + "/assessments", """
                {"year": 2017, "effective": true, "reason": "Tuần tra đều"}""").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = api("DELETE", path, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("hãy kết thúc mô hình");
        assertThat(api("PUT", path + "/assessments/2017", """
                {"effective": false, "reason": "Ít hoạt động"}""").statusCode()).isEqualTo(200);
        assertThat(api("DELETE", path + "/assessments/2017", null).statusCode()).isEqualTo(204);
        assertThat(api("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(api("DELETE", path, null).statusCode()).isEqualTo(404);
    }

    @Test
    void camerasAreCorrectedAndRemoved() throws Exception {
        Camera camera = models.register(
                wardOfficer,
                MovementFixture.village,
                new Camera.Form(null, 20.4251, 106.1683, "Nhà ông Phạm Văn C", "Ngã ba chợ", null));
        assertThatThrownBy(() -> models.editCamera(
                        wardOfficer,
                        MovementFixture.village,
                        camera.id(),
                        new Camera.Form(null, 95.0, 106.1683, "Nhà ông Phạm Văn C", null, null)))
                .isInstanceOf(MovementRefusedException.class);
        Camera moved = models.editCamera(
                wardOfficer,
                MovementFixture.village,
                camera.id(),
                new Camera.Form(null, 20.4260, 106.1690, "Nhà ông Phạm Văn C", "Cổng chợ", LocalDate.of(2017, 5, 1)));
        assertThat(models.cameras(wardOfficer.view(), MovementFixture.village))
                .contains(moved)
                .doesNotContain(camera);
        Map<String, Object> entry = audit("camera", Long.toString(camera.id()));
        assertThat((String) entry.get("before")).contains("Ngã ba chợ");
        assertThat((String) entry.get("after")).contains("Cổng chợ");
        HttpResponse<String> removed =
                api("DELETE", "/api/v1/movement/units/" + MovementFixture.village + "/cameras/" + camera.id(), null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(models.cameras(wardOfficer.view(), MovementFixture.village))
                .extracting(Camera::id)
                .doesNotContain(camera.id());
        assertThat(audit("camera", Long.toString(camera.id())).get("action")).isEqualTo("DELETED");
    }

    @Test
    void reviewsAreCorrectedAndRemovedWithTheirAttachments() {
        Conference review = conferences.record(
                wardOfficer,
                MovementFixture.haLong,
                new Conference.Form(
                        Conference.Kind.INTERIM,
                        "Sơ kết 3 năm",
                        LocalDate.of(2016, 1, 20),
                        LocalDate.of(2013, 1, 1),
                        LocalDate.of(2015, 12, 31),
                        80,
                        null,
                        List.of()));
        var first = conferences.attach(
                wardOfficer,
                MovementFixture.haLong,
                review.id(),
                "bien-ban.pdf",
                "application/pdf",
                "%PDF-1.4 a".getBytes());
        conferences.attach(wardOfficer, MovementFixture.haLong, review.id(), "anh.png", "image/png", new byte[] {
            (byte) 0x89, 'P', 'N', 'G', 1
        });
        assertThatThrownBy(() -> conferences.edit(
                        wardOfficer,
                        MovementFixture.haLong,
                        review.id(),
                        new Conference.Form(
                                Conference.Kind.FINAL,
                                "Tổng kết",
                                LocalDate.of(2015, 1, 1),
                                LocalDate.of(2013, 1, 1),
                                LocalDate.of(2015, 12, 31),
                                80,
                                null,
                                List.of())))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.heldBeforePeriodEnd"));
        Conference edited = conferences.edit(
                wardOfficer,
                MovementFixture.haLong,
                review.id(),
                new Conference.Form(
                        Conference.Kind.INTERIM,
                        "Sơ kết 3 năm phong trào",
                        LocalDate.of(2016, 1, 22),
                        LocalDate.of(2013, 1, 1),
                        LocalDate.of(2015, 12, 31),
                        95,
                        "Biên bản",
                        List.of("Toàn dân bảo vệ ANTQ")));
        assertThat(edited.attendance()).isEqualTo(95);
        assertThat(edited.unitKind()).isEqualTo(review.unitKind());
        assertThat((String) audit("conference", Long.toString(review.id())).get("before"))
                .contains("\"attendance\": 80");

        conferences.removeAttachment(wardOfficer, MovementFixture.haLong, first.id());
        assertThat(conferences.attachments(wardOfficer.view(), MovementFixture.haLong, review.id()))
                .extracting(Conference.Attachment::fileName)
                .containsExactly("anh.png");
        assertThat(audit("conference-attachment", Long.toString(first.id())).get("action"))
                .isEqualTo("DELETED");

        conferences.remove(wardOfficer, MovementFixture.haLong, review.id());
        assertThat(jdbc.sql("SELECT count(*) FROM conference_attachment WHERE conference_id = :id")
                        .param("id", review.id())
                        .query(Long.class)
                        .single())
                .as("attachments go with it")
                .isZero();
        Map<String, Object> removed = audit("conference", Long.toString(review.id()));
        assertThat(removed.get("action")).isEqualTo("DELETED");
        assertThat((String) removed.get("before"))
                .contains("Sơ kết 3 năm phong trào")
                .contains("anh.png");
    }

    @Test
    void agreementsAreCorrectedOnlyByTheRecordingUnit() {
        Title.Agreement agreement = titles.agree(
                Caller.SYSTEM,
                MovementFixture.parish,
                new Title.AgreementForm(
                        List.of(MovementFixture.secondParish),
                        LocalDate.of(2017, 3, 1),
                        "Giao ước giữ gìn ANTT giáo xứ",
                        List.of()));
        assertThatThrownBy(() -> titles.editAgreement(
                        wardOfficer,
                        MovementFixture.secondParish,
                        agreement.id(),
                        new Title.AgreementForm(
                                List.of(MovementFixture.parish), LocalDate.of(2017, 3, 1), "Đổi", List.of())))
                .as("another party sees it but does not correct it")
                .isInstanceOf(UnknownMovementRecordException.class);
        Caller elsewhere = new Caller(
                61,
                "elsewhere",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(MovementFixture.tranTeXuong)),
                Scope.of(Set.of(MovementFixture.tranTeXuong)));
        assertThatThrownBy(() -> titles.removeAgreement(elsewhere, MovementFixture.parish, agreement.id()))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> titles.editAgreement(
                        wardOfficer,
                        MovementFixture.parish,
                        agreement.id(),
                        new Title.AgreementForm(List.of(), LocalDate.of(2017, 3, 1), "Một bên", List.of())))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.parties"));
        Title.Agreement edited = titles.editAgreement(
                wardOfficer,
                MovementFixture.parish,
                agreement.id(),
                new Title.AgreementForm(
                        List.of(MovementFixture.secondParish, MovementFixture.pagoda),
                        LocalDate.of(2017, 3, 2),
                        "Giao ước Ba an toàn",
                        List.of("Toàn dân đoàn kết xây dựng đời sống văn hóa")));
        assertThat(edited.partyIds())
                .containsExactly(MovementFixture.parish, MovementFixture.secondParish, MovementFixture.pagoda);
        Map<String, Object> entry = audit("emulation-agreement", Long.toString(agreement.id()));
        assertThat((String) entry.get("before")).contains("Giao ước giữ gìn ANTT giáo xứ");
        assertThat((String) entry.get("after")).contains("Giao ước Ba an toàn");
        titles.removeAgreement(wardOfficer, MovementFixture.parish, agreement.id());
        assertThat(titles.agreementsUnder(wardOfficer.view(), MovementFixture.haLong))
                .extracting(Title.Agreement::id)
                .doesNotContain(agreement.id());
        assertThat(audit("emulation-agreement", Long.toString(agreement.id())).get("action"))
                .isEqualTo("DELETED");
    }

    @Test
    void agreementsAndModelTypesExportToExcel() throws Exception {
        titles.agree(
                Caller.SYSTEM,
                MovementFixture.school,
                new Title.AgreementForm(
                        List.of(MovementFixture.pagoda),
                        LocalDate.of(2017, 4, 2),
                        "Giao ước trường học và chùa",
                        List.of("Toàn dân bảo vệ ANTQ")));
        titles.agree(
                Caller.SYSTEM,
                MovementFixture.haLong,
                new Title.AgreementForm(
                        List.of(MovementFixture.tranTeXuong),
                        LocalDate.of(2017, 5, 3),
                        "Giao ước giữa hai phường",
                        List.of()));
        List<List<String>> agreements = sheet("/movement/units/" + MovementFixture.haLong + "/agreements.xlsx");
        assertThat(agreements.get(0))
                .containsExactly("Ngày ký", "Đơn vị ghi", "Các bên", "Nội dung", "Cuộc vận động, phong trào liên quan");
        assertThat(agreements.subList(1, agreements.size()))
                .as("every agreement the ward's officer may see")
                .containsExactlyElementsOf(titles.agreementsUnder(wardOfficer.view(), MovementFixture.haLong).stream()
                        .map(a -> Workbooks.row(
                                a.signedOn(),
                                partyName(a.unitId()),
                                String.join(
                                        "; ",
                                        a.partyIds().stream()
                                                .map(this::partyName)
                                                .toList()),
                                a.content(),
                                String.join("; ", a.campaigns())))
                        .toList());
        assertThat(agreements)
                .anySatisfy(row -> assertThat(row)
                        .containsExactly(
                                "02/04/2017",
                                "Trường Tiểu học Hạ Long",
                                "Trường Tiểu học Hạ Long; Chùa Cả",
                                "Giao ước trường học và chùa",
                                "Toàn dân bảo vệ ANTQ"));
        assertThat(agreements)
                .as("a party outside the caller's scope is not named")
                .anySatisfy(row -> assertThat(row)
                        .startsWith("03/05/2017", "Phường Hạ Long", "Phường Hạ Long; (đơn vị ngoài phạm vi của bạn)"));

        modelTypes.save(
                Caller.SYSTEM,
                new ModelType(
                        "OLD_NIGHT_WATCH",
                        "Tổ canh đêm (cũ)",
                        "Night watch (old)",
                        java.util.EnumSet.of(UnitKind.RESIDENTIAL_AREA),
                        false,
                        false,
                        true,
                        false));
        List<List<String>> types = sheet("/movement/model-types.xlsx");
        assertThat(types)
                .as("a type no longer in use")
                .contains(Workbooks.row(
                        "OLD_NIGHT_WATCH",
                        "Tổ canh đêm (cũ)",
                        "Night watch (old)",
                        "khu dân cư",
                        null,
                        null,
                        "Có",
                        null));
        assertThat(types.get(0).get(1)).isEqualTo("Tên tiếng Việt");
        assertThat(types)
                .anySatisfy(row ->
                        assertThat(row).startsWith("SAFE_SCHOOL", "Trường học an toàn", "Safe school", "trường học"));
        assertThat(types)
                .hasSize(1
                        + jdbc.sql("SELECT count(*) FROM model_type")
                                .query(Integer.class)
                                .single());
        Locale vi = Locale.forLanguageTag("vi");
        assertThat(types.subList(1, types.size()))
                .as("every model type, every column")
                .containsExactlyElementsOf(modelTypes.all().stream()
                        .map(t -> Workbooks.row(
                                t.code(),
                                t.nameVi(),
                                t.nameEn(),
                                String.join(
                                        "; ",
                                        t.unitKinds().stream()
                                                .sorted()
                                                .map(k -> messages.getMessage("units.kind." + k, null, vi))
                                                .toList()),
                                t.selfManage() ? "Có" : null,
                                t.selfPrevent() ? "Có" : null,
                                t.selfProtect() ? "Có" : null,
                                t.active() ? "Có" : null))
                        .toList());
        Document landing = Jsoup.parse(ward.getPage("/movement").body());
        assertThat(landing.select("a[href$=/movement/model-types.xlsx]")).isNotEmpty();
        HttpResponse<String> unitPage = ward.getPage("/movement/units/" + MovementFixture.haLong);
        assertThat(unitPage.statusCode()).isEqualTo(200);
        Document unit = Jsoup.parse(unitPage.body());
        assertThat(unit.select(".movement-agreements").text()).contains("Giao ước giữa hai phường");
        assertThat(unit.select("a[href$=/agreements.xlsx]")).isNotEmpty();
    }

    @Test
    void onThePageAnAgreementIsRefusedMarkingItsField_thenRecordedAndCorrected() {
        String path = "/movement/units/" + MovementFixture.parish;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("partyId", Long.toString(MovementFixture.secondParish));
        form.put("signedOn", "2017-02-30x");
        form.put("content", "Giao ước qua trang");
        form.put("campaigns", "Toàn dân bảo vệ ANTQ");
        HttpResponse<String> refused = ward.postForm(path + "/agreements", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document refusedPage = Jsoup.parse(refused.body());
        assertThat(refusedPage.selectFirst("#signedOn").hasClass("is-invalid")).isTrue();
        assertThat(refusedPage.selectFirst("#signedOn").attr("aria-describedby"))
                .isEqualTo("signedOn-error");
        assertThat(refusedPage.selectFirst("#agreementContent").text()).isEqualTo("Giao ước qua trang");
        form.put("signedOn", "2017-02-20");
        assertThat(ward.postForm(path + "/agreements", form).statusCode()).isEqualTo(302);
        Title.Agreement recorded = titles.agreementsUnder(wardOfficer.view(), MovementFixture.haLong).stream()
                .filter(a -> a.content().equals("Giao ước qua trang"))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.partyIds()).contains(MovementFixture.secondParish);
        assertThat(recorded.campaigns()).containsExactly("Toàn dân bảo vệ ANTQ");

        Map<String, String> correction = Map.of(
                "_csrf",
                csrf,
                "partyIds",
                Long.toString(MovementFixture.pagoda),
                "signedOn",
                "2017-02-21",
                "content",
                "Giao ước sửa",
                "campaigns",
                "");
        assertThat(ward.postForm(path + "/agreements/" + recorded.id(), correction)
                        .statusCode())
                .isEqualTo(302);
        Title.Agreement corrected = titles.agreementsUnder(wardOfficer.view(), MovementFixture.haLong).stream()
                .filter(a -> a.id() == recorded.id())
                .findFirst()
                .orElseThrow();
        assertThat(corrected.partyIds()).contains(MovementFixture.pagoda).doesNotContain(MovementFixture.secondParish);
        assertThat(corrected.signedOn()).isEqualTo(LocalDate.of(2017, 2, 21));
        assertThat(corrected.content()).isEqualTo("Giao ước sửa");
        titles.removeAgreement(wardOfficer, MovementFixture.parish, recorded.id());
    }

    @Test
    void onThePageAModelIsEditedAndARefusedRemovalOffersTheEnd() {
        MovementModel model = team(MovementFixture.village, "Tổ ANND số 8");
        models.assess(Caller.SYSTEM, MovementFixture.village, model.id(), 2016, true, "Tốt");
        String path = "/movement/units/" + MovementFixture.village;
        Document page = Jsoup.parse(ward.getPage(path).body());
        var editForm = page.selectFirst("#edit-model-" + model.id() + " form.movement-model-edit");
        assertThat(editForm).isNotNull();
        assertThat(editForm.selectFirst("input[name=name]").attr("value")).isEqualTo("Tổ ANND số 8");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("typeCode", "PEOPLES_SECURITY_TEAM");
        form.put("name", "Tổ ANND số 8 (sửa)");
        form.put("startedOn", "2017-01-01");
        form.put("members", "11");
        HttpResponse<String> refused = ward.postForm(path + "/models/" + model.id(), form);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document refusedPage = Jsoup.parse(refused.body());
        assertThat(refusedPage.select("#edit-model-" + model.id()).hasAttr("open"))
                .isTrue();
        assertThat(refusedPage
                        .select("#edit-model-" + model.id() + " .form-error")
                        .text())
                .contains("Ngày bắt đầu")
                .contains("ngoài khoảng thời gian");
        assertThat(refusedPage.selectFirst("#name-" + model.id()).attr("value")).isEqualTo("Tổ ANND số 8 (sửa)");
        form.put("startedOn", "2015-02-01");
        assertThat(ward.postForm(path + "/models/" + model.id(), form).statusCode())
                .isEqualTo(302);
        assertThat(stored(model.id()).name()).isEqualTo("Tổ ANND số 8 (sửa)");
        assertThat(stored(model.id()).members()).isEqualTo(11);

        HttpResponse<String> removal = ward.postForm(path + "/models/" + model.id() + "/remove", Map.of("_csrf", csrf));
        Document removalPage = Jsoup.parse(removal.body());
        assertThat(removalPage.select("#edit-model-" + model.id()).hasAttr("open"))
                .isTrue();
        assertThat(removalPage
                        .select("#edit-model-" + model.id() + " .form-error")
                        .text())
                .contains("hãy kết thúc mô hình");
        assertThat(removalPage.select("#edit-model-" + model.id() + " form.movement-model-end"))
                .isNotEmpty();
        assertThat(stored(model.id())).isNotNull();
    }

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "TUQUAN_SESSION=" + ward.cookie("TUQUAN_SESSION"))
                .header("X-CSRF-TOKEN", csrf)
                .header("Accept", "application/json")
                .header("Accept-Language", "vi");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A unit's name as an export shows it to the ward's officer: units outside the ward are not named. */
    String partyName(long unitId) {
        return units.contains(wardOfficer.view(), unitId, Dates.today())
                ? units.latest(wardOfficer.view(), unitId).orElseThrow().name()
                : "(đơn vị ngoài phạm vi của bạn)";
    }

    /** The first sheet of an export, each cell as Excel shows it (dates 02/04/2017), rows as wide as the widest. */
    List<List<String>> sheet(String path) throws Exception {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", "TUQUAN_SESSION=" + ward.cookie("TUQUAN_SESSION"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Workbooks.rows(response.body());
    }
}
