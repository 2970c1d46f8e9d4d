package vn.tuquan.movement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.ModelType;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.movement.UnknownMovementRecordException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The movement's registers over HTTP: model types, models and their assessments, cameras,
 * conferences and attachments, titles, awards, emulation agreements and rates. Every path under
 * {@code /units/{unitId}} is checked against the caller's scope (view for reads, capture for writes).
 */
@RestController
@RequestMapping("/api/v1/movement")
@Tag(name = "movement", description = "Phong trào: mô hình, ca-mê-ra, hội nghị, danh hiệu / movement registers")
@Requires(Permission.MOVEMENT_READ)
class MovementApi {

    private final ModelTypes types;
    private final Models models;
    private final Conferences conferences;
    private final Titles titles;
    private final Units units;

    MovementApi(ModelTypes types, Models models, Conferences conferences, Titles titles, Units units) {
        this.units = units;
        this.types = types;
        this.models = models;
        this.conferences = conferences;
        this.titles = titles;
    }

    record AssessmentRequest(Integer year, Boolean effective, String reason) {}

    record EndRequest(LocalDate endedOn) {}

    @GetMapping("/model-types")
    @Operation(
            summary = "The catalogue of model types, with the unit kinds that may run each and the pledges it serves")
    List<ModelType> modelTypes() {
        return types.all();
    }

    @PostMapping("/model-types")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Add or change a model type (a provincial administrator only)")
    ModelType saveModelType(@RequestBody ModelType type) {
        return types.save(CurrentCaller.get(), type);
    }

    @GetMapping("/units/{unitId}/models")
    @Operation(summary = "The models run by the unit and the units under it")
    List<MovementModel> models(@PathVariable long unitId) {
        return models.under(CurrentCaller.view(), unitId);
    }

    @PostMapping("/units/{unitId}/models")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(
            summary = "Start a model in the unit",
            description = "400 when the type may not be run by the unit's kind.")
    ResponseEntity<MovementModel> createModel(@PathVariable long unitId, @RequestBody MovementModel.Form form) {
        MovementModel model = models.create(CurrentCaller.get(), unitId, form);
        return ResponseEntity.created(URI.create("/api/v1/movement/units/" + unitId + "/models"))
                .body(model);
    }

    @PutMapping("/units/{unitId}/models/{modelId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(
            summary = "Correct a model of the unit",
            description = "The rules of creation: a type the unit's kind may run, the end not before the start; "
                    + "its yearly assessments must stay within the new dates.")
    MovementModel editModel(
            @PathVariable long unitId, @PathVariable long modelId, @RequestBody MovementModel.Form form) {
        return models.edit(CurrentCaller.get(), unitId, modelId, form);
    }

    @PutMapping("/units/{unitId}/models/{modelId}/end")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "End a model of the unit on a day (or correct its end)")
    MovementModel endModel(@PathVariable long unitId, @PathVariable long modelId, @RequestBody EndRequest request) {
        return models.end(CurrentCaller.get(), unitId, modelId, request.endedOn());
    }

    @DeleteMapping("/units/{unitId}/models/{modelId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(
            summary = "Remove a model recorded by mistake",
            description = "400 (field modelId) once the model has a yearly assessment: end it instead.")
    ResponseEntity<Void> removeModel(@PathVariable long unitId, @PathVariable long modelId) {
        models.remove(CurrentCaller.get(), unitId, modelId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units/{unitId}/models/{modelId}/assessments")
    @Operation(summary = "The yearly assessments of a model of the unit")
    List<MovementModel.Assessment> assessments(@PathVariable long unitId, @PathVariable long modelId) {
        return models.assessments(CurrentCaller.view(), unitId, modelId);
    }

    @PostMapping("/units/{unitId}/models/{modelId}/assessments")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Record whether the model worked effectively in a year, and why")
    MovementModel.Assessment assess(
            @PathVariable long unitId,
            @PathVariable long modelId,
            @RequestBody(required = false) AssessmentRequest request) {
        AssessmentRequest asked = request == null ? new AssessmentRequest(null, null, null) : request;
        // the service refuses a unit outside the capture scope before it looks at the fields
        return models.assess(CurrentCaller.get(), unitId, modelId, asked.year(), asked.effective(), asked.reason());
    }

    @PutMapping("/units/{unitId}/models/{modelId}/assessments/{year}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(
            summary = "Change the assessment of a year",
            description = "404 when the year has none: POST records one.")
    MovementModel.Assessment reassess(
            @PathVariable long unitId,
            @PathVariable long modelId,
            @PathVariable int year,
            @RequestBody AssessmentRequest request) {
        return models.reassess(CurrentCaller.get(), unitId, modelId, year, request.effective(), request.reason());
    }

    @DeleteMapping("/units/{unitId}/models/{modelId}/assessments/{year}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Remove the assessment of a year recorded by mistake")
    ResponseEntity<Void> removeAssessment(
            @PathVariable long unitId, @PathVariable long modelId, @PathVariable int year) {
        models.removeAssessment(CurrentCaller.get(), unitId, modelId, year);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units/{unitId}/cameras")
    @Operation(summary = "The security cameras watching the unit and the units under it")
    List<Camera> cameras(@PathVariable long unitId) {
        return models.cameras(CurrentCaller.view(), unitId);
    }

    @PostMapping("/units/{unitId}/cameras")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Register a security camera watching the unit")
    ResponseEntity<Camera> registerCamera(@PathVariable long unitId, @RequestBody Camera.Form form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(models.register(CurrentCaller.get(), unitId, form));
    }

    @PutMapping("/units/{unitId}/cameras/{cameraId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Correct a camera watching the unit")
    Camera editCamera(@PathVariable long unitId, @PathVariable long cameraId, @RequestBody Camera.Form form) {
        return models.editCamera(CurrentCaller.get(), unitId, cameraId, form);
    }

    @DeleteMapping("/units/{unitId}/cameras/{cameraId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Remove a camera watching the unit")
    ResponseEntity<Void> removeCamera(@PathVariable long unitId, @PathVariable long cameraId) {
        models.removeCamera(CurrentCaller.get(), unitId, cameraId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units/{unitId}/conferences")
    @Operation(summary = "Interim and final reviews held by the unit and the units under it, newest first")
    List<Conference> conferences(@PathVariable long unitId) {
        return conferences.under(CurrentCaller.view(), unitId);
    }

    @PostMapping("/units/{unitId}/conferences")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Record an interim (INTERIM) or final (FINAL) review held by the unit")
    ResponseEntity<Conference> recordConference(@PathVariable long unitId, @RequestBody Conference.Form form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(conferences.record(CurrentCaller.get(), unitId, form));
    }

    @PutMapping("/units/{unitId}/conferences/{conferenceId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Correct a review held by the unit", description = "The rules of recording one.")
    Conference editConference(
            @PathVariable long unitId, @PathVariable long conferenceId, @RequestBody Conference.Form form) {
        return conferences.edit(CurrentCaller.get(), unitId, conferenceId, form);
    }

    @DeleteMapping("/units/{unitId}/conferences/{conferenceId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Remove a review recorded by mistake, with its attachments")
    ResponseEntity<Void> removeConference(@PathVariable long unitId, @PathVariable long conferenceId) {
        conferences.remove(CurrentCaller.get(), unitId, conferenceId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = "/units/{unitId}/conferences/{conferenceId}/attachments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(
            summary = "Attach minutes or photos to a review",
            description = "PDF, JPEG, PNG, DOCX or XLSX, at most 10 MB; the content must match its type.")
    ResponseEntity<Conference.Attachment> attach(
            @PathVariable long unitId,
            @PathVariable long conferenceId,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        // no file: the service refuses a unit outside the capture scope first, then the empty content
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(conferences.attach(
                        CurrentCaller.get(),
                        unitId,
                        conferenceId,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getContentType(),
                        file == null ? null : file.getBytes()));
    }

    @GetMapping("/units/{unitId}/attachments/{attachmentId}")
    @Operation(summary = "The content of an attachment of a review held by the unit")
    ResponseEntity<byte[]> attachment(@PathVariable long unitId, @PathVariable long attachmentId) {
        Map.Entry<Conference.Attachment, byte[]> found = conferences
                .attachment(CurrentCaller.view(), unitId, attachmentId)
                .orElseThrow(() -> new UnknownMovementRecordException("attachment", attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.getKey().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(found.getKey().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(found.getValue());
    }

    @DeleteMapping("/units/{unitId}/attachments/{attachmentId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Remove an attachment of a review held by the unit")
    ResponseEntity<Void> removeAttachment(@PathVariable long unitId, @PathVariable long attachmentId) {
        conferences.removeAttachment(CurrentCaller.get(), unitId, attachmentId);
        return ResponseEntity.noContent().build();
    }

    /**
     * The final reviews asked for: {@code match} HELD_IN (held during the period of the year) or
     * COVERING (whose reviewed period covers {@code from}–{@code to}), with the units grouped.
     */
    record FinalReviews(
            Integer year, LocalDate from, LocalDate to, String match, Map<String, List<Conference.Holder>> groups) {}

    @GetMapping("/units/{unitId}/final-reviews")
    @Operation(
            summary =
                    "Which units under the unit held a final review in a year, or one covering a span, grouped by level and kind",
            description =
                    "With year (default: the period in force today for the unit's kind — residential areas to 31/10, "
                            + "communes and organisations to 15/11 or 30/11): the final reviews held during that period. With from "
                            + "and/or to: those whose reviewed period covers from–to (from defaults to ten years before to, to to "
                            + "today). Groups: PROVINCE, DISTRICT, COMMUNE, ORGANISATION (agencies, enterprises, schools …), "
                            + "RESIDENTIAL_AREA.")
    FinalReviews finalReviews(
            @PathVariable long unitId,
            @Parameter(description = "the period's year") @RequestParam(required = false) Integer year,
            @Parameter(description = "start of the span a review must cover")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "end of the span a review must cover")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to) {
        if (from != null || to != null) {
            LocalDate end = to == null ? Dates.today() : to;
            LocalDate start = from == null ? end.minusYears(10) : from;
            return new FinalReviews(
                    null, start, end, "COVERING", conferences.finalReviews(CurrentCaller.view(), unitId, start, end));
        }
        Period period = UnitMovementPage.period(units, unitId, year);
        return new FinalReviews(
                period.year(),
                period.from(),
                period.to(),
                "HELD_IN",
                conferences.finalReviewsHeldIn(CurrentCaller.view(), unitId, period));
    }

    @GetMapping("/titles")
    @Operation(summary = "The catalogue of titles, each for households, units or persons")
    List<Title> titles() {
        return titles.all();
    }

    @GetMapping("/units/{unitId}/awards")
    @Operation(summary = "Titles awarded to the unit, the units under it and their people")
    List<Title.Award> awards(@PathVariable long unitId) {
        return titles.awardsUnder(CurrentCaller.view(), unitId);
    }

    @PostMapping("/units/{unitId}/awards")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Award a title for a year", description = "400 without a deciding body and a decision number.")
    ResponseEntity<Title.Award> award(@PathVariable long unitId, @RequestBody Title.AwardForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(titles.award(CurrentCaller.get(), unitId, form));
    }

    @PostMapping("/units/{unitId}/household-awards")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(
            summary = "Award a household title for a year to the households of one decision, all or none",
            description = "Each household must live under the unit, in the caller's capture scope (else 403), at the"
                    + " end of the year (today for the current year); EXEMPLARY_CATHOLIC_FAMILY only to Catholic"
                    + " households. 400 naming the first household refused; nothing is awarded then.")
    ResponseEntity<List<Title.Award>> awardHouseholds(
            @PathVariable long unitId, @RequestBody Title.HouseholdAwardForm form) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(titles.awardHouseholds(CurrentCaller.get(), unitId, form));
    }

    @DeleteMapping("/units/{unitId}/awards/{awardId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Remove a mistaken award of the unit or a unit under it; answers the award removed")
    Title.Award removeAward(@PathVariable long unitId, @PathVariable long awardId) {
        return titles.remove(CurrentCaller.get(), unitId, awardId);
    }

    @GetMapping("/units/{unitId}/rates")
    @Operation(
            summary = "The share of units of a kind under the unit that held a title in a year",
            description = "Default: parishes (PARISH) awarded ADVANCED_PARISH in the year (default: the period in force"
                    + " today for the unit's kind). For a household title"
                    + " (EXEMPLARY_CATHOLIC_FAMILY, CULTURED_FAMILY) the share of the households it is for living"
                    + " under the unit at the end of the year (kind is ignored and answered null).")
    Title.Rate rate(
            @PathVariable long unitId,
            @RequestParam(defaultValue = "ADVANCED_PARISH") String title,
            @RequestParam(defaultValue = "PARISH") UnitKind kind,
            @RequestParam(required = false) Integer year) {
        return titles.rate(
                CurrentCaller.view(),
                unitId,
                title,
                kind,
                UnitMovementPage.period(units, unitId, year).year());
    }

    @GetMapping("/units/{unitId}/agreements")
    @Operation(summary = "Emulation agreements recorded by the unit or the units under it, or naming them as parties")
    List<Title.Agreement> agreements(@PathVariable long unitId) {
        return titles.agreementsUnder(CurrentCaller.view(), unitId);
    }

    @PostMapping("/units/{unitId}/agreements")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Record an emulation agreement the unit signed with other units")
    ResponseEntity<Title.Agreement> agree(@PathVariable long unitId, @RequestBody Title.AgreementForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(titles.agree(CurrentCaller.get(), unitId, form));
    }

    @PutMapping("/units/{unitId}/agreements/{agreementId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Correct an emulation agreement recorded by the unit")
    Title.Agreement editAgreement(
            @PathVariable long unitId, @PathVariable long agreementId, @RequestBody Title.AgreementForm form) {
        return titles.editAgreement(CurrentCaller.get(), unitId, agreementId, form);
    }

    @DeleteMapping("/units/{unitId}/agreements/{agreementId}")
    @Requires(Permission.MOVEMENT_WRITE)
    @Operation(summary = "Remove an emulation agreement recorded by the unit")
    ResponseEntity<Void> removeAgreement(@PathVariable long unitId, @PathVariable long agreementId) {
        titles.removeAgreement(CurrentCaller.get(), unitId, agreementId);
        return ResponseEntity.noContent().build();
    }
}
