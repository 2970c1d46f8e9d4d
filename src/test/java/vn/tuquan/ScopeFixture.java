package vn.tuquan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.tuquan.access.UserAccounts;
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
 * The scope tests' own demo database (profile {@code demo}: Nam Định as of 2017 with every
 * register filled), with a second province beside it — Thái Bình (34), from the official list of
 * October 2022, as of the demo's date — so that "never another province" can be seen, and the people
 * of the scope tests:
 * <ul>
 * <li>{@value #THAI_BINH_OFFICER}: a provincial officer of Thái Bình (the demo's {@code canbo.tinh} is Nam Định's);</li>
 * <li>{@value #SMALL_CAPTURE}: a commune officer who sees the whole of Huyện Hải Hậu (366) but records only in
 * Xã Hải Minh (14233), the demo's commune.</li>
 * </ul>
 */
public final class ScopeFixture {

    public static final String DATABASE = "tuquan.test.database=scope";
    public static final LocalDate AS_OF = LocalDate.of(2017, 1, 1);
    public static final String PASSWORD = "mat-khau-pham-vi-2026";
    public static final String THAI_BINH_OFFICER = "canbo.thaibinh";
    public static final String SMALL_CAPTURE = "canbo.haiminh.xemhuyen";

    private static boolean done;

    private ScopeFixture() {}

    public static synchronized void ensure(
            OfficialLists lists, Units units, LocalUnits localUnits, UserAccounts accounts) {
        if (done) {
            return;
        }
        if (units.findByCode(Scope.WHOLE_COUNTRY, "34", AS_OF).isEmpty()) {
            lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/units_flat_2022-10_from_dvhcvn_v20221001.csv")),
                    AS_OF,
                    Optional.of("34"));
            long leHongPhong = code(units, "12433").id();
            localUnits.createAll(
                    Caller.SYSTEM,
                    List.of(Map.entry(
                            leHongPhong,
                            new LocalUnitForm(
                                    UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", "TB1", "Tổ dân phố Kỳ Đồng", null))),
                    AS_OF);
        }
        long thaiBinh = code(units, "34").id();
        TestUsers.withRoles(
                accounts,
                THAI_BINH_OFFICER,
                "Cán Bộ Thái Bình",
                PASSWORD,
                Set.of("PROVINCIAL_OFFICER"),
                Scope.of(Set.of(thaiBinh)),
                Scope.of(Set.of(thaiBinh)));
        TestUsers.withRoles(
                accounts,
                SMALL_CAPTURE,
                "Cán Bộ Hải Minh Xem Huyện",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(code(units, "14233").id())),
                Scope.of(Set.of(code(units, "366").id())));
        done = true;
    }

    /** An official unit by its code, as of the demo's date (and today: nothing was reorganised since). */
    public static UnitView code(Units units, String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, AS_OF).orElseThrow();
    }

    /** The first residential area of a commune. */
    public static UnitView firstArea(Units units, UnitView commune) {
        return units.children(Scope.WHOLE_COUNTRY, commune.id(), vn.tuquan.shared.Dates.today()).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .findFirst()
                .orElseThrow();
    }
}
