package vn.tuquan.movement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The units the movement's records belong to, looked up through the caller's scopes. */
@Component
class MovementUnits {

    private final Units units;

    MovementUnits(Units units) {
        this.units = units;
    }

    /** A unit the scope may see (its latest version); refused outside, unknown when there is none. */
    UnitView visible(Scope scope, long unitId) {
        return units.latest(scope, unitId).orElseThrow(() -> new UnknownMovementRecordException("unit", unitId));
    }

    /** A unit the caller may write for: movement write permission and the capture scope. */
    UnitView writable(Caller caller, long unitId) {
        caller.require(Permission.MOVEMENT_WRITE);
        return units.latest(caller.capture(), unitId).orElseThrow(() -> new UnknownMovementRecordException("unit", unitId));
    }

    /** The unit and every unit under it today (ids), of the kinds given (all when empty). */
    List<UnitView> subtree(Scope scope, long unitId, Set<UnitKind> kinds, java.time.LocalDate asOf) {
        UnitView root = visible(scope, unitId);
        List<UnitView> all = new ArrayList<>();
        if (kinds.isEmpty() || kinds.contains(root.kind())) {
            all.add(root);
        }
        int offset = 0;
        while (true) {
            Units.Page page = units.subtree(scope, unitId, kinds, asOf, 2000, offset);
            all.addAll(page.units());
            if (!page.more()) {
                return all;
            }
            offset += page.units().size();
        }
    }

    List<Long> subtreeIds(Scope scope, long unitId) {
        return subtree(scope, unitId, Set.of(), Dates.today()).stream().map(UnitView::id).toList();
    }

    /** Whether a unit, as it is on the date, is the ancestor or lies under it. */
    boolean under(long ancestorId, long unitId, java.time.LocalDate date) {
        return units.contains(Scope.of(Set.of(ancestorId)), unitId, date);
    }

    boolean isProvince(long unitId) {
        return units.latest(Scope.WHOLE_COUNTRY, unitId).map(u -> u.kind() == UnitKind.PROVINCE).orElse(false);
    }

    String name(Scope scope, long unitId) {
        return units.latest(scope, unitId).map(UnitView::name).orElse("#" + unitId);
    }
}
