package vn.tuquan.order.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.order.DrugUser;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.PersonRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * The drug users of a unit (sensitive: ORDER_READ and SENSITIVE_READ, every page audited): the
 * list with its filters and a form to record one, a drug user's page with the history of their
 * status and a form to change it.
 */
@Controller
@RequestMapping("/order/units/{unitId}/drug-users")
@Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
class DrugUserPages {

    private final DrugUsers drugUsers;
    private final Units units;
    private final PersonSheets sheets;

    DrugUserPages(DrugUsers drugUsers, Units units, PersonSheets sheets) {
        this.drugUsers = drugUsers;
        this.units = units;
        this.sheets = sheets;
    }

    @GetMapping
    String list(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(defaultValue = "false") boolean newOnly,
            @RequestParam(required = false) String status,
            Model model) {
        fillList(unitId, year, periodOf, newOnly, status, model);
        model.addAttribute("form", new DrugUserInput(null, null, null, null, null));
        return "order/listDrugUsers";
    }

    @PostMapping
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    String record(@PathVariable long unitId, @ModelAttribute("form") DrugUserInput form, Model model) {
        try {
            DrugUser saved = drugUsers.record(
                    CurrentCaller.get(),
                    unitId,
                    new DrugUser.Form(form.person(), PersonSheets.date(form.detectedOn(), "detectedOn")));
            return "redirect:/order/units/" + unitId + "/drug-users/" + saved.id() + "?saved=true";
        } catch (PersonRefusedException e) {
            fillList(unitId, null, null, false, null, model);
            sheets.refused(model, form, e);
            return "order/listDrugUsers";
        }
    }

    @GetMapping("/{drugUserId}")
    String show(
            @PathVariable long unitId,
            @PathVariable long drugUserId,
            @RequestParam(defaultValue = "false") boolean saved,
            Model model) {
        fillShow(unitId, drugUserId, model);
        model.addAttribute("saved", saved);
        return "order/showDrugUser";
    }

    @PostMapping("/{drugUserId}/status")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    String changeStatus(
            @PathVariable long unitId,
            @PathVariable long drugUserId,
            @ModelAttribute("form") DrugUserStatusInput form,
            Model model) {
        try {
            drugUsers.changeStatus(
                    CurrentCaller.get(),
                    unitId,
                    drugUserId,
                    PersonSheets.choice(DrugUser.Status.class, form.status(), "status"),
                    PersonSheets.date(form.since(), "since"),
                    form.note());
            return "redirect:/order/units/" + unitId + "/drug-users/" + drugUserId + "?saved=true";
        } catch (PersonRefusedException e) {
            fillShow(unitId, drugUserId, model);
            sheets.refused(model, form, e);
            return "order/showDrugUser";
        }
    }

    private void fillList(long unitId, Integer year, String periodOf, boolean newOnly, String status, Model model) {
        Caller caller = CurrentCaller.get();
        DrugUser.Status chosen = PersonSheets.choice(DrugUser.Status.class, status, "status");
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        Period period = PersonsApi.period(year, periodOf);
        model.addAttribute(
                "drugUsers", drugUsers.list(caller, unitId, period, newOnly, chosen, PersonSheets.PAGE_LIMIT, 0));
        model.addAttribute("total", drugUsers.count(caller, unitId, period, newOnly, chosen));
        PersonSheets.period(model, year, periodOf, period);
        model.addAttribute("newOnly", newOnly);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", DrugUser.Status.values());
        model.addAttribute("names", new UnitNames(units));
        model.addAttribute("canWrite", units.writable(caller, Permission.ORDER_WRITE, unitId));
    }

    private void fillShow(long unitId, long drugUserId, Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        model.addAttribute("drugUser", drugUsers.find(caller, unitId, drugUserId));
        model.addAttribute("history", drugUsers.history(caller, unitId, drugUserId));
        model.addAttribute("statuses", DrugUser.Status.values());
        model.addAttribute("names", new UnitNames(units));
        model.addAttribute("form", new DrugUserStatusInput(null, null, null));
        model.addAttribute("canWrite", units.writable(caller, Permission.ORDER_WRITE, unitId));
    }
}
