package vn.tuquan.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.internal.IncidentStore;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.FieldCipher;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Exports hold every row the caller may see, whatever the count (issue 13, item 2): more incidents
 * than the list's page limit of 1,000 and more drug users than the old cap of 5,000, inserted
 * set-based, each export read back whole (count, order and every cell) over real HTTP; the
 * sensitive export is audited once, naming every record sent.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=order-exports")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderExportTests {

    static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    static final String ADMIN = "quantri.xuat";
    static final String PASSWORD = "mat-khau-xuat-excel-2026";
    static final int INCIDENTS = 2_500;
    static final int DRUG_USERS = 5_200;
    static final Locale VI = Locale.forLanguageTag("vi");
    static final ObjectMapper JSON = new ObjectMapper();

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
    Incidents incidents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    FieldCipher cipher;

    WebSession admin;
    long area;
    String areaName;

    @BeforeAll
    void setUp() {
        lists.importFiles(
                Caller.SYSTEM, List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")), FROM, Optional.empty());
        long haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", FROM)
                .orElseThrow()
                .id();
        area = localUnits
                .createAll(
                        Caller.SYSTEM,
                        List.of(Map.entry(
                                haiMinh,
                                new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "XUAT-1", "Xóm Xuất Excel", null))),
                        FROM)
                .get(0);
        areaName = units.latest(Scope.WHOLE_COUNTRY, area).orElseThrow().name();
        TestUsers.administrator(accounts, ADMIN, "Quản Trị Xuất", PASSWORD);
        admin = new WebSession(port);
        admin.signIn(ADMIN, PASSWORD);
    }

    @Test
    void theIncidentsExportHoldsEveryIncidentOfTheFilterBeyondTheListsPageLimit() {
        // 2,500 incidents in one statement: three categories, with and without severity, cause, place and summary
        jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at,
                                      status, source, latitude, longitude, summary, created_by)
                SELECT :area, (ARRAY['CRIME_THEFT', 'FIRE', 'SCHOOL_VIOLENCE'])[1 + n % 3],
                       CASE WHEN n % 3 = 0 THEN 'SERIOUS' END,
                       CASE n % 4 WHEN 0 THEN NULL WHEN 1 THEN true ELSE false END,
                       timestamptz '2016-11-01 00:00+07' + n * interval '3 hours 7 minutes',
                       timestamptz '2016-11-01 00:30+07' + n * interval '3 hours 7 minutes',
                       (ARRAY['REPORTED', 'VERIFIED', 'CLOSED'])[1 + n % 3],
                       (ARRAY['PATROL', 'TIP_OFF', 'OTHER_AGENCY', 'SELF_REPORTED', 'OTHER'])[1 + n % 5],
                       CASE WHEN n % 2 = 0 THEN 20.2 + n / 100000.0 END,
                       CASE WHEN n % 2 = 0 THEN 106.2 + n / 100000.0 END,
                       CASE WHEN n % 7 <> 0 THEN 'Vụ số ' || lpad(n::text, 4, '0') || ': mất trộm, "xe máy", phố Hải' END,
                       'canbo.xuat'
                  FROM generate_series(1, :n) n""").param("area", area).param("n", INCIDENTS).update();

        List<List<String>> sheet = Workbooks.rows(admin.getBytes("/order/incidents.xlsx?unit=" + area));

        List<Incident> recorded = jdbc.sql("SELECT " + IncidentStore.COLUMNS + IncidentStore.FROM
                        + " WHERE i.unit_id = :area AND NOT i.withdrawn ORDER BY i.occurred_at DESC, i.id DESC")
                .param("area", area)
                .query(IncidentStore::row)
                .list();
        assertThat(recorded).hasSize(INCIDENTS);
        assertThat(sheet.get(0)).startsWith("Số", "Đơn vị", "Loại vụ việc");
        assertThat(sheet).as("the header and every incident").hasSize(1 + INCIDENTS);
        assertThat(sheet.subList(1, sheet.size()))
                .containsExactlyElementsOf(recorded.stream().map(this::exported).toList());

        // the map asked for up to 5,000 points and got the list's 1,000 (500 of them placed): now every placed one
        JsonNode points =
                JSON.readTree(admin.get("/order/incidents/map.json?unit=" + area, "Accept", "application/json")
                        .body());
        assertThat(points.get("features").size()).isEqualTo(INCIDENTS / 2);
        assertThat(Jsoup.parse(admin.getPage("/order/incidents/map?unit=" + area)
                                .body())
                        .select("#map-limited"))
                .as("fewer than the map's limit: no notice")
                .isEmpty();
    }

    @Test
    void theDrugUsersExportHoldsEveryRecordBeyondTheOldCapAndIsAuditedOnceNamingEachOfThem() {
        List<String> names = new ArrayList<>();
        List<String> births = new ArrayList<>();
        List<String> nationalIds = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<Integer> detected = new ArrayList<>();
        for (int n = 1; n <= DRUG_USERS; n++) {
            names.add(cipher.encrypt("Nguyễn Văn Thử " + n));
            births.add(cipher.encrypt(Integer.toString(1960 + n % 40)));
            nationalIds.add(n % 5 == 0 ? null : cipher.encrypt(String.format("036%09d", n)));
            addresses.add(n % 3 == 0 ? null : cipher.encrypt("Số " + n + " đường Hải Minh"));
            detected.add(n % 700);
        }
        jdbc.sql("""
                INSERT INTO drug_user (residence_unit_id, detected_on, status, status_since, full_name_enc, birth_enc,
                                       national_id_enc, address_enc, recorded_by)
                SELECT :area, DATE '2016-01-01' + day, 'NEW', DATE '2016-01-01' + day, name, birth, nid, addr, 'canbo.xuat'
                  FROM unnest(CAST(:names AS text[]), CAST(:births AS text[]), CAST(:nids AS text[]),
                              CAST(:addrs AS text[]), CAST(:days AS int[])) AS t(name, birth, nid, addr, day)""")
                .param("area", area)
                .param("names", names.toArray(String[]::new))
                .param("births", births.toArray(String[]::new))
                .param("nids", nationalIds.toArray(String[]::new))
                .param("addrs", addresses.toArray(String[]::new))
                .param("days", detected.toArray(Integer[]::new))
                .update();
        long auditBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();

        List<List<String>> sheet = Workbooks.rows(admin.getBytes("/api/v1/order/units/" + area + "/drug-users.xlsx"));

        List<List<String>> expected = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        String status = messages.getMessage("order.drugUsers.status.NEW", null, VI);
        jdbc.sql("""
                SELECT id, detected_on, status_since, full_name_enc, birth_enc, national_id_enc, address_enc
                  FROM drug_user WHERE residence_unit_id = :area ORDER BY detected_on DESC, id DESC""").param("area", area).query(rs -> {
            ids.add(rs.getLong("id"));
            expected.add(Workbooks.row(
                    rs.getLong("id"),
                    cipher.decrypt(rs.getString("full_name_enc")),
                    cipher.decrypt(rs.getString("birth_enc")),
                    cipher.decrypt(rs.getString("national_id_enc")),
                    cipher.decrypt(rs.getString("address_enc")),
                    areaName,
                    rs.getObject("detected_on", LocalDate.class),
                    status,
                    rs.getObject("status_since", LocalDate.class)));
        });
        assertThat(ids).hasSize(DRUG_USERS);
        assertThat(sheet).as("the header and every drug user").hasSize(1 + DRUG_USERS);
        assertThat(sheet.subList(1, sheet.size())).containsExactlyElementsOf(expected);

        List<Map<String, Object>> entries =
                jdbc.sql("""
                SELECT entity_type, unit_id, actor_username, after FROM audit_event
                 WHERE id > :before AND action = 'READ_SENSITIVE'""").param("before", auditBefore).query().listOfRows();
        assertThat(entries).as("one entry for the export").hasSize(1);
        assertThat(entries.get(0))
                .containsEntry("entity_type", "drug-user")
                .containsEntry("unit_id", area)
                .containsEntry("actor_username", ADMIN);
        List<Long> audited =
                jdbc.sql("""
                SELECT CAST(jsonb_array_elements_text(after->'ids') AS bigint) FROM audit_event
                 WHERE id > :before AND action = 'READ_SENSITIVE'""").param("before", auditBefore).query(Long.class).list();
        assertThat(audited).as("every record sent, and only those").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(entries.get(0).get("after").toString()).doesNotContain("Nguyễn Văn Thử");
    }

    /** An incident as the export shows it to a Vietnamese reader. */
    List<String> exported(Incident i) {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        return Workbooks.row(
                i.id(),
                areaName,
                incidents.category(i.categoryCode()).orElseThrow().name(VI),
                messages.getMessage("order.incident.kind." + i.kind(), null, VI),
                i.severity() == null ? null : messages.getMessage("order.incident.severity." + i.severity(), null, VI),
                i.subjectiveCause() == null
                        ? null
                        : messages.getMessage(i.subjectiveCause() ? "order.yes" : "order.no", null, VI),
                minute.format(i.occurredAt().atZoneSameInstant(Dates.VIETNAM)),
                minute.format(i.reportedAt().atZoneSameInstant(Dates.VIETNAM)),
                messages.getMessage("order.incident.status." + i.status(), null, VI),
                messages.getMessage("order.incident.source." + i.source(), null, VI),
                i.latitude(),
                i.longitude(),
                i.summary(),
                i.createdBy());
    }
}
