package vn.tuquan.movement;

import java.time.LocalDate;
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
        return units.latest(caller.capture(), unitId)
                .orElseThrow(() -> new UnknownMovementRecordException("unit", unitId));
    }

    /**
     * The unit and every unit under it on the date, of the kinds given (all when empty), the unit first:
     * {@link Units#subtreeWithRoot} (the unit alone when it did not exist then); unknown when there is none.
     */
    List<UnitView> subtree(Scope scope, long unitId, Set<UnitKind> kinds, LocalDate asOf) {
        visible(scope, unitId);
        return units.subtreeWithRoot(scope, unitId, kinds, asOf);
    }

    /** The ids of the unit and of every unit under it today. */
    List<Long> subtreeIds(Scope scope, long unitId) {
        return subtree(scope, unitId, Set.of(), Dates.today()).stream()
                .map(UnitView::id)
                .toList();
    }

    /** Whether a unit, as it is on the date, is the ancestor or lies under it. */
    boolean under(long ancestorId, long unitId, LocalDate date) {
        return units.contains(Scope.of(Set.of(ancestorId)), unitId, date);
    }

    boolean isProvince(long unitId) {
        return units.latest(Scope.WHOLE_COUNTRY, unitId)
                .map(u -> u.kind() == UnitKind.PROVINCE)
                .orElse(false);
    }

    String name(Scope scope, long unitId) {
        return units.latest(scope, unitId).map(UnitView::name).orElse("#" + unitId);
    }
}
