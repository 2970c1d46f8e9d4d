package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.Households;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The writes of the movement registers each leave one entry in the audit log, in the same
 * transaction, naming the record, its unit and what changed: a household added, edited (old and new
 * values), moved and imported; an organisation's staff commitments; a review conference. Counted
 * before and after each write, so an entry another test wrote cannot stand in for a missing one.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=audited-writes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditedWritesTests {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final LocalDate FROM = LocalDate.of(2023, 1, 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    HouseholdImports imports;

    @Autowired
    OrganisationCommitments commitments;

    @Autowired
    Conferences conferences;

    @Autowired
    LocalUnits localUnits;

    long commune;
    long area1;
    long area2;
    long enterprise;

    @BeforeAll
    void units(@Autowired OfficialLists lists, @Autowired Units units) {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        commune = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        List<Long> ids = localUnits.createAll(
                Caller.SYSTEM,
                List.of(
                        new SimpleEntry<>(
                                commune, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "AW1", "Xóm Một", null)),
                        new SimpleEntry<>(
                                commune, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "AW2", "Xóm Hai", null)),
                        new SimpleEntry<>(
                                commune,
                                new LocalUnitForm(
                                        UnitKind.ENTERPRISE,
                                        null,
                                        "AW-DN",
                                        "Công ty May Hải Minh",
                                        new OrganisationDetails("dệt may", true, 120, null)))),
                LIST_DATE);
        area1 = ids.get(0);
        area2 = ids.get(1);
        enterprise = ids.get(2);
    }

    /** The entries of a module and entity type written since the given id. */
    List<AuditRecord> since(long lastId, String module, String entityType) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor_user_id, actor_username, action, module, entity_type, entity_id, unit_id,
                       before::text AS before, after::text AS after, prev_hash, hash
                  FROM audit_event WHERE id > :last AND module = :module AND entity_type = :type ORDER BY id""")
                .param("last", lastId)
                .param("module", module)
                .param("type", entityType)
                .query((rs, n) -> new AuditRecord(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("actor_user_id", Long.class),
                        rs.getString("actor_username"),
                        rs.getString("action"),
                        rs.getString("module"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getObject("unit_id", Long.class),
                        rs.getString("before"),
                        rs.getString("after"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    @Test
    void aHouseholdAddedEditedAndMovedIsOneEntryEachWithWhatChanged() {
        long mark = lastId();
        Household added = households.add(
                Caller.SYSTEM, area1, new HouseholdForm("AW-H1", "Nguyễn Văn Mười", "Đội 1", 4, false), FROM);
        List<AuditRecord> created = since(mark, "households", "household");
        assertThat(created).extracting(AuditRecord::action).containsExactly("CREATED");
        assertThat(created.get(0).entityId()).isEqualTo(Long.toString(added.id()));
        assertThat(created.get(0).unitId()).isEqualTo(area1);
        assertThat(created.get(0).after()).contains("AW-H1");

        mark = lastId();
        households.edit(
                Caller.SYSTEM,
                added.id(),
                new HouseholdForm("AW-H1", "Nguyễn Văn Mười Một", "Đội 1", 5, false),
                FROM.plusDays(10));
        List<AuditRecord> edited = since(mark, "households", "household");
        assertThat(edited).extracting(AuditRecord::action).containsExactly("UPDATED");
        assertThat(edited.get(0).entityId()).isEqualTo(Long.toString(added.id()));
        assertThat(edited.get(0).before())
                .as("only what changed, before")
                .isEqualTo("{\"members\": 4, \"headName\": \"Nguyễn Văn Mười\"}");
        assertThat(edited.get(0).after()).isEqualTo("{\"members\": 5, \"headName\": \"Nguyễn Văn Mười Một\"}");

        mark = lastId();
        households.move(Caller.SYSTEM, added.id(), area2, null, FROM.plusDays(40));
        List<AuditRecord> moved = since(mark, "households", "household");
        assertThat(moved).extracting(AuditRecord::action).containsExactly("MOVED");
        assertThat(moved.get(0).unitId()).isEqualTo(area2);
        assertThat(moved.get(0).before()).contains("\"areaId\": " + area1);
        assertThat(moved.get(0).after()).contains("\"toAreaId\": " + area2);
    }

    @Test
    void aHouseholdImportIsOneEntryWithItsCount() {
        long mark = lastId();
        String csv =
                "area,code,head_name,address,members,catholic\nAW1,AW-I1,Trần Văn Một,,3,0\nAW1,AW-I2,Trần Văn Hai,,2,1\n"
                        + "AW2,AW-I3,Trần Văn Ba,,5,0\n";
        int count = imports.importCsv(
                Caller.SYSTEM, commune, "ho.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), FROM);
        assertThat(count).isEqualTo(3);
        List<AuditRecord> imported = since(mark, "households", "household");
        assertThat(imported).extracting(AuditRecord::action).containsExactly("IMPORTED");
        assertThat(imported.get(0).unitId()).isEqualTo(commune);
        assertThat(imported.get(0).after()).contains("ho.csv").contains("3");
    }

    @Test
    void anOrganisationsStaffCommitmentsAreAnEntryEachTimeTheyAreRecorded() {
        long mark = lastId();
        commitments.record(Caller.SYSTEM, enterprise, 2023, 120, 100, 90, LocalDate.of(2023, 3, 1));
        commitments.record(Caller.SYSTEM, enterprise, 2023, 120, 120, 118, LocalDate.of(2023, 6, 1));
        List<AuditRecord> recorded = since(mark, "households", "organisation-commitment");
        assertThat(recorded).hasSize(2).allSatisfy(r -> {
            assertThat(r.entityId()).isEqualTo(enterprise + "/2023");
            assertThat(r.unitId()).isEqualTo(enterprise);
        });
        assertThat(recorded.get(0).after()).contains("\"staffBriefed\": 100").contains("\"staffSigned\": 90");
        assertThat(recorded.get(1).after()).contains("\"staffBriefed\": 120").contains("\"staffSigned\": 118");
    }

    @Test
    void aReviewConferenceIsAnEntry() {
        long mark = lastId();
        Conference review = conferences.record(
                Caller.SYSTEM,
                commune,
                new Conference.Form(
                        Conference.Kind.FINAL,
                        "Tổng kết phong trào năm 2023",
                        LocalDate.of(2023, 12, 5),
                        LocalDate.of(2022, 11, 16),
                        LocalDate.of(2023, 11, 15),
                        85,
                        null,
                        List.of()));
        List<AuditRecord> recorded = since(mark, "movement", "conference");
        assertThat(recorded).extracting(AuditRecord::action).containsExactly("CREATED");
        assertThat(recorded.get(0).entityId()).isEqualTo(Long.toString(review.id()));
        assertThat(recorded.get(0).unitId()).isEqualTo(commune);
        assertThat(recorded.get(0).after()).contains("Tổng kết phong trào năm 2023");
    }
}
