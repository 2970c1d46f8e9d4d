package vn.tuquan.households.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.Households;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * A residential area's households with their registration for the current period, and the
 * phone-friendly page where a village head ticks the households that registered.
 */
@Controller
@RequestMapping("/households/areas/{areaId}")
@Requires(Permission.MOVEMENT_READ)
class HouseholdPages {

    private final Households households;
    private final Commitments commitments;
    private final Units units;
    private final HouseholdSheet sheet;
    private final RefusalMessages refusals;

    HouseholdPages(
            Households households,
            Commitments commitments,
            Units units,
            HouseholdSheet sheet,
            RefusalMessages refusals) {
        this.households = households;
        this.commitments = commitments;
        this.units = units;
        this.sheet = sheet;
        this.refusals = refusals;
    }

    /**
     * The households of an area for a period (the one in force today by default): those living there
     * today when the period holds today, else on its last day, with their registration for it.
     */
    @GetMapping
    String list(
            @PathVariable long areaId,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean catholic,
            Model model) {
        Period period = period(year);
        fill(areaId, defaultDate(period), period, model);
        if (catholic) {
            // the Catholic households only: what the statistics' count of them counts
            @SuppressWarnings("unchecked")
            List<Household> all = (List<Household>) model.getAttribute("households");
            model.addAttribute(
                    "households", all.stream().filter(Household::catholic).toList());
            model.addAttribute("catholicOnly", true);
        }
        model.addAttribute("form", new HouseholdForm("", "", "", 1, false));
        return "households/listHouseholds";
    }

    @PostMapping
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    String add(
            @PathVariable long areaId,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String headName,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "0") String members,
            @RequestParam(defaultValue = "false") boolean catholic,
            Model model) {
        LocalDate today = Dates.today();
        int count;
        try {
            count = Integer.parseInt(members.strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        HouseholdForm form = new HouseholdForm(code, headName, address, count, catholic);
        try {
            households.add(CurrentCaller.get(), areaId, form, today);
        } catch (HouseholdRefusedException e) {
            fill(areaId, today, Period.residentialAreaOn(today), model);
            model.addAttribute("form", form);
            model.addAttribute("error", message(e));
            model.addAttribute("errorField", e.field());
            return "households/listHouseholds";
        }
        return "redirect:/households/areas/" + areaId;
    }

    /** The residential areas' period of the year, the one in force today when none is given (2000–2200, else refused). */
    static Period period(Integer year) {
        if (year != null && (year < 2000 || year > 2200)) {
            throw new HouseholdRefusedException("households.refused.year", year.toString());
        }
        return year == null ? Period.residentialAreaOn(Dates.today()) : Period.residentialArea(year);
    }

    @GetMapping("/commitments")
    String commitments(@PathVariable long areaId, @RequestParam(required = false) Integer year, Model model) {
        Period period = period(year);
        fillCommitments(areaId, period, model);
        return "households/recordCommitments";
    }

    @PostMapping("/commitments")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    String record(
            @PathVariable long areaId,
            @RequestParam(required = false) Integer year,
            @RequestParam(name = "household", required = false) List<Long> ticked,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredOn,
            Model model) {
        Period period = period(year);
        LocalDate on = registeredOn != null ? registeredOn : defaultDate(period);
        try {
            int added = commitments.recordAll(
                    CurrentCaller.get(), areaId, period.year(), ticked == null ? List.of() : ticked, on);
            model.addAttribute("saved", added);
        } catch (HouseholdRefusedException e) {
            model.addAttribute("error", message(e));
        }
        fillCommitments(areaId, period, model);
        return "households/recordCommitments";
    }

    @GetMapping(value = "/households.xlsx", produces = HouseholdSheet.MEDIA_TYPE)
    void export(@PathVariable long areaId, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        Period period = period(year);
        LocalDate asOf = period.to().isAfter(Dates.today()) ? Dates.today() : period.to();
        Scope view = CurrentCaller.view();
        sheet.exports()
                .send(
                        response,
                        "households-" + areaId + ".xlsx",
                        HouseholdSheet.HOUSEHOLDS,
                        rows -> commitments.eachInArea(
                                view,
                                areaId,
                                asOf,
                                period.year(),
                                (h, c) -> rows.row(sheet.household(h, c, period.year()))));
    }

    private void fill(long areaId, LocalDate asOf, Period period, Model model) {
        LocalDate today = Dates.today();
        UnitView area = households.area(CurrentCaller.view(), areaId, asOf);
        List<Household> list = households.inArea(CurrentCaller.view(), areaId, asOf);
        model.addAttribute("area", area);
        model.addAttribute("asOf", asOf);
        model.addAttribute("current", period.contains(today));
        model.addAttribute("areaName", units.fullName(CurrentCaller.view(), areaId, asOf));
        model.addAttribute("households", list);
        model.addAttribute("period", period);
        model.addAttribute("registered", commitments.registered(CurrentCaller.view(), areaId, period.year()));
        model.addAttribute("rate", commitments.registrationRate(CurrentCaller.view(), areaId, period.year()));
        model.addAttribute("canWrite", units.writable(CurrentCaller.get(), Permission.MOVEMENT_WRITE, areaId));
    }

    private void fillCommitments(long areaId, Period period, Model model) {
        LocalDate asOf = defaultDate(period);
        UnitView area = households.area(CurrentCaller.view(), areaId, asOf);
        model.addAttribute("area", area);
        model.addAttribute("households", households.inArea(CurrentCaller.view(), areaId, asOf));
        model.addAttribute("period", period);
        model.addAttribute("registeredOn", asOf);
        model.addAttribute("registered", commitments.registered(CurrentCaller.view(), areaId, period.year()));
        model.addAttribute("rate", commitments.registrationRate(CurrentCaller.view(), areaId, period.year()));
        model.addAttribute("canWrite", units.writable(CurrentCaller.get(), Permission.MOVEMENT_WRITE, areaId, asOf));
    }

    /** Today when it falls in the period, else the period's last day (or first, for a future one). */
    static LocalDate defaultDate(Period period) {
        LocalDate today = Dates.today();
        if (period.contains(today)) {
            return today;
        }
        return today.isAfter(period.to()) ? period.to() : period.from();
    }

    private String message(HouseholdRefusedException e) {
        return refusals.message(e);
    }
}
