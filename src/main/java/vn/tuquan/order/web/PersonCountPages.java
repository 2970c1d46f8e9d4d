package vn.tuquan.order.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.order.PersonStatistics;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The persons' registers of a unit in a period as counts (ORDER_READ, nothing personal), with the
 * units right under it, and links to the lists the caller may open.
 */
@Controller
@Requires(Permission.ORDER_READ)
class PersonCountPages {

    private final PersonStatistics statistics;
    private final Units units;

    PersonCountPages(PersonStatistics statistics, Units units) {
        this.statistics = statistics;
        this.units = units;
    }

    @GetMapping("/order/units/{unitId}/persons")
    String counts(@PathVariable long unitId, @RequestParam(required = false) Integer year, Model model) {
        int y = PersonsApi.year(year);
        Caller caller = CurrentCaller.get();
        var rows = statistics.childCounts(caller.view(), unitId, y);
        model.addAttribute("unit", unit(unitId));
        model.addAttribute("year", y);
        model.addAttribute("period", Period.residentialArea(y));
        model.addAttribute("total", rows.get(0));
        model.addAttribute("rows", rows.subList(1, rows.size()));
        model.addAttribute("noDrugUser", statistics.noDrugUser(caller.view(), unitId, y));
        model.addAttribute("sensitive", caller.can(Permission.SENSITIVE_READ));
        return "order/showPersonCounts";
    }

    private UnitView unit(long unitId) {
        return units.latest(CurrentCaller.view(), unitId).orElseThrow();
    }
}
