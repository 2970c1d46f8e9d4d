package vn.tuquan.order.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.order.UnknownHotspotException;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** What the hotspot and campaign pages share: the unit shown, the units to choose from, names of units. */
@Component
class HotspotPageSupport {

    private final Units units;
    private final MessageSource messages;

    HotspotPageSupport(Units units, MessageSource messages) {
        this.units = units;
        this.messages = messages;
    }

    /** The unit a list is for: the one asked for (refused outside the view), else the first of the caller's tree. */
    UnitView unit(Scope view, Long unitId) {
        if (unitId != null) {
            return units.latest(view, unitId).orElseThrow(() -> new UnknownHotspotException("unit", unitId));
        }
        return units.roots(view, Dates.today()).stream()
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("no unit in the caller's view"));
    }

    /** The units to move to from a list: the caller's roots, the unit's ancestors they see, and its children. */
    List<UnitView> choices(Scope view, UnitView unit) {
        LocalDate today = Dates.today();
        Map<Long, UnitView> all = new LinkedHashMap<>();
        units.roots(view, today).forEach(u -> all.put(u.id(), u));
        if (unit.validOn(today)) {
            units.ancestors(view, unit.id(), today).stream()
                    .filter(a -> units.inScope(view, a, today))
                    .forEach(a -> all.putIfAbsent(a.id(), a));
        }
        all.putIfAbsent(unit.id(), unit);
        children(view, unit).forEach(c -> all.putIfAbsent(c.id(), c));
        return new ArrayList<>(all.values());
    }

    /** The unit itself and its units one level down today: the units a hotspot or campaign recorded there may cover. */
    List<UnitView> coverable(Scope view, UnitView unit) {
        List<UnitView> list = new ArrayList<>();
        list.add(unit);
        list.addAll(children(view, unit));
        return list;
    }

    private List<UnitView> children(Scope view, UnitView unit) {
        return unit.validOn(Dates.today()) ? units.children(view, unit.id(), Dates.today()) : List.of();
    }

    /** Whether a unit lies under the unit (or is it), as the tree is today. */
    boolean under(UnitView unit, long unitId) {
        return units.contains(Scope.of(Set.of(unit.id())), unitId, Dates.today());
    }

    boolean canWrite(Caller caller, UnitView unit) {
        return units.writable(caller, Permission.ORDER_WRITE, unit.id());
    }

    /** Names of units, or that a unit lies outside the caller's view (a hotspot may cover a neighbouring area). */
    Map<Long, String> names(Scope view, Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        String outside = messages.getMessage("order.hotspots.outside", null, LocaleContextHolder.getLocale());
        for (long id : ids) {
            names.computeIfAbsent(
                    id,
                    u -> units.contains(view, u, Dates.today())
                            ? units.latest(view, u).map(UnitView::name).orElse("#" + u)
                            : outside);
        }
        return names;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
