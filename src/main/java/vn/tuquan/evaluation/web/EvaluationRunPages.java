package vn.tuquan.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.evaluation.EvaluationPeriods;
import vn.tuquan.evaluation.EvaluationRefusedException;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.ResultsPage;
import vn.tuquan.evaluation.RulebookCriterion;
import vn.tuquan.evaluation.Rulebooks;
import vn.tuquan.evaluation.StoredVerdicts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * The bulk run's page for a unit: start a run for a year, see the counts of proposed verdicts under
 * the unit (MET / NOT_MET / NEEDS_INPUT) and the list of units with their verdict. The explanation
 * of one verdict is another page.
 */
@Controller
class EvaluationRunPages {

    private static final int PAGE = 100;

    private final EvaluationRuns runs;
    private final StoredVerdicts storedVerdicts;
    private final Units units;
    private final RefusalMessages refusals;
    private final Rulebooks rulebooks;

    EvaluationRunPages(
            EvaluationRuns runs,
            StoredVerdicts storedVerdicts,
            Units units,
            RefusalMessages refusals,
            Rulebooks rulebooks) {
        this.rulebooks = rulebooks;
        this.runs = runs;
        this.storedVerdicts = storedVerdicts;
        this.units = units;
        this.refusals = refusals;
    }

    @GetMapping("/evaluation/units/{unitId}/runs")
    @Requires(Permission.EVALUATION_READ)
    String page(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String proposed,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        Caller caller = CurrentCaller.get();
        int y = Years.of(units, CurrentCaller.view(), unitId, year);
        model.addAttribute("year", y);
        model.addAttribute("proposed", proposed == null || proposed.isBlank() ? null : proposed);
        model.addAttribute("canRun", caller.can(Permission.EVALUATION_WRITE));
        try {
            ResultsPage results = storedVerdicts.results(caller.view(), unitId, y, proposed, PAGE, offset);
            model.addAttribute("results", results);
        } catch (EvaluationRefusedException e) {
            model.addAttribute("error", refusals.message(e));
        }
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        return "evaluation/listRuns";
    }

    @PostMapping("/evaluation/units/{unitId}/runs")
    @Requires(Permission.EVALUATION_WRITE)
    String run(@PathVariable long unitId, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        int y = Years.of(units, CurrentCaller.view(), unitId, year);
        try {
            redirect.addFlashAttribute("summary", runs.run(CurrentCaller.get(), unitId, y));
        } catch (EvaluationRefusedException e) {
            redirect.addFlashAttribute("error", refusals.message(e));
        }
        redirect.addAttribute("year", y);
        return "redirect:/evaluation/units/" + unitId + "/runs";
    }

    /**
     * "What if": the verdicts under the unit recomputed with one criterion's threshold changed, and the
     * units whose verdict would change — nothing is stored (a GET).
     */
    @GetMapping("/evaluation/units/{unitId}/what-if")
    @Requires(Permission.EVALUATION_READ)
    String whatIf(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String criterion,
            @RequestParam(required = false) String param,
            @RequestParam(required = false) String value,
            Model model) {
        Caller caller = CurrentCaller.get();
        int y = Years.of(units, CurrentCaller.view(), unitId, year);
        model.addAttribute("unit", units.latest(caller.view(), unitId).orElseThrow());
        model.addAttribute("year", y);
        model.addAttribute("criterion", criterion);
        model.addAttribute("paramName", param);
        model.addAttribute("value", value);
        // each criterion once (the first unit kind's line), with its name and thresholds now
        Map<String, RulebookCriterion> offered = new LinkedHashMap<>();
        // the criteria of the rulebook in force for the unit's province at the residential areas' period end
        rulebooks
                .inForceForUnit(
                        caller.view(),
                        unitId,
                        EvaluationPeriods.of("RESIDENTIAL_AREA", y).to())
                .ifPresent(v -> v.criteria()
                        .values()
                        .forEach(lines -> lines.forEach(l -> offered.putIfAbsent(l.criterion(), l))));
        model.addAttribute("offered", offered.values());
        if (criterion != null && !criterion.isBlank()) {
            try {
                Map<String, String> params = param == null || param.isBlank()
                        ? Map.of()
                        : Map.of(param.strip(), value == null ? "" : value.strip());
                model.addAttribute("preview", runs.preview(caller.view(), unitId, y, criterion.strip(), params));
            } catch (EvaluationRefusedException e) {
                model.addAttribute("error", refusals.message(e));
            }
        }
        return "evaluation/showWhatIf";
    }
}
