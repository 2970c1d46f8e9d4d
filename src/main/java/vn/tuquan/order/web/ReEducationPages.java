package vn.tuquan.order.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.order.PersonRefusedException;
import vn.tuquan.order.ReEducation;
import vn.tuquan.order.ReEducations;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/** Community re-education cases of a unit (sensitive: ORDER_READ and SENSITIVE_READ, every page audited). */
@Controller
@RequestMapping("/order/units/{unitId}/re-educations")
@Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
class ReEducationPages {

    private final ReEducations reEducations;
    private final Units units;
    private final PersonSheets sheets;

    ReEducationPages(ReEducations reEducations, Units units, PersonSheets sheets) {
        this.reEducations = reEducations;
        this.units = units;
        this.sheets = sheets;
    }

    @GetMapping
    String list(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(defaultValue = "false") boolean startedOnly,
            @RequestParam(required = false) Boolean open,
            Model model) {
        fill(unitId, year, periodOf, startedOnly, open, model);
        model.addAttribute("form", new ReEducationInput(null, null, null, null, null, null));
        return "order/listReEducations";
    }

    @PostMapping
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    String record(@PathVariable long unitId, @ModelAttribute("form") ReEducationInput form, Model model) {
        try {
            ReEducation saved = reEducations.record(
                    CurrentCaller.get(),
                    unitId,
                    new ReEducation.Form(
                            form.person(), PersonSheets.date(form.startedOn(), "startedOn"), form.responsible()));
            return "redirect:/order/units/" + unitId + "/re-educations/" + saved.id() + "?saved=true";
        } catch (PersonRefusedException e) {
            fill(unitId, null, null, false, null, model);
            sheets.refused(model, form, e);
            return "order/listReEducations";
        }
    }

    @GetMapping("/{caseId}")
    String show(
            @PathVariable long unitId,
            @PathVariable long caseId,
            @RequestParam(defaultValue = "false") boolean saved,
            Model model) {
        fillShow(unitId, caseId, model);
        model.addAttribute("saved", saved);
        model.addAttribute("form", new ReEducationEndInput(null, null));
        return "order/showReEducation";
    }

    @PostMapping("/{caseId}/end")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    String end(
            @PathVariable long unitId,
            @PathVariable long caseId,
            @ModelAttribute("form") ReEducationEndInput form,
            Model model) {
        try {
            reEducations.end(
                    CurrentCaller.get(),
                    unitId,
                    caseId,
                    PersonSheets.date(form.endedOn(), "endedOn"),
                    PersonSheets.choice(ReEducation.Outcome.class, form.outcome(), "outcome"));
            return "redirect:/order/units/" + unitId + "/re-educations/" + caseId + "?saved=true";
        } catch (PersonRefusedException e) {
            fillShow(unitId, caseId, model);
            sheets.refused(model, form, e);
            return "order/showReEducation";
        }
    }

    private void fill(long unitId, Integer year, String periodOf, boolean startedOnly, Boolean open, Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        Period period = PersonsApi.period(year, periodOf);
        model.addAttribute(
                "cases", reEducations.list(caller, unitId, period, startedOnly, open, PersonSheets.PAGE_LIMIT, 0));
        model.addAttribute("total", reEducations.count(caller, unitId, period, startedOnly, open));
        model.addAttribute("startedOnly", startedOnly);
        PersonSheets.period(model, year, periodOf, period);
        model.addAttribute("open", open);
        model.addAttribute("names", new UnitNames(units));
        model.addAttribute("canWrite", canWrite(caller, unitId));
    }

    private void fillShow(long unitId, long caseId, Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        model.addAttribute("reEducation", reEducations.find(caller, unitId, caseId));
        model.addAttribute("outcomes", ReEducation.Outcome.values());
        model.addAttribute("names", new UnitNames(units));
        model.addAttribute("canWrite", canWrite(caller, unitId));
    }

    private boolean canWrite(Caller caller, long unitId) {
        return units.writable(caller, Permission.ORDER_WRITE, unitId);
    }
}
