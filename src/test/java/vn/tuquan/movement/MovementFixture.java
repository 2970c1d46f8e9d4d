package vn.tuquan.movement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Nam Định from the list of October 2022 in the movement tests' own database, with a village, a
 * school, two parishes and a pagoda in Phường Hạ Long, and a village in Phường Trần Tế Xương.
 */
final class MovementFixture {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final String USERNAME = "canbo.phongtrao";
    static final String PASSWORD = "mat-khau-phong-trao-2026";

    static long province;
    static long district;
    static long haLong;
    static long tranTeXuong;
    static long village;
    static long school;
    static long parish;
    static long secondParish;
    static long pagoda;
    static long villageElsewhere;

    private MovementFixture() {}

    static synchronized void ensure(OfficialLists lists, LocalUnits localUnits, Units units) {
        if (village != 0) {
            return;
        }
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE).isEmpty()) {
            lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                    LIST_DATE,
                    Optional.empty());
        }
        province = code(units, "36").id();
        district = code(units, "356").id();
        haLong = code(units, "13633").id();
        tranTeXuong = code(units, "13636").id();
        List<Long> ids = localUnits.createAll(
                Caller.SYSTEM,
                List.of(
                        Map.entry(
                                haLong,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "MV-TDP-1", "Tổ dân phố số 1", null)),
                        Map.entry(
                                haLong,
                                new LocalUnitForm(UnitKind.SCHOOL, null, "MV-TH-1", "Trường Tiểu học Hạ Long", null)),
                        Map.entry(haLong, new LocalUnitForm(UnitKind.PARISH, null, "MV-GX-1", "Giáo xứ Hạ Long", null)),
                        Map.entry(
                                haLong, new LocalUnitForm(UnitKind.PARISH, null, "MV-GX-2", "Giáo xứ Đông Mạc", null)),
                        Map.entry(haLong, new LocalUnitForm(UnitKind.PAGODA, null, "MV-CH-1", "Chùa Cả", null)),
                        Map.entry(
                                tranTeXuong,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "MV-TDP-9", "Tổ dân phố số 9", null))),
                LIST_DATE);
        village = ids.get(0);
        school = ids.get(1);
        parish = ids.get(2);
        secondParish = ids.get(3);
        pagoda = ids.get(4);
        villageElsewhere = ids.get(5);
    }

    static UnitView code(Units units, String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, LIST_DATE).orElseThrow();
    }
}
