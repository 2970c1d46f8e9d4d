package vn.tuquan.order.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.tuquan.order.UnknownHotspotException;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The units hotspots and campaigns hang on, looked up through the caller's scopes (module {@code units}). */
@Component
public class HotspotUnits {

    private final Units units;

    HotspotUnits(Units units) {
        this.units = units;
    }

    /** A unit the scope may see (its latest version): refused outside, unknown when there is none. */
    public UnitView visible(Scope scope, long unitId) {
        return units.latest(scope, unitId).orElseThrow(() -> new UnknownHotspotException("unit", unitId));
    }

    /** A unit the caller may record for: the order write permission and the capture scope. */
    public UnitView writable(Caller caller, long unitId) {
        caller.require(Permission.ORDER_WRITE);
        return units.latest(caller.capture(), unitId).orElseThrow(() -> new UnknownHotspotException("unit", unitId));
    }

    /** The unit and every unit under it today, as ids (bound as {@code unit_id = ANY(?)}). */
    public List<Long> subtreeIds(Scope scope, long unitId) {
        return subtreeIds(scope, unitId, Dates.today());
    }

    /** The unit and every unit under it on a date: {@link Units#subtreeWithRoot} (the unit alone when it did not exist then). */
    public List<Long> subtreeIds(Scope scope, long unitId, LocalDate on) {
        visible(scope, unitId);
        return units.subtreeWithRoot(scope, unitId, Set.of(), on).stream()
                .map(UnitView::id)
                .toList();
    }

    /** Whether the unit lies under the ancestor (or is it), as the tree is today. */
    public boolean under(long ancestorId, long unitId) {
        return units.contains(Scope.of(Set.of(ancestorId)), unitId, Dates.today());
    }

    /** Refuses (403) unless every unit lies in the scope. */
    public void requireAll(Scope scope, Collection<Long> unitIds) {
        for (long id : unitIds) {
            if (!units.contains(scope, id, Dates.today())) {
                throw new AccessRefusedException("unit " + id + " is outside the caller's scope");
            }
        }
    }

    public boolean contains(Scope scope, long unitId) {
        return units.contains(scope, unitId, Dates.today());
    }
}
