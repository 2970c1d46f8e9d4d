package vn.tuquan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/** The movement's numbers open the movement's unit page narrowed to them, for a reader of the movement only. */
class RecordLinksTests {

    static final UnitView COMMUNE = new UnitView(
            14,
            14,
            "14233",
            "Xã Hải Minh",
            null,
            UnitKind.COMMUNE,
            null,
            3L,
            "/1/3/14/",
            3,
            LocalDate.of(2016, 1, 1),
            null,
            null,
            null);

    static Caller with(Permission... permissions) {
        return new Caller(
                7,
                "someone",
                EnumSet.of(Permission.REPORTS_READ, permissions),
                Scope.WHOLE_COUNTRY,
                Scope.WHOLE_COUNTRY);
    }

    static final List<Indicator> MOVEMENT = List.of(
            Indicator.MODELS,
            Indicator.MODELS_EFFECTIVE,
            Indicator.CAMERAS,
            Indicator.CONFERENCES_INTERIM,
            Indicator.CONFERENCES_FINAL,
            Indicator.CATHOLIC_FAMILIES_TITLED);

    @Test
    void theMovementsNumbersOpenItsUnitPageNarrowedToWhatTheyCount() {
        Caller reader = with(Permission.MOVEMENT_READ);
        assertThat(MOVEMENT)
                .extracting(i -> RecordLinks.of(i, COMMUNE, 2019, reader))
                .containsExactly(
                        "/movement/units/14?year=2019&running=true#models",
                        "/movement/units/14?year=2019&effective=true#models",
                        "/movement/units/14?year=2019&installed=true#cameras",
                        "/movement/units/14?year=2019&kind=INTERIM#conferences",
                        "/movement/units/14?year=2019&kind=FINAL#conferences",
                        "/movement/units/14?year=2019&title=EXEMPLARY_CATHOLIC_FAMILY#titles");
    }

    @Test
    void aReaderOfTheStatisticsAloneSeesTheNumbersWithoutLinks() {
        Caller reports = with(Permission.ORDER_READ);
        assertThat(MOVEMENT)
                .allSatisfy(i -> assertThat(RecordLinks.of(i, COMMUNE, 2019, reports))
                        .as(i.code())
                        .isNull());
    }
}
