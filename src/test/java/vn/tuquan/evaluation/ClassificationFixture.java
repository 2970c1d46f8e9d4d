package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TestUsers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Nam Định (official list of October 2022) with Xóm 1 and Xóm 2 under Xã Hải Minh and Thôn Nam under
 * Xã Nam Mỹ; a commune officer of Hải Minh and an administrator; a rulebook with three criteria for
 * residential areas (of no real province: the bulk run never picks it), and stored evaluations for 2023
 * written as the bulk run writes them (a Facts object or a flat map): Xóm 1 fails "no crime" (one theft, recorded in
 * the incidents register) and the 100% households criterion (199 of 200); Hải Minh is recognised by
 * decision. Created once in the classification tests' own database.
 */
final class ClassificationFixture {

    static final String DATABASE = "evaluation-classification";
    static final LocalDate LIST_DATE = AdminUnitsData.NAM_DINH_2022;
    static final int YEAR = 2023;
    static final String OFFICER = "canbo.danhgia.haiminh";
    static final String ADMIN = "quantri.danhgia";
    static final String PASSWORD = "mat-khau-danh-gia-hai-minh-2026";
    static final String THEFT = "Trộm xe máy ở Xóm 1 (đánh giá)";

    static long haiMinh;
    static long namMy;
    static long xom1;
    static long xom2;
    static long thonNam;

    private ClassificationFixture() {}

    static synchronized void ensure(
            OfficialLists lists,
            Units units,
            LocalUnits localUnits,
            UserAccounts accounts,
            Incidents incidents,
            JdbcClient jdbc) {
        if (xom1 != 0) {
            return;
        }
        AdminUnitsData.namDinh2022(lists, units);
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        forms.add(
                new SimpleEntry<>(haiMinh, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "DG1", "Xóm 1", null)));
        forms.add(
                new SimpleEntry<>(haiMinh, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "DG2", "Xóm 2", null)));
        forms.add(new SimpleEntry<>(
                namMy, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", "DGN", "Thôn Nam", null)));
        List<Long> ids = localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE);
        xom1 = ids.get(0);
        xom2 = ids.get(1);
        thonNam = ids.get(2);
        TestUsers.withRoles(
                accounts,
                OFFICER,
                "Trần Văn Đức",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haiMinh)),
                Scope.of(Set.of(haiMinh)));
        TestUsers.administrator(accounts, ADMIN, "Quản trị đánh giá", PASSWORD);
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        xom1,
                        "CRIME_THEFT",
                        "LESS_SERIOUS",
                        null,
                        OffsetDateTime.parse("2023-03-15T21:00:00+07:00"),
                        null,
                        "PATROL",
                        null,
                        null,
                        THEFT));

        long rulebook = jdbc.sql("""
                INSERT INTO rulebook (code, version, province_id, regulation, name_vi, name_en, effective_from, created_by)
                VALUES ('TT124_2021_TEST', 1, -1, 'TT 124/2021/TT-BCA', 'Thông tư 124/2021 (thử)', 'Circular 124/2021 (test)',
                        DATE '2022-02-10', 'test') RETURNING id""").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, article, name_vi, name_en) VALUES
                (:r, 'RESIDENTIAL_AREA', 1, 'HOUSEHOLDS_REGISTERED', 'Điều 4.1', '100% hộ gia đình đăng ký tham gia',
                 'Every household registered'),
                (:r, 'RESIDENTIAL_AREA', 2, 'NO_CRIME', 'Điều 4.4', 'Không có tội phạm', 'No crime'),
                (:r, 'RESIDENTIAL_AREA', 3, 'NO_NEW_DRUG_USERS', 'Điều 4.5', 'Không phát sinh người nghiện mới',
                 'No new drug user'),
                (:r, 'COMMUNE', 1, 'CHILDREN_RECOGNISED', 'Điều 5.4', 'Từ 70% đơn vị trực thuộc được công nhận',
                 'At least 70% of the units under it recognised')""").param("r", rulebook).update();
        // Xóm 1: facts as a Facts object (its counts), outcomes as an array
        insert(jdbc, xom1, "RESIDENTIAL_AREA", rulebook, "NOT_MET", """
                {"unitKind": "RESIDENTIAL_AREA", "year": 2023, "counts": {"households.total": 200,
                 "households.registered": 199, "models.effective": 1, "incidents.kind.CRIME": 1,
                 "crimes.severity.LESS_SERIOUS": 1, "drugUsers.new": 0}, "entered": {}}""", """
                [{"criterion": "HOUSEHOLDS_REGISTERED", "result": "NOT_MET", "compared": [
                   {"item": "households.registeredPercent", "value": 99.50, "operator": "AT_LEAST", "threshold": 100, "source": "COMPUTED"},
                   {"item": "households.registered", "value": 199, "operator": "AT_LEAST", "threshold": null, "source": "COMPUTED"},
                   {"item": "households.total", "value": 200, "operator": "EQUALS", "threshold": null, "source": "COMPUTED"}]},
                 {"criterion": "NO_CRIME", "result": "NOT_MET", "compared": [
                   {"item": "incidents.kind.CRIME", "value": 1, "operator": "AT_MOST", "threshold": 0, "source": "COMPUTED"}]},
                 {"criterion": "NO_NEW_DRUG_USERS", "result": "MET", "compared": [
                   {"item": "drugUsers.new", "value": 0, "operator": "AT_MOST", "threshold": 0, "source": "COMPUTED"}]}]""");
        // Xóm 2: a flat map of facts, outcomes inside an object
        insert(jdbc, xom2, "RESIDENTIAL_AREA", rulebook, "MET", """
                {"households.total": 80, "households.registered": 80, "models.effective": 2}""", """
                {"result": "MET", "outcomes": [{"criterion": "HOUSEHOLDS_REGISTERED", "result": "MET", "compared": [
                   {"item": "households.registeredPercent", "value": 100.00, "operator": "AT_LEAST", "threshold": 100, "source": "COMPUTED"}]}]}""");
        insert(jdbc, thonNam, "RESIDENTIAL_AREA", rulebook, "MET", "{\"households.total\": 10}", "[]");
        insert(jdbc, haiMinh, "COMMUNE", rulebook, "MET", """
                {"children.total": 2, "children.registered": 2, "children.recognised": 1}""", """
                [{"criterion": "CHILDREN_RECOGNISED", "result": "NOT_MET", "compared": [
                   {"item": "children.recognised", "value": 1, "operator": "AT_LEAST", "threshold": 2, "source": "CHILDREN"}]}]""");
        jdbc.sql("""
                UPDATE evaluation SET status = 'RECOGNISED', decision_number = '125/QĐ-UBND', decision_date = DATE '2023-11-28',
                       decision_signer = 'Nguyễn Văn Hòa' WHERE unit_id = :u""").param("u", haiMinh).update();
        long evaluation = jdbc.sql("SELECT id FROM evaluation WHERE unit_id = :u")
                .param("u", xom1)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO evaluation_entry (evaluation_id, criterion, value, evidence, entered_by)
                VALUES (:e, 'NO_NEW_DRUG_USERS', true, 'Biên bản họp khu dân cư 20/10/2023', 'truongthon')""").param("e", evaluation).update();
    }

    private static void insert(
            JdbcClient jdbc, long unit, String kind, long rulebook, String proposed, String facts, String outcomes) {
        boolean area = kind.equals("RESIDENTIAL_AREA");
        jdbc.sql("""
                INSERT INTO evaluation (unit_id, year, unit_kind, period_from, period_to, rulebook_id, status, proposed,
                                        facts, outcomes, computed_at)
                VALUES (:u, :y, :k, :from, :to, :r, 'DRAFT', :p, CAST(:f AS jsonb), CAST(:o AS jsonb), now())""")
                .param("u", unit)
                .param("y", YEAR)
                .param("k", kind)
                .param("from", area ? LocalDate.of(2022, 11, 1) : LocalDate.of(2022, 11, 16))
                .param("to", area ? LocalDate.of(2023, 10, 31) : LocalDate.of(2023, 11, 15))
                .param("r", rulebook)
                .param("p", proposed)
                .param("f", facts)
                .param("o", outcomes)
                .update();
    }
}
