package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;

/**
 * Villages and organisations live through the 2025 reform: a commune that went whole into a new
 * ward takes them along; history before the reform is unchanged.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=reform")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReformTests {

    static final LocalDate LIST_2022 = LocalDate.of(2022, 10, 1);
    static final LocalDate FINAL_PRE_REFORM = LocalDate.of(2025, 3, 1);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final LocalDate SPLIT = LocalDate.of(2026, 1, 1);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    long village;
    long pagoda;
    ImportSummary mapping;

    @BeforeAll
    void namDinhThroughTheReform() throws Exception {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_2022,
                Optional.empty());
        long ward = units.findByCode(Scope.WHOLE_COUNTRY, "13636", LIST_2022)
                .orElseThrow()
                .id();
        village = localUnits
                .create(
                        Caller.SYSTEM,
                        ward,
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", null, "Tổ dân phố số 3", null),
                        LIST_2022)
                .id();
        pagoda = localUnits
                .create(
                        Caller.SYSTEM,
                        village,
                        new LocalUnitForm(UnitKind.PAGODA, null, null, "Chùa Vị Xuyên", null),
                        LIST_2022)
                .id();
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
        mapping = lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv")),
                REFORM,
                Optional.empty());
        // a later split, made up for the test: Xã Hải Anh gives a part to Xã Giao Ninh and goes on
        Path split = Files.createTempFile("split-2026-", ".csv");
        Files.writeString(split, """
                old_province_code,old_province_name,old_district_code,old_district_name,old_ward_code,old_ward_name,\
                new_province_code,new_province_name,new_ward_code,new_ward_name,note
                37,Tỉnh Ninh Bình,,,14236,Xã Hải Anh,37,Tỉnh Ninh Bình,14236,Xã Hải Anh,Nhập một phần
                37,Tỉnh Ninh Bình,,,14236,Xã Hải Anh,37,Tỉnh Ninh Bình,14212,Xã Giao Ninh,Nhập một phần
                """);
        lists.importFiles(Caller.SYSTEM, List.of(split), SPLIT, Optional.empty());
        Files.delete(split);
    }

    long code(String code, LocalDate on) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, on).orElseThrow().id();
    }

    static List<String> shares(List<Predecessor> found) {
        return found.stream().map(p -> p.unit().name() + " " + p.share()).toList();
    }

    @Test
    void beforeTheReformAMergedWardWasTheCommunesThatWentWholeIntoIt() {
        long namDinh = code("13669", REFORM);
        LocalDate treeDay2024 = LocalDate.of(2024, 10, 31);
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, namDinh, treeDay2024)))
                .containsExactlyInAnyOrder(
                        "Phường Trần Tế Xương WHOLE", // Vị Xuyên from 2025 (same code, same unit)
                        "Phường Trần Hưng Đạo WHOLE",
                        "Phường Trần Đăng Ninh WHOLE", // the ward itself (Cửa Bắc from 2025): it kept the code
                        "Phường Trần Quang Khải WHOLE", // Năng Tĩnh from 2025
                        "Phường Thống Nhất WHOLE", // Quang Trung from 2025
                        "Phường Lộc Vượng WHOLE",
                        "Phường Cửa Nam WHOLE",
                        "Xã Mỹ Phúc WHOLE");
        // as each was that day: in the old province's tree
        assertThat(units.predecessorsOn(Scope.WHOLE_COUNTRY, namDinh, treeDay2024))
                .allSatisfy(p -> assertThat(p.unit().validOn(treeDay2024)).isTrue());
        // after the reform it is itself
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, namDinh, LocalDate.of(2025, 10, 31))))
                .containsExactly("Phường Nam Định WHOLE");
        // a commune that went into it is only itself before, and nothing after
        long cuaNam = code("13690", treeDay2024);
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, cuaNam, treeDay2024)))
                .containsExactly("Phường Cửa Nam WHOLE");
        assertThat(units.predecessorsOn(Scope.WHOLE_COUNTRY, cuaNam, LocalDate.of(2025, 10, 31)))
                .isEmpty();
    }

    @Test
    void aSplitMarksWhatWentInPart() {
        long haiAnh = code("14236", SPLIT);
        long giaoNinh = code("14212", SPLIT);
        LocalDate treeDay2025 = LocalDate.of(2025, 10, 31);
        // Giao Ninh took a part of Hải Anh after 31/10/2025: Hải Anh's figures of that day cannot be divided
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, giaoNinh, treeDay2025)))
                .containsExactlyInAnyOrder("Xã Giao Ninh WHOLE", "Xã Hải Anh PART");
        // Hải Anh went on smaller: it is not what it was
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, haiAnh, treeDay2025)))
                .containsExactly("Xã Hải Anh PART");
        // walked back through both reorganisations: Hải Minh and Hải Đường went whole into Hải Anh in 2025
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, giaoNinh, LocalDate.of(2024, 10, 31))))
                .containsExactlyInAnyOrder(
                        "Thị trấn Quất Lâm WHOLE",
                        "Xã Giao Thịnh WHOLE",
                        "Xã Giao Phong WHOLE",
                        "Xã Hải Minh PART",
                        "Xã Hải Anh PART",
                        "Xã Hải Đường PART");
        assertThat(shares(units.predecessorsOn(Scope.WHOLE_COUNTRY, giaoNinh, SPLIT.plusMonths(10))))
                .containsExactly("Xã Giao Ninh WHOLE");
    }

    @Test
    void theScopeIsTheUnitsAndItsHistoryIsReadWithIt() {
        long namDinh = code("13669", REFORM);
        long haiAnh = code("14236", REFORM);
        assertThat(units.predecessorsOn(Scope.of(Set.of(namDinh)), namDinh, LocalDate.of(2024, 10, 31)))
                .hasSize(8);
        assertThatThrownBy(() -> units.predecessorsOn(Scope.of(Set.of(haiAnh)), namDinh, LocalDate.of(2024, 10, 31)))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void aVillageFollowsItsWardThroughRenameAndMerger() {
        assertThat(units.fullName(Scope.WHOLE_COUNTRY, village, LIST_2022))
                .isEqualTo("Tổ dân phố số 3, Phường Trần Tế Xương, Thành phố Nam Định, Tỉnh Nam Định");
        assertThat(units.fullName(Scope.WHOLE_COUNTRY, village, FINAL_PRE_REFORM))
                .isEqualTo("Tổ dân phố số 3, Phường Vị Xuyên, Thành phố Nam Định, Tỉnh Nam Định");
        assertThat(units.fullName(Scope.WHOLE_COUNTRY, village, REFORM))
                .isEqualTo("Tổ dân phố số 3, Phường Nam Định, Tỉnh Ninh Bình");
        assertThat(units.fullName(Scope.WHOLE_COUNTRY, pagoda, REFORM))
                .isEqualTo("Chùa Vị Xuyên, Tổ dân phố số 3, Phường Nam Định, Tỉnh Ninh Bình");
        assertThat(units.history(Scope.WHOLE_COUNTRY, village))
                .extracting(UnitView::change)
                .containsExactly("CREATED", "MOVED_BY_REORGANISATION");
        assertThat(mapping.localUnitsMoved()).isEqualTo(2);
    }

    @Test
    void aChangeDatedBeforeTheReformIsRefusedRatherThanRewritingHistory() {
        LocalUnitRefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                LocalUnitRefusedException.class,
                () -> localUnits.edit(
                        Caller.SYSTEM,
                        village,
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", null, "Tổ dân phố số 3A", null),
                        LocalDate.of(2024, 1, 1)));
        assertThat(refused.problems())
                .extracting(vn.tuquan.shared.FieldProblem::messageKey)
                .containsExactly("units.local.error.laterChange");
        assertThat(units.history(Scope.WHOLE_COUNTRY, village)).hasSize(2);
    }

    @Test
    void theMappingAgainMovesNothing() {
        ImportSummary again = lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv")),
                REFORM,
                Optional.empty());
        assertThat(again.changedAnything()).isFalse();
    }
}
