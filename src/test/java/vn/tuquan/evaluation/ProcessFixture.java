package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TestUsers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Nam Định from the list of October 2022, in the process tests' own database, with a provincial
 * rulebook, effective from 1 June 2022 (so that it is the one in force in 2023 over V22's national ones), of three criteria
 * for residential areas and communes — two entered by people, one computed from the registers — and the people of the process: the commune officers of Phường
 * Hạ Long and Phường Trần Tế Xương (they appraise and recognise their residential areas) and an
 * officer of Thành phố Nam Định (it recognised its communes before the reform). Each test makes its
 * own residential areas, each with its head.
 */
final class ProcessFixture {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final int YEAR = 2023;
    static final LocalDate REGISTERED_ON = LocalDate.of(2023, 2, 15);
    static final String PASSWORD = "mat-khau-danh-gia-2026";
    static final String HA_LONG_OFFICER = "danhgia.halong";
    static final String OTHER_OFFICER = "danhgia.trantexuong";
    static final String CITY_OFFICER = "danhgia.thanhpho";

    static long province;
    static long city;
    static long haLong;
    static long tranTeXuong;
    private static int villages;

    private ProcessFixture() {}

    static synchronized void ensure(OfficialLists lists, Units units, UserAccounts accounts, JdbcClient jdbc) {
        if (haLong != 0) {
            return;
        }
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE).isEmpty()) {
            lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                    LIST_DATE,
                    Optional.empty());
        }
        province = units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE)
                .orElseThrow()
                .id();
        haLong = units.findByCode(Scope.WHOLE_COUNTRY, "13633", LIST_DATE)
                .orElseThrow()
                .id();
        tranTeXuong = units.findByCode(Scope.WHOLE_COUNTRY, "13636", LIST_DATE)
                .orElseThrow()
                .id();
        city = units.find(Scope.WHOLE_COUNTRY, haLong, LIST_DATE).orElseThrow().parentId();
        TestUsers.withRoles(
                accounts,
                HA_LONG_OFFICER,
                "Cán Bộ Hạ Long",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haLong)),
                Scope.of(Set.of(haLong)));
        TestUsers.withRoles(
                accounts,
                OTHER_OFFICER,
                "Cán Bộ Trần Tế Xương",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(tranTeXuong)),
                Scope.of(Set.of(tranTeXuong)));
        TestUsers.withRoles(
                accounts,
                CITY_OFFICER,
                "Cán Bộ Thành Phố",
                PASSWORD,
                Set.of("PROVINCIAL_OFFICER"),
                Scope.of(Set.of(city)),
                Scope.of(Set.of(city)));
        if (jdbc.sql("SELECT count(*) FROM rulebook WHERE code = 'NAM_DINH_PROCESS_TEST'")
                        .query(Long.class)
                        .single()
                == 0) {
            long rulebook =
                    jdbc.sql("""
                    INSERT INTO rulebook (code, version, province_id, regulation, name_vi, name_en, effective_from, created_by)
                    VALUES ('NAM_DINH_PROCESS_TEST', 1, :province, 'TT 124/2021/TT-BCA', 'Bộ tiêu chí thử',
                            'Test rulebook', DATE '2022-06-01', 'test') RETURNING id""").param("province", province).query(Long.class).single();
            for (String kind : List.of("RESIDENTIAL_AREA", "COMMUNE", "AGENCY", "ENTERPRISE", "SCHOOL")) {
                jdbc.sql("""
                        INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, article, name_vi, name_en)
                        VALUES (:id, :kind, 1, 'PARTY_RESOLUTION_Q1', '{}', 'Điều 4.1',
                                'Chi bộ có nghị quyết trong quý I', 'Party cell resolution in Q1'),
                               (:id, :kind, 2, 'POLICIES_CARRIED_OUT', '{}', 'Điều 4.2',
                                'Chấp hành chủ trương, chính sách', 'Policies carried out'),
                               (:id, :kind, 3, 'NO_NEW_DRUG_USERS', '{}', 'Điều 4.4',
                                'Không phát sinh người nghiện mới', 'No new drug users')""").param("id", rulebook).param("kind", kind).update();
            }
        }
    }

    /** A new residential area (tổ dân phố) under the commune with its head (username returned with it). */
    static synchronized Area village(LocalUnits localUnits, UserAccounts accounts, long commune) {
        villages++;
        long id = localUnits
                .createAll(
                        Caller.SYSTEM,
                        List.of(Map.entry(
                                commune,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA,
                                        "TO_DAN_PHO",
                                        "DG-TDP-" + villages,
                                        "Tổ dân phố Đồng Tâm số " + villages,
                                        null))),
                        LIST_DATE)
                .get(0);
        String head = "totruong." + villages;
        TestUsers.withRoles(
                accounts,
                head,
                "Tổ Trưởng " + villages,
                PASSWORD,
                Set.of("AREA_HEAD"),
                Scope.of(Set.of(id)),
                Scope.of(Set.of(id)));
        return new Area(id, "Tổ dân phố Đồng Tâm số " + villages, head);
    }

    record Area(long id, String name, String head) {}
}
