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
import vn.tuquan.movement.Titles;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/** The register of emulation agreements (giao ước thi đua) of a unit: recording, correcting and removing one, and the Excel export. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class AgreementPages {

    private final UnitMovementPage page;
    private final Titles titles;
    private final SheetExports exports;

    AgreementPages(UnitMovementPage page, Titles titles, SheetExports exports) {
        this.page = page;
        this.titles = titles;
        this.exports = exports;
    }

    @PostMapping("/movement/units/{unitId}/agreements")
    @Requires(Permission.MOVEMENT_WRITE)
    String agree(
            @PathVariable long unitId,
            @ModelAttribute("input") AgreementInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "agreement",
                input,
                model,
                redirect,
                unit -> titles.agree(CurrentCaller.get(), unit, input.added()).content());
    }

    @PostMapping("/movement/units/{unitId}/agreements/{agreementId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editAgreement(
            @PathVariable long unitId,
            @PathVariable long agreementId,
            @ModelAttribute("input") AgreementInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "agreement-" + agreementId + "/edit",
                "agreement.edited",
                input,
                model,
                redirect,
                unit -> titles.editAgreement(CurrentCaller.get(), unit, agreementId, input.corrected())
                        .content());
    }

    @PostMapping("/movement/units/{unitId}/agreements/{agreementId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAgreement(
            @PathVariable long unitId, @PathVariable long agreementId, Model model, RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "agreement-" + agreementId + "/edit",
                "agreement.removed",
                Map.of(),
                model,
                redirect,
                unit -> titles.removeAgreement(CurrentCaller.get(), unit, agreementId)
                        .content());
    }

    @GetMapping(path = "/movement/units/{unitId}/agreements.xlsx", produces = SheetExports.XLSX)
    void exportAgreements(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = page.visible(unitId);
        Scope view = CurrentCaller.view();
        Map<Long, String> partyNames = new HashMap<>();
        exports.send(
                response,
                "giao-uoc-" + unit.id() + ".xlsx",
                SheetExports.Layout.of(
                        "movement.agreements.sheet",
                        List.of(
                                "movement.field.signedOn",
                                "movement.agreement.recordedBy",
                                "movement.field.partyIds",
                                "movement.field.content",
                                "movement.model.campaigns")),
                rows -> titles.eachAgreementUnder(
                        view,
                        unit.id(),
                        a -> rows.row(
                                a.signedOn(),
                                partyNames.computeIfAbsent(a.unitId(), page::partyName),
                                String.join(
                                        "; ",
                                        a.partyIds().stream()
                                                .map(id -> partyNames.computeIfAbsent(id, page::partyName))
                                                .toList()),
                                a.content(),
                                String.join("; ", a.campaigns()))));
    }
}
