package vn.tuquan.order;

import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
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
 * Nam Định (official list of October 2022) with residential areas under Xã Hải Minh and Xã Nam Mỹ,
 * and a commune officer of Hải Minh, created once in the incidents tests' own database.
 */
public final class IncidentsFixture {

    public static final String DATABASE = "order-incidents";
    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final String OFFICER = "canbo.haiminh";
    static final String PASSWORD = "mat-khau-vu-viec-hai-minh-2026";

    private static long haiMinh;
    private static long namMy;
    private static final List<Long> AREAS = new ArrayList<>();

    private IncidentsFixture() {}

    public static synchronized void ensure(
            OfficialLists lists, Units units, LocalUnits localUnits, UserAccounts accounts) {
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
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            forms.add(new SimpleEntry<>(
                    haiMinh, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "VV" + i, "Xóm " + i, null)));
        }
        forms.add(new SimpleEntry<>(
                namMy, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", "VN1", "Thôn Nam", null)));
        AREAS.addAll(localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE));
        TestUsers.withRoles(
                accounts,
                OFFICER,
                "Lê Văn Bình",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(haiMinh)),
                Scope.of(Set.of(haiMinh)));
    }

    /** Xóm 1 … Xóm 4 of Hải Minh are 0 … 3; Thôn Nam of Nam Mỹ (outside the officer's scope) is 4. */
    public static long area(int index) {
        return AREAS.get(index);
    }

    public static long haiMinh() {
        return haiMinh;
    }

    public static long namMy() {
        return namMy;
    }
}
