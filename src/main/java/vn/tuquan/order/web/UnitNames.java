package vn.tuquan.order.web;

import java.util.HashMap;
import java.util.Map;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** Names of the units records hang on, looked up once each, within the caller's view scope. */
public final class UnitNames {

    private final Units units;
    private final Map<Long, String> names = new HashMap<>();

    UnitNames(Units units) {
        this.units = units;
    }

    public String of(long unitId) {
        return names.computeIfAbsent(
                unitId,
                id -> units.latest(CurrentCaller.view(), id).map(UnitView::name).orElse("#" + id));
    }
}
