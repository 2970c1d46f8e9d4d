package vn.tuquan.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.evaluation.ClassificationEntry;
import vn.tuquan.evaluation.ClassificationToConfirm;
import vn.tuquan.evaluation.Classifications;
import vn.tuquan.evaluation.Explanations;
import vn.tuquan.evaluation.StoredClassification;
import vn.tuquan.evaluation.rules.Classification;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/** The explanation of a verdict and the movement classification, as JSON. */
@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(
        name = "evaluation-explanations",
        description = "Giải thích kết quả và xếp loại phong trào / the explanation of a "
                + "verdict and the movement's classification")
@Requires(Permission.EVALUATION_READ)
class ExplanationApi {

    private final Explanations explanations;
    private final Classifications classifications;
    private final ExplanationViews views;
    private final Units units;

    ExplanationApi(Explanations explanations, Classifications classifications, ExplanationViews views, Units units) {
        this.units = units;
        this.explanations = explanations;
        this.classifications = classifications;
        this.views = views;
    }

    @GetMapping("/units/{unitId}/years/{year}/explanation")
    @Operation(
            summary = "Why a unit got its verdict for a year: every criterion with the values it compared, its "
                    + "sources and the classification")
    ExplanationViews.View explanation(@PathVariable long unitId, @PathVariable int year) {
        Caller caller = CurrentCaller.get();
        return views.of(explanations.explain(caller.view(), unitId, year), caller);
    }

    /**
     * The classification: as stored ({@code stored: true}), or else as it would be computed now from
     * the stored evaluation ({@code stored: false}); {@code classification: null} when the unit's kind
     * has no point table. {@code toConfirm}: the table's items and whether its level thresholds are
     * still to confirm against QĐ 510 (RULEBOOK.md), as the table stands today.
     */
    record ClassificationAnswer(
            long unitId, int year, boolean stored, Object classification, ClassificationToConfirm toConfirm) {}

    @GetMapping("/units/{unitId}/classification")
    @Operation(
            summary = "A unit's movement classification for a year: as stored, else as it would be computed now "
                    + "(QĐ 510 points)")
    ClassificationAnswer classification(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        int y = Years.of(units, CurrentCaller.view(), unitId, year);
        var scope = CurrentCaller.view();
        var stored = classifications.find(scope, unitId, y);
        if (stored.isPresent()) {
            return new ClassificationAnswer(
                    unitId,
                    y,
                    true,
                    stored.get(),
                    classifications.toConfirm(stored.get().unitKind()));
        }
        Classification preview = classifications.preview(scope, unitId, y).orElse(null);
        return new ClassificationAnswer(
                unitId,
                y,
                false,
                preview,
                preview == null ? ClassificationToConfirm.NOTHING : classifications.toConfirm(preview.unitKind()));
    }

    /** The stored classifications of the unit and every unit under it. */
    @GetMapping("/units/{unitId}/classifications")
    @Operation(summary = "The stored classifications of the unit and every unit under it for a year")
    List<StoredClassification> classifications(
            @PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return classifications.list(CurrentCaller.view(), unitId, Years.of(units, CurrentCaller.view(), unitId, year));
    }

    /** Computes and stores the classification from the stored evaluation. */
    @PostMapping("/units/{unitId}/classification")
    @Operation(summary = "Compute and store a unit's classification for a year from its stored evaluation")
    @Requires({Permission.EVALUATION_READ, Permission.EVALUATION_WRITE})
    StoredClassification compute(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return classifications.compute(
                CurrentCaller.get(), unitId, Years.of(units, CurrentCaller.view(), unitId, year));
    }

    record EntryRequest(Integer year, String item, BigDecimal points, String evidence) {}

    /** Enters the points of an item a person scores, with the evidence. */
    @PostMapping("/units/{unitId}/classification/entries")
    @Operation(summary = "Enter the points of an item that a person scores, with the evidence")
    @Requires({Permission.EVALUATION_READ, Permission.EVALUATION_WRITE})
    ClassificationEntry enter(@PathVariable long unitId, @RequestBody EntryRequest request) {
        return classifications.enter(
                CurrentCaller.get(),
                unitId,
                Years.of(units, CurrentCaller.view(), unitId, request.year()),
                request.item(),
                request.points(),
                request.evidence());
    }
}
