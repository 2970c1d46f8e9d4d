package vn.tuquan.evaluation.web;

import java.time.LocalDate;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The year an evaluation page or API takes when none is asked: the period in force today for the
 * unit's kind ({@link UnitKind#periodOn}) — a residential area's ends on 31/10, a commune's or an
 * organisation's on 15/11 (30/11 under TT 23), so from 1/11 to 15/11 a village is in next year's
 * period while its commune is still in this year's.
 */
final class Years {

    private Years() {}

    static int of(Units units, Scope scope, long unitId, Integer year) {
        if (year != null) {
            return year;
        }
        LocalDate today = Dates.today();
        return units.latest(scope, unitId)
                .map(UnitView::kind)
                .orElse(UnitKind.RESIDENTIAL_AREA)
                .periodOn(today)
                .year();
    }

    /** The year in force today for a kind. */
    static int current(UnitKind kind) {
        return kind.periodOn(Dates.today()).year();
    }
}
