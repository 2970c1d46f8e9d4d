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
import vn.tuquan.movement.Models;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/** The register of models (mô hình) of a unit: adding, correcting, ending and removing a model, its assessments, and the Excel export. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class ModelPages {

    private final UnitMovementPage page;
    private final Models models;
    private final SheetExports exports;

    ModelPages(UnitMovementPage page, Models models, SheetExports exports) {
        this.page = page;
        this.models = models;
        this.exports = exports;
    }

    @PostMapping("/movement/units/{unitId}/models")
    @Requires(Permission.MOVEMENT_WRITE)
    String createModel(
            @PathVariable long unitId,
            @ModelAttribute("input") ModelInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "model",
                input,
                model,
                redirect,
                unit -> models.create(CurrentCaller.get(), unit, input.form()).name());
    }

    @PostMapping("/movement/units/{unitId}/assessments")
    @Requires(Permission.MOVEMENT_WRITE)
    String assess(
            @PathVariable long unitId,
            @ModelAttribute("input") AssessmentInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(unitId, "assessment", input, model, redirect, unit -> {
            int[] modelAndYear = input.modelAndYear();
            models.assess(
                    CurrentCaller.get(), unit, modelAndYear[0], modelAndYear[1], input.isEffective(), input.reason());
            return input.reason();
        });
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editModel(
            @PathVariable long unitId,
            @PathVariable long modelId,
            @ModelAttribute("input") ModelInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "model-" + modelId + "/edit",
                "model.edited",
                input,
                model,
                redirect,
                unit -> models.edit(CurrentCaller.get(), unit, modelId, input.form())
                        .name());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/end")
    @Requires(Permission.MOVEMENT_WRITE)
    String endModel(
            @PathVariable long unitId,
            @PathVariable long modelId,
            @ModelAttribute("input") ModelEndInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "model-" + modelId + "/end",
                "model.ended",
                input,
                model,
                redirect,
                unit -> models.end(CurrentCaller.get(), unit, modelId, input.day())
                        .name());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeModel(
            @PathVariable long unitId, @PathVariable long modelId, Model model, RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "model-" + modelId + "/end",
                "model.removed",
                Map.of(),
                model,
                redirect,
                unit -> models.remove(CurrentCaller.get(), unit, modelId).name());
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/assessments/{year}")
    @Requires(Permission.MOVEMENT_WRITE)
    String reassess(
            @PathVariable long unitId,
            @PathVariable long modelId,
            @PathVariable int year,
            @ModelAttribute("input") ReassessmentInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "model-" + modelId + "/assessment",
                "assessment.edited",
                input,
                model,
                redirect,
                unit -> Integer.toString(
                        models.reassess(CurrentCaller.get(), unit, modelId, year, input.isEffective(), input.reason())
                                .year()));
    }

    @PostMapping("/movement/units/{unitId}/models/{modelId}/assessments/{year}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeAssessment(
            @PathVariable long unitId,
            @PathVariable long modelId,
            @PathVariable int year,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "model-" + modelId + "/assessment",
                "assessment.removed",
                Map.of(),
                model,
                redirect,
                unit -> Integer.toString(models.removeAssessment(CurrentCaller.get(), unit, modelId, year)
                        .year()));
    }

    @GetMapping(path = "/movement/units/{unitId}/models.xlsx", produces = SheetExports.XLSX)
    void exportModels(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = page.visible(unitId);
        Scope view = CurrentCaller.view();
        Map<String, String> typeNames = page.typeNames();
        Map<Long, String> unitNames = new HashMap<>();
        exports.send(
                response,
                "mo-hinh-" + unit.id() + ".xlsx",
                SheetExports.Layout.of(
                        "movement.models.sheet",
                        List.of(
                                "movement.model.unit",
                                "movement.model.type",
                                "movement.model.name",
                                "movement.model.startedOn",
                                "movement.model.endedOn",
                                "movement.model.leader",
                                "movement.model.members",
                                "movement.model.campaigns")),
                rows -> models.eachUnder(
                        view,
                        unit.id(),
                        m -> rows.row(
                                unitNames.computeIfAbsent(m.unitId(), page::unitName),
                                typeNames.getOrDefault(m.typeCode(), m.typeCode()),
                                m.name(),
                                m.startedOn(),
                                m.endedOn(),
                                m.leader(),
                                m.members(),
                                String.join("; ", m.campaigns()))));
    }
}
