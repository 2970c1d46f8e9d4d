package vn.tuquan.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The persons tests' own database: Nam Định's communes (the list of October 2022, applied from
 * 2016 so that TT 23 periods have a tree), three residential areas in Phường Hạ Long, one in Phường
 * Trần Tế Xương, and three people: an administrator (SENSITIVE_READ), a steering-committee member
 * of the province (ORDER_READ only) and a commune officer of Hạ Long (ORDER_READ, ORDER_WRITE, no
 * SENSITIVE_READ).
 */
final class PersonsFixture {

    static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    static final String ADMIN = "quantri.ngnghien";
    static final String VIEWER = "bandaochi.ngnghien";
    static final String OFFICER = "canbo.xa.ngnghien";
    static final String PASSWORD = "mat-khau-nguoi-nghien-2026";

    static long province;
    static long haLong;
    static long tranTeXuong;
    static long area1;
    static long area2;
    static long area3;
    static long areaElsewhere;

    private PersonsFixture() {}

    static synchronized void ensure(OfficialLists lists, LocalUnits localUnits, Units units, UserAccounts accounts) {
        if (area1 != 0) {
            return;
        }
        lists.importFiles(
                Caller.SYSTEM, List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")), FROM, Optional.empty());
        province = code(units, "36");
        haLong = code(units, "13633");
        tranTeXuong = code(units, "13636");
        List<Long> ids = localUnits.createAll(
                Caller.SYSTEM,
                List.of(
                        Map.entry(
                                haLong,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "NN-TDP-1", "Tổ dân phố số 1", null)),
                        Map.entry(
                                haLong,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "NN-TDP-2", "Tổ dân phố số 2", null)),
                        Map.entry(
                                haLong,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "NN-TDP-3", "Tổ dân phố số 3", null)),
                        Map.entry(
                                tranTeXuong,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "NN-TDP-9", "Tổ dân phố số 9", null))),
                FROM);
        area1 = ids.get(0);
        area2 = ids.get(1);
        area3 = ids.get(2);
        areaElsewhere = ids.get(3);
        TestUsers.administrator(accounts, ADMIN, "Quản Trị Nghiện", PASSWORD);
        TestUsers.withRoles(
                accounts,
                VIEWER,
                "Ban Chỉ Đạo",
                PASSWORD,
                Set.of("STEERING_VIEWER"),
                Scope.NOTHING,
                Scope.of(Set.of(province)));
        TestUsers.withRoles(
                accounts,
                OFFICER,
                "Cán Bộ Xã",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haLong)),
                Scope.of(Set.of(haLong)));
    }

    private static long code(Units units, String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, FROM).orElseThrow().id();
    }
}
