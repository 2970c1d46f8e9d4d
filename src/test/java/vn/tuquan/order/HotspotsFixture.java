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
 * Nam Định from the list of October 2022 in the hotspot tests' own database, with two commune
 * officers: one of Phường Hạ Long, one of Phường Trần Tế Xương. Each test makes its own villages,
 * so counts under a village are the test's own.
 */
final class HotspotsFixture {

    static final String DATABASE = "order-hotspots";
    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final String HA_LONG_OFFICER = "canbo.halong";
    static final String OTHER_OFFICER = "canbo.trantexuong";
    static final String PASSWORD = "mat-khau-dia-ban-2026";

    static long province;
    static long haLong;
    static long tranTeXuong;
    private static int villages;

    private HotspotsFixture() {}

    static synchronized void ensure(OfficialLists lists, Units units, UserAccounts accounts) {
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
    }

    /** A new residential area (tổ dân phố) under the commune, for one test. */
    static synchronized long village(LocalUnits localUnits, long commune) {
        villages++;
        return localUnits
                .createAll(
                        Caller.SYSTEM,
                        List.of(Map.entry(
                                commune,
                                new LocalUnitForm(
                                        UnitKind.RESIDENTIAL_AREA,
                                        "TO_DAN_PHO",
                                        "HS-TDP-" + villages,
                                        "Tổ dân phố số " + (40 + villages),
                                        null))),
                        LIST_DATE)
                .get(0);
    }

    /** A hotspot of drugs over the village, COMPLEX from the day, designated by decision. */
    static Hotspot designate(Hotspots hotspots, long village, String name, LocalDate on) {
        return hotspots.designate(
                Caller.SYSTEM,
                village,
                new Hotspot.Form(
                        name,
                        Hotspot.Kind.DRUGS,
                        List.of(village),
                        on,
                        "Giám đốc Công an tỉnh Nam Định",
                        "12/QĐ-CAT",
                        Hotspot.Status.COMPLEX,
                        "Nhiều đối tượng mua bán ma túy",
                        20.43,
                        106.17,
                        null));
    }
}
