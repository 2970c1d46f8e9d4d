package vn.tuquan.order.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.tuquan.order.UnknownPersonRecordException;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The units the persons' registers hang on, looked up through the caller's scopes. */
@Component
public class PersonUnits {

    private final Units units;

    PersonUnits(Units units) {
        this.units = units;
    }

    /** A unit the scope may see (its latest version); refused outside the scope, unknown when there is none. */
    public UnitView visible(Scope scope, long unitId) {
        return units.latest(scope, unitId).orElseThrow(() -> new UnknownPersonRecordException("unit", unitId));
    }

    /**
     * The unit and every unit under it on the date (the tree as it was then), of the kinds given (all
     * when empty): {@link Units#subtreeWithRoot} (the unit alone when it did not exist then).
     */
    public List<UnitView> subtree(Scope scope, long unitId, Set<UnitKind> kinds, LocalDate asOf) {
        visible(scope, unitId);
        return units.subtreeWithRoot(scope, unitId, kinds, asOf);
    }

    public Long[] subtreeIds(Scope scope, long unitId, LocalDate asOf) {
        return subtree(scope, unitId, Set.of(), asOf).stream().map(UnitView::id).toArray(Long[]::new);
    }

    /** Whether a unit (as it is on the date, or as it last was) lies under the ancestor (or is it). */
    public boolean under(long ancestorId, long unitId, LocalDate date) {
        return units.contains(Scope.of(Set.of(ancestorId)), unitId, date);
    }

    public String name(long unitId) {
        return units.latest(Scope.WHOLE_COUNTRY, unitId).map(UnitView::name).orElse("#" + unitId);
    }
}
