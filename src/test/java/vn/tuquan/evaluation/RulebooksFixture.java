package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.tuquan.TestUsers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * Nam Định from the list of October 2022 in a test class's own database, with a provincial officer
 * of Nam Định, a commune officer of Phường Hạ Long (who may approve, but only in the commune) and a
 * steering-committee viewer of the province. Looked up on every call (each class has its own database).
 */
record RulebooksFixture(long province, long commune) {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);
    static final String PROVINCIAL = "tinh.namdinh";
    static final String COMMUNE_OFFICER = "xa.halong";
    static final String VIEWER = "bcd.namdinh";
    static final String PASSWORD = "mat-khau-so-tay-2026";

    static synchronized RulebooksFixture ensure(OfficialLists lists, Units units, UserAccounts accounts) {
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE).isEmpty()) {
            lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                    LIST_DATE,
                    Optional.empty());
        }
        long province = units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE)
                .orElseThrow()
                .id();
        long commune = units.findByCode(Scope.WHOLE_COUNTRY, "13633", LIST_DATE)
                .orElseThrow()
                .id();
        TestUsers.withRoles(
                accounts,
                PROVINCIAL,
                "Cán Bộ Tỉnh Nam Định",
                PASSWORD,
                Set.of("PROVINCIAL_OFFICER"),
                Scope.of(Set.of(province)),
                Scope.of(Set.of(province)));
        TestUsers.withRoles(
                accounts,
                COMMUNE_OFFICER,
                "Cán Bộ Xã Hạ Long",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(commune)),
                Scope.of(Set.of(commune)));
        TestUsers.withRoles(
                accounts,
                VIEWER,
                "Ban Chỉ Đạo Nam Định",
                PASSWORD,
                Set.of("STEERING_VIEWER"),
                Scope.of(Set.of(province)),
                Scope.of(Set.of(province)));
        return new RulebooksFixture(province, commune);
    }

    /** The provincial officer as the services see them. */
    Caller provincialOfficer() {
        return new Caller(
                901,
                PROVINCIAL,
                EnumSet.of(Permission.EVALUATION_READ, Permission.EVALUATION_APPROVE),
                Scope.of(Set.of(province)),
                Scope.of(Set.of(province)));
    }

    /** A commune officer: may approve, but the province is not in their capture scope. */
    Caller communeOfficer() {
        return new Caller(
                902,
                COMMUNE_OFFICER,
                EnumSet.of(Permission.EVALUATION_READ, Permission.EVALUATION_APPROVE),
                Scope.of(Set.of(commune)),
                Scope.of(Set.of(commune)));
    }

    /** A viewer of the whole province without EVALUATION_APPROVE. */
    Caller viewer() {
        return new Caller(
                903,
                VIEWER,
                EnumSet.of(Permission.EVALUATION_READ),
                Scope.of(Set.of(province)),
                Scope.of(Set.of(province)));
    }
}
