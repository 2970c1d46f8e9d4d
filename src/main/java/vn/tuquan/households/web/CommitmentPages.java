package vn.tuquan.households.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.households.Commitment;
import vn.tuquan.households.CommitmentForm;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.Households;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;

/**
 * Correcting or withdrawing one household's commitment (a village head who ticked the wrong
 * household), and the area's commitments for a period as an Excel workbook.
 */
@Controller
@RequestMapping("/households/areas/{areaId}")
@Requires(Permission.MOVEMENT_READ)
class CommitmentPages {

    private final Households households;
    private final Commitments commitments;
    private final HouseholdSheet sheet;
    private final RefusalMessages refusals;

    CommitmentPages(Households households, Commitments commitments, HouseholdSheet sheet, RefusalMessages refusals) {
        this.households = households;
        this.commitments = commitments;
        this.sheet = sheet;
        this.refusals = refusals;
    }

    @GetMapping("/commitments/{householdId}")
    String edit(
            @PathVariable long areaId,
            @PathVariable long householdId,
            @RequestParam(required = false) Integer year,
            Model model) {
        Period period = period(year);
        households.area(CurrentCaller.view(), areaId, HouseholdPages.defaultDate(period));
        households.historyIn(CurrentCaller.view(), areaId, householdId);
        Commitment commitment = commitments
                .find(CurrentCaller.view(), householdId, period.year())
                .orElseThrow(() -> new HouseholdRefusedException(
                        "households.refused.notCommitted",
                        Long.toString(householdId),
                        MessageArguments.year(period.year())));
        fill(areaId, householdId, period, commitment.form(), model);
        return "households/editCommitment";
    }

    @PostMapping("/commitments/{householdId}")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    String change(
            @PathVariable long areaId,
            @PathVariable long householdId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredOn,
            @RequestParam(defaultValue = "false") boolean signed,
            @RequestParam(defaultValue = "false") boolean selfManage,
            @RequestParam(defaultValue = "false") boolean selfPrevent,
            @RequestParam(defaultValue = "false") boolean selfProtect,
            Model model,
            RedirectAttributes redirect) {
        Period period = period(year);
        households.area(CurrentCaller.capture(), areaId, HouseholdPages.defaultDate(period));
        CommitmentForm form = new CommitmentForm(registeredOn, signed, selfManage, selfPrevent, selfProtect);
        try {
            commitments.change(CurrentCaller.get(), householdId, period.year(), form);
        } catch (HouseholdRefusedException e) {
            fill(areaId, householdId, period, form, model);
            model.addAttribute("error", refusals.message(e));
            return "households/editCommitment";
        }
        redirect.addFlashAttribute("corrected", householdCode(householdId, period));
        return "redirect:/households/areas/" + areaId + "/commitments?year=" + period.year();
    }

    @PostMapping("/commitments/{householdId}/withdraw")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    String withdraw(
            @PathVariable long areaId,
            @PathVariable long householdId,
            @RequestParam(required = false) Integer year,
            RedirectAttributes redirect) {
        Period period = period(year);
        households.area(CurrentCaller.capture(), areaId, HouseholdPages.defaultDate(period));
        String code = householdCode(householdId, period);
        commitments.withdraw(CurrentCaller.get(), householdId, period.year());
        redirect.addFlashAttribute("withdrawn", code);
        return "redirect:/households/areas/" + areaId + "/commitments?year=" + period.year();
    }

    @GetMapping(value = "/commitments.xlsx", produces = HouseholdSheet.MEDIA_TYPE)
    void export(@PathVariable long areaId, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        Period period = period(year);
        LocalDate asOf = period.to().isAfter(Dates.today()) ? Dates.today() : period.to();
        Scope view = CurrentCaller.view();
        sheet.exports()
                .send(
                        response,
                        "commitments-" + areaId + "-" + period.year() + ".xlsx",
                        HouseholdSheet.COMMITMENTS,
                        rows -> commitments.eachInArea(
                                view, areaId, asOf, period.year(), (h, c) -> rows.row(sheet.commitment(h, c))));
    }

    private void fill(long areaId, long householdId, Period period, CommitmentForm form, Model model) {
        model.addAttribute("areaId", areaId);
        model.addAttribute("household", household(householdId, period));
        model.addAttribute("period", period);
        model.addAttribute("form", form);
    }

    /** The household as it lived during the period (its last day in it, or today for the current one). */
    private Household household(long householdId, Period period) {
        LocalDate on = HouseholdPages.defaultDate(period);
        return households
                .find(CurrentCaller.view(), householdId, on)
                .or(() -> households.history(CurrentCaller.view(), householdId).stream()
                        .filter(h -> !h.validFrom().isAfter(period.to()))
                        .reduce((a, b) -> b))
                .orElseThrow(
                        () -> new HouseholdRefusedException("households.refused.unknown", Long.toString(householdId)));
    }

    private String householdCode(long householdId, Period period) {
        Household h = household(householdId, period);
        return h.code() + " – " + h.headName();
    }

    private static Period period(Integer year) {
        return HouseholdPages.period(year);
    }
}
