package vn.tuquan.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.ResultsPage;
import vn.tuquan.evaluation.RunSummary;
import vn.tuquan.evaluation.StoredEvaluation;
import vn.tuquan.evaluation.StoredVerdicts;
import vn.tuquan.evaluation.UnknownEvaluationException;
import vn.tuquan.evaluation.WhatIfPreview;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * The bulk run of the yearly evaluation over a unit's subtree: start it, read the stored verdicts,
 * one unit's verdict with its facts and outcomes, and "what if" a criterion's thresholds changed.
 */
@RestController
@RequestMapping("/api/v1/evaluation/units/{unitId}")
@Tag(name = "evaluation runs", description = "Chạy đánh giá hằng năm / the yearly evaluation's bulk run")
class EvaluationRunsApi {

    private final EvaluationRuns runs;
    private final StoredVerdicts storedVerdicts;
    private final Units units;

    EvaluationRunsApi(EvaluationRuns runs, StoredVerdicts storedVerdicts, Units units) {
        this.runs = runs;
        this.storedVerdicts = storedVerdicts;
        this.units = units;
    }

    /** "What if": a criterion and the parameters it would take. */
    record WhatIf(String criterion, Map<String, String> params) {}

    @PostMapping("/runs")
    @Requires(Permission.EVALUATION_WRITE)
    @Operation(summary = "Compute and store the proposed verdicts of every evaluated unit under the unit for a year")
    RunSummary run(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return runs.run(CurrentCaller.get(), unitId, Years.of(units, CurrentCaller.view(), unitId, year));
    }

    @GetMapping("/runs")
    @Requires(Permission.EVALUATION_READ)
    @Operation(summary = "The stored verdicts under the unit for a year (a page), with the counts by verdict")
    ResultsPage results(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String proposed,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return storedVerdicts.results(
                CurrentCaller.view(),
                unitId,
                Years.of(units, CurrentCaller.view(), unitId, year),
                proposed,
                limit,
                offset);
    }

    @GetMapping("/years/{year}")
    @Requires(Permission.EVALUATION_READ)
    @Operation(summary = "One unit's stored verdict for a year, with its facts and every criterion's comparisons")
    StoredEvaluation one(@PathVariable long unitId, @PathVariable int year) {
        return storedVerdicts
                .one(CurrentCaller.view(), unitId, year)
                .orElseThrow(() -> new UnknownEvaluationException(unitId, year));
    }

    @PostMapping("/what-if")
    @Requires(Permission.EVALUATION_READ)
    @Operation(
            summary =
                    "Recompute without storing with a criterion's parameters changed: the units whose verdict would change")
    WhatIfPreview whatIf(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestBody(required = false) WhatIf body) {
        WhatIf asked = body == null ? new WhatIf(null, Map.of()) : body;
        return runs.preview(
                CurrentCaller.view(),
                unitId,
                Years.of(units, CurrentCaller.view(), unitId, year),
                asked.criterion(),
                asked.params());
    }
}
