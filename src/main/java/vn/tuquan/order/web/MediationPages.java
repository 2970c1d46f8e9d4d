package vn.tuquan.order.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.order.Mediation;
import vn.tuquan.order.Mediations;
import vn.tuquan.order.PersonRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * The mediations of a unit (ORDER_READ): the list never shows the parties; a mediation's page shows
 * them only when a caller holding SENSITIVE_READ asks (and that read is audited).
 */
@Controller
@RequestMapping("/order/units/{unitId}/mediations")
@Requires(Permission.ORDER_READ)
class MediationPages {

    private final Mediations mediations;
    private final Units units;
    private final PersonSheets sheets;

    MediationPages(Mediations mediations, Units units, PersonSheets sheets) {
        this.mediations = mediations;
        this.units = units;
        this.sheets = sheets;
    }

    @GetMapping
    String list(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(required = false) String outcome,
            Model model) {
        fill(unitId, year, periodOf, outcome, model);
        model.addAttribute("form", new MediationInput(null, null, null, null, null));
        return "order/listMediations";
    }

    @PostMapping
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    String record(@PathVariable long unitId, @ModelAttribute("form") MediationInput form, Model model) {
        try {
            Mediation saved = mediations.record(
                    CurrentCaller.get(),
                    unitId,
                    new Mediation.Form(
                            PersonSheets.date(form.heldOn(), "heldOn"),
                            form.parties(),
                            form.subject(),
                            PersonSheets.choice(Mediation.Outcome.class, form.outcome(), "outcome"),
                            form.mediator()));
            return "redirect:/order/units/" + unitId + "/mediations/" + saved.id() + "?saved=true";
        } catch (PersonRefusedException e) {
            fill(unitId, null, null, null, model);
            sheets.refused(model, form, e);
            return "order/listMediations";
        }
    }

    @GetMapping("/{mediationId}")
    String show(
            @PathVariable long unitId,
            @PathVariable long mediationId,
            @RequestParam(defaultValue = "false") boolean parties,
            @RequestParam(defaultValue = "false") boolean saved,
            Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        model.addAttribute("mediation", mediations.find(caller, unitId, mediationId, parties));
        model.addAttribute("sensitive", caller.can(Permission.SENSITIVE_READ));
        model.addAttribute("names", new UnitNames(units));
        model.addAttribute("saved", saved);
        return "order/showMediation";
    }

    private void fill(long unitId, Integer year, String periodOf, String outcome, Model model) {
        Caller caller = CurrentCaller.get();
        Mediation.Outcome chosen = PersonSheets.choice(Mediation.Outcome.class, outcome, "outcome");
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        Period period = PersonsApi.period(year, periodOf);
        model.addAttribute(
                "mediations", mediations.list(caller, unitId, period, chosen, false, PersonSheets.PAGE_LIMIT, 0));
        model.addAttribute("total", mediations.count(caller, unitId, period, chosen));
        PersonSheets.period(model, year, periodOf, period);
        model.addAttribute("outcome", chosen);
        model.addAttribute("outcomes", Mediation.Outcome.values());
        model.addAttribute("names", new UnitNames(units));
        model.addAttribute("sensitive", caller.can(Permission.SENSITIVE_READ));
        model.addAttribute("canWrite", units.writable(caller, Permission.ORDER_WRITE, unitId));
    }
}
