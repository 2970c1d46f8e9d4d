package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
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
    void namDinhThroughTheReform() {
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
