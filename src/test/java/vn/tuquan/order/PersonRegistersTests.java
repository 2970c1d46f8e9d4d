package vn.tuquan.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.Callers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.internal.PersonColumns;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.EncryptedColumns;
import vn.tuquan.shared.FieldCipher;
import vn.tuquan.shared.KeyRotation;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * Drug users, mediations and re-education over real HTTP on the real database: who may read what
 * (403 without SENSITIVE_READ, no personal field in what they may read, exports included), every
 * sensitive read in the audit log, values encrypted at rest and covered by key rotation, and the
 * counts per unit and period with their boundaries.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=order-persons")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonRegistersTests {

    static final String NAME = "Trần Văn Nghiện";
    static final String PARTY = "Lê Thị Hòa Giải";

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
    DrugUsers drugUsers;

    @Autowired
    Mediations mediations;

    @Autowired
    ReEducations reEducations;

    @Autowired
    PersonStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Callers callers;

    @Autowired
    MessageSource messages;

    @Autowired
    FieldCipher cipher;

    @Autowired
    KeyRotation rotation;

    final HttpClient client = HttpClient.newHttpClient();
    WebSession admin;
    WebSession viewer;
    WebSession officer;
    long drugUserId;
    long mediationId;
    long caseId;

    @BeforeAll
    void setUp() {
        PersonsFixture.ensure(lists, localUnits, units, accounts);
        admin = signedIn(PersonsFixture.ADMIN);
        viewer = signedIn(PersonsFixture.VIEWER);
        officer = signedIn(PersonsFixture.OFFICER);
        drugUserId = drugUsers
                .record(
                        Caller.SYSTEM,
                        PersonsFixture.area1,
                        new DrugUser.Form(
                                new PersonDetails(NAME, "1990", "036090001234", "Số 5 phố Hạ Long"),
                                LocalDate.of(2017, 3, 1)))
                .id();
        drugUsers.changeStatus(
                Caller.SYSTEM,
                PersonsFixture.area1,
                drugUserId,
                DrugUser.Status.IN_TREATMENT,
                LocalDate.of(2017, 4, 1),
                "Vào cơ sở cai nghiện Nam Định");
        mediationId = mediations
                .record(
                        Caller.SYSTEM,
                        PersonsFixture.area1,
                        new Mediation.Form(
                                LocalDate.of(2017, 5, 2),
                                PARTY + " và Phạm Văn Bên",
                                "Tranh chấp lối đi chung",
                                Mediation.Outcome.RECONCILED,
                                "Tổ hòa giải số 1"))
                .id();
        caseId = reEducations
                .record(
                        Caller.SYSTEM,
                        PersonsFixture.area2,
                        new ReEducation.Form(
                                new PersonDetails("Vũ Văn Giáo Dục", "12/03/1995", "036095004321", "Tổ dân phố số 2"),
                                LocalDate.of(2017, 2, 1),
                                "Hội Phụ nữ phường Hạ Long"))
                .id();
    }

    WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, PersonsFixture.PASSWORD);
        return session;
    }

    String base(long unitId) {
        return "/api/v1/order/units/" + unitId;
    }

    // ---- without SENSITIVE_READ ---------------------------------------------------------------

    @Test
    void withoutTheSensitivePermissionDrugUsersAndReEducationAre403_apiAndPages_andNothingPersonalShowsElsewhere()
            throws Exception {
        long auditBefore = sensitiveReadsBy(PersonsFixture.OFFICER) + sensitiveReadsBy(PersonsFixture.VIEWER);
        for (WebSession who : List.of(viewer, officer)) {
            for (String path : List.of(
                    "/drug-users",
                    "/drug-users/" + drugUserId,
                    "/drug-users.xlsx",
                    "/re-educations",
                    "/re-educations/" + caseId,
                    "/re-educations.xlsx",
                    "/mediations?withParties=true",
                    "/mediations/" + mediationId + "?withParties=true",
                    "/incidents/1/persons")) {
                assertThat(who.get(base(PersonsFixture.haLong) + path).statusCode())
                        .as(path)
                        .isEqualTo(403);
            }
            for (String page :
                    List.of("/drug-users", "/drug-users/" + drugUserId, "/re-educations", "/re-educations/" + caseId)) {
                assertThat(who.getPage("/order/units/" + PersonsFixture.haLong + page)
                                .statusCode())
                        .as(page)
                        .isEqualTo(403);
            }
        }
        // a commune officer may record a mediation but not a drug user, and the refusal writes nothing
        long drugUsersBefore = count("drug_user");
        assertThat(postJson(
                                officer,
                                base(PersonsFixture.area3) + "/drug-users",
                                "{\"fullName\":\"Ai Đó\",\"detectedOn\":\"2017-05-01\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(count("drug_user")).isEqualTo(drugUsersBefore);

        // what they may read holds no personal field: counts, mediations (API, pages, export)
        long newInHaLong = statistics
                .counts(Scope.WHOLE_COUNTRY, PersonsFixture.haLong, 2017, Set.of())
                .get(0)
                .newDrugUsers();
        assertThat(newInHaLong).isPositive();
        for (WebSession who : List.of(viewer, officer)) {
            String counts = who.get(base(PersonsFixture.haLong) + "/persons/counts?year=2017&kinds=RESIDENTIAL_AREA")
                    .body();
            assertThat(counts)
                    .contains("\"newDrugUsers\":" + newInHaLong)
                    .doesNotContain(NAME)
                    .doesNotContain("036090001234");
            String list = who.get(base(PersonsFixture.haLong) + "/mediations?year=2017")
                    .body();
            assertThat(list)
                    .contains("Tranh chấp lối đi chung")
                    .contains("\"parties\":null")
                    .doesNotContain(PARTY);
            String one = who.get(base(PersonsFixture.haLong) + "/mediations/" + mediationId)
                    .body();
            assertThat(one).contains("Tổ hòa giải số 1").doesNotContain(PARTY);
            String page = who.getPage(
                            "/order/units/" + PersonsFixture.haLong + "/mediations/" + mediationId + "?parties=true")
                    .body();
            assertThat(who.getPage("/order/units/" + PersonsFixture.haLong + "/mediations/" + mediationId
                                    + "?parties=true")
                            .statusCode())
                    .isEqualTo(403);
            Document shown =
                    Jsoup.parse(who.getPage("/order/units/" + PersonsFixture.haLong + "/mediations/" + mediationId)
                            .body());
            assertThat(shown.select(".mediation-parties").text())
                    .contains("Chỉ người có quyền")
                    .doesNotContain(PARTY);
            assertThat(shown.select(".show-parties")).isEmpty();
            assertThat(page).doesNotContain(PARTY);
            Document counted = Jsoup.parse(who.getPage("/order/units/" + PersonsFixture.haLong + "/persons?year=2017")
                    .body());
            assertThat(counted.select(".new-drug-users").text()).isEqualTo(Long.toString(newInHaLong));
            assertThat(counted.text()).doesNotContain(NAME);
            assertThat(counted.select("a[href*=drug-users]"))
                    .as("no link to a list they cannot open")
                    .isEmpty();
            List<String> cells = cells(who.getBytes(base(PersonsFixture.haLong) + "/mediations.xlsx?year=2017"));
            assertThat(cells)
                    .contains("Tranh chấp lối đi chung")
                    .doesNotContain("Các bên")
                    .noneMatch(c -> c.contains(PARTY));
        }
        assertThat(sensitiveReadsBy(PersonsFixture.OFFICER) + sensitiveReadsBy(PersonsFixture.VIEWER))
                .as("a refused read records no sensitive read")
                .isEqualTo(auditBefore);
        // in the service too, without the web layer
        Caller officerCaller = new Caller(
                99,
                "x",
                Set.of(Permission.ORDER_READ, Permission.ORDER_WRITE),
                Scope.of(Set.of(PersonsFixture.haLong)),
                Scope.of(Set.of(PersonsFixture.haLong)));
        assertThatThrownBy(() -> drugUsers.find(officerCaller, PersonsFixture.haLong, drugUserId))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> mediations.list(officerCaller, PersonsFixture.haLong, null, null, true, 10, 0))
                .isInstanceOf(AccessRefusedException.class);
    }

    // ---- with SENSITIVE_READ --------------------------------------------------------------------

    @Test
    void withTheSensitivePermissionReadsWork_andEachWritesASensitiveReadEntryNamingFieldsNeverValues()
            throws Exception {
        long before = sensitiveReadsBy(PersonsFixture.ADMIN);
        HttpResponse<String> one = admin.get(base(PersonsFixture.haLong) + "/drug-users/" + drugUserId);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains(NAME).contains("036090001234").contains("Vào cơ sở cai nghiện Nam Định");
        assertThat(sensitiveReadsBy(PersonsFixture.ADMIN)).isEqualTo(before + 2); // the record and its history
        Map<String, Object> entry =
                jdbc.sql("""
                SELECT entity_type, entity_id, unit_id, after::text AS after FROM audit_event
                 WHERE action = 'READ_SENSITIVE' AND actor_username = :who AND entity_type = 'drug-user'
                 ORDER BY id DESC LIMIT 1""").param("who", PersonsFixture.ADMIN).query().singleRow();
        assertThat(entry.get("entity_id")).isEqualTo(Long.toString(drugUserId));
        assertThat(entry.get("unit_id")).isEqualTo(PersonsFixture.haLong);
        assertThat((String) entry.get("after"))
                .contains("fullName")
                .contains("nationalId")
                .doesNotContain(NAME)
                .doesNotContain("036090001234");

        // the page and the list read and are audited too
        Document page = Jsoup.parse(admin.getPage("/order/units/" + PersonsFixture.haLong + "/drug-users/" + drugUserId)
                .body());
        assertThat(page.select(".person-name").text()).isEqualTo(NAME);
        assertThat(page.select(".status-history li")).hasSize(2);
        Document list = Jsoup.parse(admin.getPage("/order/units/" + PersonsFixture.province + "/drug-users?year=2017")
                .body());
        assertThat(list.select("table.drug-users tbody tr").text()).contains(NAME);
        assertThat(sensitiveReadsBy(PersonsFixture.ADMIN)).isEqualTo(before + 5);
        List<String> exported = cells(admin.getBytes(base(PersonsFixture.haLong) + "/drug-users.xlsx"));
        assertThat(exported).contains(NAME, "Tổ dân phố số 1", "Họ và tên");
        assertThat(sensitiveReadsBy(PersonsFixture.ADMIN)).isEqualTo(before + 6);
        // mediation parties: shown on request, audited; the export has them for this reader
        Document mediation = Jsoup.parse(
                admin.getPage("/order/units/" + PersonsFixture.haLong + "/mediations/" + mediationId + "?parties=true")
                        .body());
        assertThat(mediation.select(".mediation-parties").text()).contains(PARTY);
        assertThat(cells(admin.getBytes(base(PersonsFixture.haLong) + "/mediations.xlsx")))
                .contains("Các bên")
                .anyMatch(c -> c.contains(PARTY));
        assertThat(sensitiveReadsBy(PersonsFixture.ADMIN)).isEqualTo(before + 8);
        // the write's audit entry names the personal fields, never their values
        String written = jdbc.sql("""
                SELECT after::text FROM audit_event WHERE module = 'order' AND entity_type = 'drug-user'
                   AND action = 'CREATED' AND entity_id = :id""")
                .param("id", Long.toString(drugUserId))
                .query(String.class)
                .single();
        assertThat(written)
                .contains("fullName")
                .contains("detectedOn")
                .doesNotContain(NAME)
                .doesNotContain("v1:");
        assertThat(jdbc.sql("SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ')"
                                + " FROM audit_event WHERE module = 'order'")
                        .query(String.class)
                        .single())
                .doesNotContain(NAME)
                .doesNotContain(PARTY)
                .doesNotContain("Vào cơ sở cai nghiện");
    }

    @Test
    void theExportsHoldEveryRecordTheReaderMaySee_everyColumn() throws Exception {
        long inArea2 = record(PersonsFixture.area2, "Lý Văn Xuất", LocalDate.of(2018, 3, 1));
        long elsewhere = record(PersonsFixture.areaElsewhere, "Người Ngoài Phường", LocalDate.of(2019, 5, 1));
        mediations.record(
                Caller.SYSTEM,
                PersonsFixture.area2,
                new Mediation.Form(
                        LocalDate.of(2018, 4, 3),
                        "Hai bên hàng xóm",
                        "Tranh chấp ranh giới đất",
                        Mediation.Outcome.NOT_RECONCILED,
                        "Tổ hòa giải số 2"));
        Caller adminCaller = callers.forUsername(PersonsFixture.ADMIN).orElseThrow();
        Caller viewerCaller = callers.forUsername(PersonsFixture.VIEWER).orElseThrow();
        long haLong = PersonsFixture.haLong;

        List<DrugUser> users = drugUsers.list(adminCaller, haLong, null, false, null, 5000, 0);
        assertThat(users).extracting(DrugUser::id).contains(drugUserId, inArea2).doesNotContain(elsewhere);
        List<List<String>> userSheet = Workbooks.rows(admin.getBytes(base(haLong) + "/drug-users.xlsx"));
        assertThat(userSheet.get(0))
                .containsExactly(
                        "Mã hồ sơ",
                        "Họ và tên",
                        "Năm sinh hoặc ngày sinh",
                        "Số căn cước công dân",
                        "Địa chỉ",
                        "Đơn vị",
                        "Ngày phát hiện",
                        "Tình trạng",
                        "Từ ngày");
        assertThat(userSheet.subList(1, userSheet.size()))
                .containsExactlyElementsOf(users.stream()
                        .map(d -> Workbooks.row(
                                d.id(),
                                d.person().fullName(),
                                d.person().birth(),
                                d.person().nationalId(),
                                d.person().address(),
                                unitName(d.residenceUnitId()),
                                d.detectedOn(),
                                message("order.drugUsers.status." + d.status()),
                                d.statusSince()))
                        .toList());
        assertThat(userSheet)
                .contains(Workbooks.row(
                        drugUserId,
                        NAME,
                        "1990",
                        "036090001234",
                        "Số 5 phố Hạ Long",
                        "Tổ dân phố số 1",
                        LocalDate.of(2017, 3, 1),
                        "Đang cai nghiện, điều trị",
                        LocalDate.of(2017, 4, 1)));

        // mediations: the parties' column for a reader with SENSITIVE_READ only
        for (Caller reader : List.of(adminCaller, viewerCaller)) {
            boolean parties = reader.can(Permission.SENSITIVE_READ);
            WebSession web = parties ? admin : viewer;
            List<Mediation> held = mediations.list(reader, haLong, null, null, parties, 5000, 0);
            assertThat(held).extracting(Mediation::id).contains(mediationId);
            List<List<String>> sheet = Workbooks.rows(web.getBytes(base(haLong) + "/mediations.xlsx"));
            List<String> header = new ArrayList<>(List.of(
                    "Mã hồ sơ",
                    "Đơn vị",
                    "Ngày hòa giải",
                    "Nội dung vụ việc",
                    "Kết quả",
                    "Hòa giải viên / tổ hòa giải"));
            if (parties) {
                header.add("Các bên");
            }
            assertThat(sheet.get(0)).as(reader.username()).containsExactlyElementsOf(header);
            assertThat(sheet.subList(1, sheet.size()))
                    .as(reader.username())
                    .containsExactlyElementsOf(held.stream()
                            .map(m -> {
                                List<String> row = new ArrayList<>(Workbooks.row(
                                        m.id(),
                                        unitName(m.unitId()),
                                        m.heldOn(),
                                        m.subject(),
                                        message("order.mediations.outcome." + m.outcome()),
                                        m.mediator()));
                                if (parties) {
                                    row.add(m.parties());
                                }
                                return row;
                            })
                            .toList());
            assertThat(sheet)
                    .as(reader.username())
                    .anySatisfy(row -> assertThat(row)
                            .startsWith(
                                    Long.toString(mediationId),
                                    "Tổ dân phố số 1",
                                    "02/05/2017",
                                    "Tranh chấp lối đi chung",
                                    "Hòa giải thành",
                                    "Tổ hòa giải số 1"));
            assertThat(sheet.stream().flatMap(List::stream).anyMatch(c -> c.contains(PARTY)))
                    .as(reader.username())
                    .isEqualTo(parties);
        }

        List<ReEducation> cases = reEducations.list(adminCaller, haLong, null, null, 5000, 0);
        assertThat(cases).extracting(ReEducation::id).contains(caseId);
        List<List<String>> caseSheet = Workbooks.rows(admin.getBytes(base(haLong) + "/re-educations.xlsx"));
        assertThat(caseSheet.get(0))
                .containsExactly(
                        "Mã hồ sơ",
                        "Họ và tên",
                        "Năm sinh hoặc ngày sinh",
                        "Số căn cước công dân",
                        "Địa chỉ",
                        "Đơn vị",
                        "Ngày bắt đầu",
                        "Ngày kết thúc",
                        "Kết quả",
                        "Người, tổ chức được giao giúp đỡ");
        assertThat(caseSheet.subList(1, caseSheet.size()))
                .containsExactlyElementsOf(cases.stream()
                        .map(r -> Workbooks.row(
                                r.id(),
                                r.person().fullName(),
                                r.person().birth(),
                                r.person().nationalId(),
                                r.person().address(),
                                unitName(r.unitId()),
                                r.startedOn(),
                                r.endedOn(),
                                r.outcome() == null ? null : message("order.reEducations.outcome." + r.outcome()),
                                r.responsible()))
                        .toList());
        assertThat(caseSheet)
                .contains(Workbooks.row(
                        caseId,
                        "Vũ Văn Giáo Dục",
                        "12/03/1995",
                        "036095004321",
                        "Tổ dân phố số 2",
                        unitName(PersonsFixture.area2),
                        LocalDate.of(2017, 2, 1),
                        null,
                        null,
                        "Hội Phụ nữ phường Hạ Long"));
    }

    String unitName(long unitId) {
        return units.latest(Scope.WHOLE_COUNTRY, unitId).orElseThrow().name();
    }

    String message(String key) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag("vi"));
    }

    @Test
    void storedValuesAreEncrypted_andKeyRotationCoversEveryNewColumn() {
        Map<String, Object> raw = jdbc.sql(
                        "SELECT full_name_enc, birth_enc, national_id_enc, address_enc FROM drug_user"
                                + " WHERE id = :id")
                .param("id", drugUserId)
                .query()
                .singleRow();
        for (Object value : raw.values()) {
            assertThat((String) value)
                    .startsWith("v1:")
                    .doesNotContain(NAME)
                    .doesNotContain("036090001234")
                    .doesNotContain("1990");
        }
        assertThat(jdbc.sql("SELECT parties_enc FROM mediation WHERE id = :id")
                        .param("id", mediationId)
                        .query(String.class)
                        .single())
                .startsWith("v1:")
                .doesNotContain("Lê Thị");
        assertThat(jdbc.sql("SELECT note_enc FROM drug_user_status WHERE drug_user_id = :id AND note_enc IS NOT NULL")
                        .param("id", drugUserId)
                        .query(String.class)
                        .single())
                .startsWith("v1:")
                .doesNotContain("cai nghiện");
        assertThat(jdbc.sql("SELECT full_name_enc FROM re_education WHERE id = :id")
                        .param("id", caseId)
                        .query(String.class)
                        .single())
                .startsWith("v1:")
                .doesNotContain("Giáo Dục");

        List<EncryptedColumns.Column> registered = rotation.registeredColumns();
        assertThat(registered).containsAll(PersonColumns.COLUMNS);
        String newKey = rotation.rotate(50).keyId();
        for (EncryptedColumns.Column c : PersonColumns.COLUMNS) {
            List<String> values = jdbc.sql(
                            "SELECT " + c.column() + " FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL")
                    .query(String.class)
                    .list();
            assertThat(values)
                    .as(c.table() + "." + c.column())
                    .isNotEmpty()
                    .allMatch(v -> v.startsWith("v1:" + newKey + ":"));
        }
        assertThat(drugUsers
                        .find(Caller.SYSTEM, PersonsFixture.haLong, drugUserId)
                        .person()
                        .fullName())
                .isEqualTo(NAME);
    }

    // ---- counts and periods -----------------------------------------------------------------------

    @Test
    void theCountOfNewDrugUsersMovesByOneWhenOneRecordChanges() throws Exception {
        long before = newIn(PersonsFixture.area3, 2017);
        long commune = statistics
                .counts(Scope.WHOLE_COUNTRY, PersonsFixture.haLong, 2017, Set.of())
                .get(0)
                .newDrugUsers();
        HttpResponse<String> created = postJson(
                admin,
                base(PersonsFixture.area3) + "/drug-users",
                "{\"fullName\":\"Đỗ Văn Mới\",\"birth\":\"1999\",\"detectedOn\":\"2017-06-15\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(newIn(PersonsFixture.area3, 2017)).isEqualTo(before + 1);
        assertThat(apiCount(PersonsFixture.haLong, 2017)).contains("\"newDrugUsers\":" + (commune + 1));
        HttpResponse<String> moved = send(
                admin,
                "PUT",
                base(PersonsFixture.area3) + "/drug-users/" + id,
                "{\"fullName\":\"Đỗ Văn Mới\",\"birth\":\"1999\",\"detectedOn\":\"2016-06-15\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(newIn(PersonsFixture.area3, 2017)).isEqualTo(before);
        assertThat(apiCount(PersonsFixture.haLong, 2017)).contains("\"newDrugUsers\":" + commune);
        assertThat(newIn(PersonsFixture.area3, 2016)).isEqualTo(1);
    }

    @Test
    void aDetectionCountsInThePeriodItsDayEnds_tt23AndTt124() {
        long area = PersonsFixture.areaElsewhere;
        record(area, "Người Ba Mươi", LocalDate.of(2016, 10, 30));
        record(area, "Người Ba Mốt", LocalDate.of(2016, 10, 31));
        record(area, "Người Ba Mốt Hai Hai", LocalDate.of(2022, 10, 31));
        record(area, "Người Mồng Một", LocalDate.of(2022, 11, 1));
        // TT 23: 2016 = 31/10/2015–31/10/2016, 2017 = 31/10/2016–31/10/2017: the regulation puts 31/10 in
        // both; a detection is an event and counts once, in the period that day ends (Period.firstEventDay)
        assertThat(Period.residentialArea(2017).from()).isEqualTo(LocalDate.of(2016, 10, 31));
        assertThat(newIn(area, 2016)).isEqualTo(2);
        assertThat(newIn(area, 2017)).isZero();
        // TT 124: 2022 = 31/10/2021 (TT 23 still) … 2023 = 01/11/2022–31/10/2023
        assertThat(newIn(area, 2022)).isEqualTo(1);
        assertThat(newIn(area, 2023)).isEqualTo(1);
    }

    @Test
    void aUnitHasNoDrugUserWhenNoRecordUnderItIsActiveAtAnyTimeInThePeriod() {
        // a commune of its own, with one residential area
        var district = units.find(Scope.WHOLE_COUNTRY, PersonsFixture.haLong, PersonsFixture.FROM)
                .orElseThrow()
                .parentId();
        long commune = units.children(Scope.WHOLE_COUNTRY, district, PersonsFixture.FROM).stream()
                .filter(u -> u.id() != PersonsFixture.haLong && u.id() != PersonsFixture.tranTeXuong)
                .findFirst()
                .orElseThrow()
                .id();
        long area = localUnits
                .createAll(
                        Caller.SYSTEM,
                        List.of(Map.entry(
                                commune,
                                new vn.tuquan.units.LocalUnitForm(
                                        vn.tuquan.units.UnitKind.RESIDENTIAL_AREA,
                                        "TO_DAN_PHO",
                                        "NN-TDP-20",
                                        "Tổ dân phố số 20",
                                        null))),
                        PersonsFixture.FROM)
                .get(0);
        // a record recovered on the period's first day does not count; one relapsing inside it does
        long recovered = record(area, "Người Đã Cai", LocalDate.of(2019, 2, 1));
        drugUsers.changeStatus(
                Caller.SYSTEM, area, recovered, DrugUser.Status.RECOVERED, LocalDate.of(2019, 10, 31), null);
        PersonStatistics.NoDrugUser y2020 = statistics.noDrugUser(Scope.WHOLE_COUNTRY, commune, 2020);
        assertThat(y2020.areasWithout()).isEqualTo(y2020.areas());
        assertThat(y2020.communesWithout()).isEqualTo(1);
        PersonStatistics.NoDrugUser y2019 = statistics.noDrugUser(Scope.WHOLE_COUNTRY, commune, 2019);
        assertThat(y2019.areasWithout()).isEqualTo(y2019.areas() - 1);
        assertThat(y2019.communesWithout()).isZero();
        drugUsers.changeStatus(
                Caller.SYSTEM, area, recovered, DrugUser.Status.RELAPSED, LocalDate.of(2020, 10, 31), null);
        assertThat(statistics.noDrugUser(Scope.WHOLE_COUNTRY, commune, 2020).communesWithout())
                .isZero();
        assertThat(statistics.noDrugUser(Scope.WHOLE_COUNTRY, commune, 2021).communesWithout())
                .isZero();
    }

    // ---- bad input ----------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedNamingTheField_andNothingIsWritten() throws Exception {
        long before = count("drug_user");
        HttpResponse<String> refused = postJson(
                admin,
                base(PersonsFixture.area3) + "/drug-users",
                "{\"fullName\":\"Bùi Văn Sai\",\"nationalId\":\"12ab\",\"detectedOn\":\"2017-06-15\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"nationalId\"").contains("Số căn cước công dân");
        assertThat(postJson(
                                admin,
                                base(PersonsFixture.haLong) + "/mediations",
                                "{\"heldOn\":\"2017-05-01\",\"subject\":\"Tranh chấp\",\"outcome\":\"RECONCILED\",\"mediator\":\"Tổ 1\"}")
                        .body())
                .contains("\"field\":\"parties\"");
        String csrf = Jsoup.parse(admin.getPage("/order/units/" + PersonsFixture.area3 + "/drug-users")
                        .body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        HttpResponse<String> form = admin.postForm(
                "/order/units/" + PersonsFixture.area3 + "/drug-users",
                Map.of("_csrf", csrf, "fullName", "", "detectedOn", "2017-06-15"));
        assertThat(form.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(form.body());
        assertThat(page.select(".person-error").text()).isEqualTo("Họ và tên: chưa nhập.");
        assertThat(page.select("#fullName.is-invalid")).hasSize(1);
        assertThat(page.selectFirst("#fullName").attr("aria-describedby")).isEqualTo("fullName-error");
        assertThat(page.select("#fullName-error.invalid-feedback").text()).isEqualTo("Họ và tên: chưa nhập.");
        assertThat(page.selectFirst("#fullName").attr("maxlength")).isEqualTo("200");
        assertThat(count("drug_user")).isEqualTo(before);
        // a status change dated before the current status is refused
        assertThatThrownBy(() -> drugUsers.changeStatus(
                        Caller.SYSTEM,
                        PersonsFixture.area1,
                        drugUserId,
                        DrugUser.Status.RECOVERED,
                        LocalDate.of(2017, 3, 15),
                        null))
                .isInstanceOfSatisfying(
                        PersonRefusedException.class, e -> assertThat(e.field()).isEqualTo("since"));
    }

    @Test
    void theFormsRecordADrugUserAndItsStatus_andAReEducationCaseAndItsEnd() {
        String csrf = Jsoup.parse(admin.getPage("/order/units/" + PersonsFixture.area2 + "/drug-users")
                        .body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        HttpResponse<String> saved = admin.postForm(
                "/order/units/" + PersonsFixture.area2 + "/drug-users",
                Map.of(
                        "_csrf",
                        csrf,
                        "fullName",
                        "Hoàng Văn Phiếu",
                        "birth",
                        "02/09/1988",
                        "nationalId",
                        "036088009999",
                        "address",
                        "Tổ dân phố số 2",
                        "detectedOn",
                        "2017-07-01"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        HttpResponse<String> changed = admin.postForm(
                path + "/status", Map.of("_csrf", csrf, "status", "IN_TREATMENT", "since", "2017-08-01", "note", ""));
        assertThat(changed.statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(admin.getPage(path).body());
        assertThat(page.select(".drug-user-status").text()).isEqualTo("Đang cai nghiện, điều trị từ 01/08/2017");

        HttpResponse<String> opened = admin.postForm(
                "/order/units/" + PersonsFixture.area2 + "/re-educations",
                Map.of(
                        "_csrf",
                        csrf,
                        "fullName",
                        "Ngô Văn Hối",
                        "birth",
                        "2001",
                        "startedOn",
                        "2017-03-01",
                        "responsible",
                        "Đoàn Thanh niên phường"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String casePath = URI.create(opened.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(admin.postForm(
                                casePath + "/end",
                                Map.of("_csrf", csrf, "endedOn", "2017-02-01", "outcome", "REFORMED"))
                        .body())
                .contains("Ngày kết thúc: không được trước ngày bắt đầu 01/03/2017.");
        assertThat(admin.postForm(
                                casePath + "/end",
                                Map.of("_csrf", csrf, "endedOn", "2017-09-01", "outcome", "REFORMED"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(Jsoup.parse(admin.getPage(casePath).body())
                        .select(".re-education-end")
                        .text())
                .isEqualTo("01/09/2017");
        assertThat(apiCount(PersonsFixture.area2, 2017))
                .contains("\"reEducationsStarted\":2")
                .contains("\"reEducationsEnded\":1");
    }

    // ---- persons of incidents ---------------------------------------------------------------------------

    @Test
    void thePersonsOfAnIncidentAreLinkedReadAndUnlinkedWithTheSensitivePermissionOnly() throws Exception {
        // an incident of the area, as the incidents register keeps it
        long incident = jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, occurred_at, reported_at, status, source, created_by)
                VALUES (:unit, (SELECT min(code) FROM incident_category WHERE kind = 'DRUG_OFFENCE'),
                        TIMESTAMPTZ '2017-05-01 10:00+07', TIMESTAMPTZ '2017-05-01 11:00+07', 'REPORTED', 'PATROL', 'test')
                RETURNING id""")
                .param("unit", PersonsFixture.area1)
                .query(Long.class)
                .single();
        String path = base(PersonsFixture.haLong) + "/incidents/" + incident + "/persons";
        assertThat(postJson(officer, path, "{\"kind\":\"DRUG_USER\",\"personId\":" + drugUserId + "}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postJson(
                                admin,
                                base(PersonsFixture.tranTeXuong) + "/incidents/" + incident + "/persons",
                                "{\"kind\":\"DRUG_USER\",\"personId\":" + drugUserId + "}")
                        .statusCode())
                .as("the incident is not under that ward")
                .isEqualTo(404);
        assertThat(postJson(admin, path, "{\"kind\":\"DRUG_USER\",\"personId\":" + drugUserId + "}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(postJson(admin, path, "{\"kind\":\"RE_EDUCATION\",\"personId\":999999}")
                        .body())
                .contains("\"field\":\"personId\"");
        long before = sensitiveReadsBy(PersonsFixture.ADMIN);
        assertThat(admin.get(path).body())
                .contains("\"personId\":" + drugUserId)
                .doesNotContain(NAME);
        assertThat(sensitiveReadsBy(PersonsFixture.ADMIN)).isEqualTo(before + 1);
        assertThat(viewer.get(path).statusCode()).isEqualTo(403);
        assertThat(send(admin, "DELETE", path + "/DRUG_USER/" + drugUserId, "").statusCode())
                .isEqualTo(204);
        assertThat(count("incident_person")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'incident-person' AND action IN"
                                + " ('CREATED', 'DELETED')")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    long record(long area, String name, LocalDate detected) {
        return drugUsers
                .record(Caller.SYSTEM, area, new DrugUser.Form(new PersonDetails(name, null, null, null), detected))
                .id();
    }

    long newIn(long unitId, int year) {
        return drugUsers
                .newDrugUsers(Scope.WHOLE_COUNTRY, List.of(unitId), Period.residentialArea(year))
                .get(unitId);
    }

    String apiCount(long unitId, int year) {
        return admin.get(base(unitId) + "/persons/counts?year=" + year).body();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    long sensitiveReadsBy(String username) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'READ_SENSITIVE' AND actor_username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    HttpResponse<String> postJson(WebSession session, String path, String json) throws Exception {
        return send(session, "POST", path, json);
    }

    HttpResponse<String> send(WebSession session, String method, String path, String json) throws Exception {
        String csrf = Jsoup.parse(session.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION"))
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Accept-Language", "vi")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> cells(byte[] xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
        }
        return cells;
    }
}
