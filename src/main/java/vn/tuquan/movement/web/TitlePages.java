package vn.tuquan.movement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.movement.MovementRefusedException;
import vn.tuquan.movement.Titles;
import vn.tuquan.movement.UnknownMovementRecordException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/** The register of titles (danh hiệu) awarded in a unit: awarding a title to the unit, a person or households, removing an award, and the Excel export. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class TitlePages {

    private final UnitMovementPage page;
    private final Titles titles;
    private final SheetExports exports;

    TitlePages(UnitMovementPage page, Titles titles, SheetExports exports) {
        this.page = page;
        this.titles = titles;
        this.exports = exports;
    }

    @PostMapping("/movement/units/{unitId}/awards")
    @Requires(Permission.MOVEMENT_WRITE)
    String award(
            @PathVariable long unitId,
            @ModelAttribute("input") AwardInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "award",
                input,
                model,
                redirect,
                unit -> titles.award(CurrentCaller.get(), unit, input.form()).decisionNumber());
    }

    /** One decision awarding a household title to the households ticked on a residential area's page. */
    @PostMapping("/movement/units/{unitId}/household-awards")
    @Requires(Permission.MOVEMENT_WRITE)
    String awardHouseholds(
            @PathVariable long unitId,
            @ModelAttribute("input") HouseholdAwardInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "householdAward",
                input,
                model,
                redirect,
                unit -> titles.awardHouseholds(CurrentCaller.get(), unit, input.form())
                        .get(0)
                        .decisionNumber());
    }

    @PostMapping("/movement/units/{unitId}/awards/{awardId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAward(
            @PathVariable long unitId, @PathVariable long awardId, Model model, RedirectAttributes redirect) {
        return page.attempt(unitId, "removedAward", Map.of(), model, redirect, unit -> {
            try {
                return titles.remove(CurrentCaller.get(), unit, awardId).decisionNumber();
            } catch (UnknownMovementRecordException e) {
                throw new MovementRefusedException("awardId", "movement.error.unknownAward");
            }
        });
    }

    @GetMapping(path = "/movement/units/{unitId}/awards.xlsx", produces = SheetExports.XLSX)
    void exportAwards(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = page.visible(unitId);
        Scope view = CurrentCaller.view();
        Map<String, String> titleNames = page.titleNames();
        Map<Long, String> unitNames = new HashMap<>(); // household awards: thousands of rows, few areas
        exports.send(
                response,
                "danh-hieu-" + unit.id() + ".xlsx",
                SheetExports.Layout.of(
                        "movement.awards.sheet",
                        List.of(
                                "movement.award.year",
                                "movement.award.title",
                                "movement.model.unit",
                                "movement.award.person",
                                "movement.field.decidingBody",
                                "movement.field.decisionNumber",
                                "movement.award.decidedOn")),
                rows -> titles.eachAwardUnder(
                        view,
                        unit.id(),
                        a -> rows.row(
                                a.year(),
                                titleNames.getOrDefault(a.titleCode(), a.titleCode()),
                                unitNames.computeIfAbsent(a.unitId(), page::unitName),
                                a.personName(),
                                a.decidingBody(),
                                a.decisionNumber(),
                                a.decidedOn())));
    }
}
