package vn.tuquan.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.evaluation.AdoptingRulebooks;
import vn.tuquan.evaluation.CriterionConfirmation;
import vn.tuquan.evaluation.RulebookAdoption;
import vn.tuquan.evaluation.RulebookVersion;
import vn.tuquan.evaluation.RulebookVersionDetail;
import vn.tuquan.evaluation.Rulebooks;
import vn.tuquan.evaluation.UnknownRulebookException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/**
 * The rulebooks over HTTP: the versions, one version's criteria per unit kind, the rulebook in force
 * for a unit, and a province's own version (the province's id in the path: its capture scope, 403
 * outside).
 */
@RestController
@Tag(name = "evaluation-rulebooks", description = "Bộ tiêu chí an toàn về ANTT / rulebooks of the safety standard")
@Requires(Permission.EVALUATION_READ)
class RulebooksApi {

    private final Rulebooks rulebooks;
    private final AdoptingRulebooks adopting;

    RulebooksApi(Rulebooks rulebooks, AdoptingRulebooks adopting) {
        this.rulebooks = rulebooks;
        this.adopting = adopting;
    }

    @GetMapping("/api/v1/evaluation/rulebooks")
    @Operation(
            summary = "Every rulebook version: the national ones and the provinces' own within the caller's view scope")
    List<RulebookVersion> list() {
        return rulebooks.versions(CurrentCaller.view());
    }

    @GetMapping("/api/v1/evaluation/rulebooks/version")
    @Operation(
            summary =
                    "One version with its criteria per unit kind (RESIDENTIAL_AREA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL)",
            description = "404 for an unknown id; 403 for a province's version outside the view scope.")
    RulebookVersionDetail version(@RequestParam long id) {
        return rulebooks.version(CurrentCaller.view(), id);
    }

    @GetMapping("/api/v1/evaluation/units/{unitId}/rulebooks")
    @Operation(
            summary =
                    "The rulebook in force for the unit on a day (default today): its province's own version, else the national one")
    RulebookVersionDetail inForce(
            @PathVariable long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate day = on == null ? Dates.today() : on;
        return rulebooks
                .inForceForUnit(CurrentCaller.view(), unitId, day)
                .orElseThrow(() -> new UnknownRulebookException(unitId));
    }

    @PostMapping("/api/v1/evaluation/units/{unitId}/rulebooks")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(
            summary = "Adopt a province's own version from a day: adjust editable criteria's params, add criteria",
            description =
                    "The unit is the province (in the caller's capture scope, else 403). 400 problem+json naming the "
                            + "field for a change of a criterion that is not editable, an unknown criterion or parameter, a value "
                            + "that does not parse, or no date. Earlier versions are never changed.")
    ResponseEntity<RulebookVersionDetail> adopt(@PathVariable long unitId, @RequestBody RulebookAdoption adoption) {
        RulebookVersionDetail adopted = adopting.adopt(CurrentCaller.get(), unitId, adoption);
        return ResponseEntity.created(URI.create("/api/v1/evaluation/rulebooks/version?id="
                        + adopted.rulebook().id()))
                .body(adopted);
    }

    /** A criterion a province confirms for itself, with what it was checked against. */
    record ConfirmationForm(String unitKind, String criterion, String note) {}

    @GetMapping("/api/v1/evaluation/units/{unitId}/rulebooks/{rulebookId}/confirmations")
    @Operation(
            summary = "What a province confirmed of a version's criteria marked \"to confirm\" (RULEBOOK.md)",
            description = "The unit is the province (in the caller's view scope, else 403).")
    List<CriterionConfirmation> confirmations(@PathVariable long unitId, @PathVariable long rulebookId) {
        rulebooks.requireVisible(CurrentCaller.view(), unitId);
        return rulebooks.confirmations(unitId, rulebookId);
    }

    @PostMapping("/api/v1/evaluation/units/{unitId}/rulebooks/{rulebookId}/confirmations")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(
            summary =
                    "A province confirms a criterion marked \"to confirm\": the mark is no longer shown for its units",
            description =
                    "The unit is the province (in the caller's capture scope, else 403). 400 problem+json naming the "
                            + "field for no note, a note over 1,000 characters, a criterion not in the version or not marked to "
                            + "confirm. Confirming twice changes nothing. Audited.")
    ResponseEntity<CriterionConfirmation> confirm(
            @PathVariable long unitId, @PathVariable long rulebookId, @RequestBody ConfirmationForm form) {
        CriterionConfirmation confirmation = rulebooks.confirm(
                CurrentCaller.get(),
                unitId,
                rulebookId,
                form == null ? null : form.unitKind(),
                form == null ? null : form.criterion(),
                form == null ? null : form.note());
        return ResponseEntity.created(URI.create(
                        "/api/v1/evaluation/units/" + unitId + "/rulebooks/" + rulebookId + "/confirmations"))
                .body(confirmation);
    }
}
