package vn.tuquan.households;

import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
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
import vn.tuquan.units.Units;

/**
 * Nam Định (official list of October 2022) and residential areas under Xã Hải Minh and Xã Nam Mỹ,
 * created once in the households tests' own database.
 */
final class HouseholdsFixture {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final String HAI_MINH = "14233";
    static final String NAM_MY = "13969";

    private static long haiMinh;
    private static long namMy;
    private static final List<Long> AREAS = new ArrayList<>();

    private HouseholdsFixture() {}

    static synchronized void ensure(OfficialLists lists, Units units, LocalUnits localUnits) {
        if (!AREAS.isEmpty()) {
            return;
        }
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE).isEmpty()) {
            lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                    LIST_DATE,
                    Optional.empty());
        }
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, HAI_MINH, LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, NAM_MY, LIST_DATE)
                .orElseThrow()
                .id();
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            forms.add(new SimpleEntry<>(
                    haiMinh, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "HM" + i, "Xóm " + i, null)));
        }
        for (int i = 1; i <= 3; i++) {
            forms.add(new SimpleEntry<>(
                    namMy, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", "NM" + i, "Thôn " + i, null)));
        }
        AREAS.addAll(localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE));
    }

    /** Xóm 1 … Xóm 6 of Hải Minh are 0 … 5, Thôn 1, 2 and 3 of Nam Mỹ are 6, 7 and 8. */
    static long area(int index) {
        return AREAS.get(index);
    }

    static long haiMinh() {
        return haiMinh;
    }

    static long namMy() {
        return namMy;
    }
}
