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
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.households.OrganisationCommitments.OrganisationCommitment;
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
 * An agency's, enterprise's, school's or hospital's commitment for a period: its staff, those
 * briefed and those who signed, with their shares; and the organisations under a unit as Excel.
 */
@Controller
@RequestMapping("/households/organisations/{unitId}")
@Requires(Permission.MOVEMENT_READ)
class OrganisationCommitmentPages {

    /** The form as typed: numbers stay text until they are checked. */
    record StaffForm(String staffTotal, String staffBriefed, String staffSigned, LocalDate recordedOn) {}

    private final OrganisationCommitments organisations;
    private final Units units;
    private final HouseholdSheet sheet;
    private final RefusalMessages refusals;

    OrganisationCommitmentPages(
            OrganisationCommitments organisations, Units units, HouseholdSheet sheet, RefusalMessages refusals) {
        this.organisations = organisations;
        this.units = units;
        this.sheet = sheet;
        this.refusals = refusals;
    }

    @GetMapping("/commitments")
    String show(@PathVariable long unitId, @RequestParam(required = false) Integer year, Model model) {
        Period period = period(year);
        UnitView unit = organisation(unitId, period);
        OrganisationCommitment recorded =
                organisations.find(CurrentCaller.view(), unitId, period.year()).orElse(null);
        StaffForm form = recorded != null
                ? new StaffForm(
                        Integer.toString(recorded.staffTotal()),
                        Integer.toString(recorded.staffBriefed()),
                        Integer.toString(recorded.staffSigned()),
                        recorded.recordedOn())
                : new StaffForm(
                        unit.organisation() != null && unit.organisation().staffCount() != null
                                ? unit.organisation().staffCount().toString()
                                : "",
                        "",
                        "",
                        HouseholdPages.defaultDate(period));
        fill(unit, period, recorded, form, model);
        return "households/organisationCommitments";
    }

    @PostMapping("/commitments")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    String record(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String staffTotal,
            @RequestParam(defaultValue = "") String staffBriefed,
            @RequestParam(defaultValue = "") String staffSigned,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
            Model model) {
        Period period = period(year);
        units.find(CurrentCaller.capture(), unitId, period.to());
        UnitView unit = organisation(unitId, period);
        StaffForm form = new StaffForm(staffTotal, staffBriefed, staffSigned, recordedOn);
        try {
            OrganisationCommitment saved = organisations.record(
                    CurrentCaller.get(),
                    unitId,
                    period.year(),
                    number(staffTotal, "households.refused.staffTotal"),
                    number(staffBriefed, "households.refused.staffBriefedNumber"),
                    number(staffSigned, "households.refused.staffSignedNumber"),
                    recordedOn);
            fill(unit, period, saved, form, model);
            model.addAttribute("saved", true);
        } catch (HouseholdRefusedException e) {
            fill(
                    unit,
                    period,
                    organisations
                            .find(CurrentCaller.view(), unitId, period.year())
                            .orElse(null),
                    form,
                    model);
            model.addAttribute("error", refusals.message(e));
            model.addAttribute("errorField", field(e.messageKey()));
        }
        return "households/organisationCommitments";
    }

    @GetMapping(value = "/commitments.xlsx", produces = HouseholdSheet.MEDIA_TYPE)
    void export(@PathVariable long unitId, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        Period period = period(year);
        Scope view = CurrentCaller.view();
        sheet.exports()
                .send(
                        response,
                        "organisations-" + unitId + "-" + period.year() + ".xlsx",
                        HouseholdSheet.ORGANISATIONS,
                        rows -> organisations.each(
                                view, unitId, period.year(), o -> rows.row(HouseholdSheet.organisation(o))));
    }

    private void fill(UnitView unit, Period period, OrganisationCommitment recorded, StaffForm form, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", units.fullName(CurrentCaller.view(), unit.id(), period.to()));
        model.addAttribute("period", period);
        model.addAttribute("recorded", recorded);
        if (recorded != null) {
            model.addAttribute("briefedShare", oneDecimal(recorded.briefedPercent()));
            model.addAttribute("signedShare", oneDecimal(recorded.signedPercent()));
        }
        model.addAttribute("form", form);
        model.addAttribute(
                "canWrite", units.writable(CurrentCaller.get(), Permission.MOVEMENT_WRITE, unit.id(), period.to()));
    }

    private UnitView organisation(long unitId, Period period) {
        UnitView unit = units.find(CurrentCaller.view(), unitId, period.to())
                .or(() -> units.latest(CurrentCaller.view(), unitId))
                .orElseThrow(() -> new HouseholdRefusedException("households.refused.unknownOrganisation", unitId));
        if (!unit.kind().organisation()) {
            throw new HouseholdRefusedException("households.refused.notAnOrganisation", unit.name());
        }
        return unit;
    }

    private static int number(String text, String key) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new HouseholdRefusedException(key, text.strip());
        }
    }

    /** The form field a refusal is about, to mark it. */
    private static String field(String key) {
        return switch (key) {
            case "households.refused.staffTotal" -> "staffTotal";
            case "households.refused.staffBriefed", "households.refused.staffBriefedNumber" -> "staffBriefed";
            case "households.refused.staffSigned", "households.refused.staffSignedNumber" -> "staffSigned";
            case "households.refused.outsidePeriod" -> "recordedOn";
            default -> "";
        };
    }

    /** A share in percent as the pages and sheets show it: 95.8. */
    static double oneDecimal(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static Period period(Integer year) {
        return year == null ? OrganisationCommitments.periodOn(Dates.today()) : Period.organisation(year);
    }
}
