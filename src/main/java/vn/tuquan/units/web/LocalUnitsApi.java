package vn.tuquan.units.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.RowProblem;
import vn.tuquan.shared.UnknownRecordException;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Residential areas and organisations, by the people responsible for them: create, edit from a
 * date, move, close, and the Excel import. Refusals ({@code LocalUnitRefusedException}, an unknown id,
 * a refused sheet) are {@code application/problem+json} with every field and its message in the
 * caller's language (shared's {@code ApiExceptionHandler}).
 */
@RestController
@RequestMapping("/api/v1/local-units")
@Tag(name = "local-units", description = "Khu dân cư và tổ chức / residential areas and organisations")
@Requires(Permission.UNITS_WRITE)
class LocalUnitsApi {

    private final LocalUnitChanges changes;
    private final LocalUnits localUnits;
    private final Units units;
    private final LocalUnitSheet sheet;

    LocalUnitsApi(LocalUnitChanges changes, LocalUnits localUnits, Units units, LocalUnitSheet sheet) {
        this.changes = changes;
        this.localUnits = localUnits;
        this.units = units;
        this.sheet = sheet;
    }

    /**
     * A residential area or organisation as sent by a client.
     *
     * @param kind      RESIDENTIAL_AREA, AGENCY, ENTERPRISE, INDUSTRIAL_ZONE, SCHOOL, HOSPITAL, PARISH, SUB_PARISH, PAGODA
     * @param subkind   for a residential area THON, XOM, AP, BAN, TO_DAN_PHO or KHU_PHO
     * @param exclusion ARMED_FORCES, SMALL_OR_MICRO_ENTERPRISE, PRIMARY_SCHOOL, KINDERGARTEN, or empty
     * @param validFrom the day the unit (or the change) starts; today when empty
     */
    record LocalUnitRequest(
            Long parentId,
            String kind,
            String subkind,
            String code,
            String name,
            String sector,
            Boolean hasPartyOrganisation,
            Integer staffCount,
            String exclusion,
            LocalDate validFrom) {

        LocalUnitInput input() {
            return new LocalUnitInput(kind, subkind, code, name, sector, hasPartyOrganisation, staffCount, exclusion);
        }
    }

    record MoveRequest(Long parentId, LocalDate from) {}

    record CloseRequest(LocalDate on) {}

    record ImportResult(int created) {}

    @GetMapping("/{id}")
    @Requires(Permission.UNITS_READ)
    @Operation(summary = "A residential area or organisation as it was on a date (today by default)")
    UnitView find(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.find(CurrentCaller.view(), id, asOf == null ? LocalUnitChoices.today() : asOf)
                .filter(u -> !u.kind().official())
                .orElseThrow(() -> new UnknownUnitException(id));
    }

    @GetMapping("/{id}/history")
    @Requires(Permission.UNITS_READ)
    @Operation(summary = "Every version of a residential area or organisation, oldest first")
    List<UnitView> history(@PathVariable long id) {
        List<UnitView> history = units.history(CurrentCaller.view(), id);
        if (history.isEmpty() || history.get(0).kind().official()) {
            throw new UnknownUnitException(id);
        }
        return history;
    }

    @PostMapping
    @Operation(
            summary = "Create a residential area (thôn, xóm, ấp, bản, tổ dân phố, khu phố) or an organisation",
            description = "Answers 201 with the unit; 400 with every bad field when refused (nothing is written).")
    ResponseEntity<UnitView> create(@RequestBody LocalUnitRequest request) {
        LocalDate from = request.validFrom() == null ? LocalUnitChoices.today() : request.validFrom();
        UnitView created = changes.create(request.parentId(), request.input(), from);
        return ResponseEntity.created(URI.create("/api/v1/local-units/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Edit a residential area or organisation from a date on (a new version; the earlier stays)",
            description = "Send every field: the new version holds exactly what is sent (an omitted field is "
                    + "cleared). The kind cannot change; parentId is ignored (use move). 400 when the date is before a "
                    + "change the unit already has.")
    UnitView edit(@PathVariable long id, @RequestBody LocalUnitRequest request) {
        known(id);
        LocalDate from = request.validFrom() == null ? LocalUnitChoices.today() : request.validFrom();
        return changes.edit(id, request.input(), from, "validFrom");
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Put the unit under another parent from a date on; the units under it follow")
    UnitView move(@PathVariable long id, @RequestBody MoveRequest request) {
        known(id);
        return changes.move(
                id, request.parentId(), request.from() == null ? LocalUnitChoices.today() : request.from(), "from");
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the unit (and the units under it) on a date; it stays in the history")
    ResponseEntity<Void> close(@PathVariable long id, @RequestBody(required = false) CloseRequest request) {
        known(id);
        changes.close(id, request == null || request.on() == null ? LocalUnitChoices.today() : request.on(), "on");
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import residential areas and organisations from the Excel template (.xlsx, up to 5 MB)",
            description = "All rows or none: 200 {created} when every row is good, else 400 with "
                    + "errors [{row, column, message}] and nothing written.")
    ResponseEntity<?> importFile(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "the day the units start; today when empty")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate validFrom)
            throws IOException {
        LocalDate from = validFrom == null ? LocalUnitChoices.today() : validFrom;
        if (file.getSize() > LocalUnitPages.MAX_UPLOAD) {
            throw new LocalUnitSheetRefusedException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    List.of(RowProblem.atRow(0, "", "units.local.web.error.fileTooLarge", List.of(5))));
        }
        LocalUnitSheet.Result result;
        try (InputStream in = file.getInputStream()) {
            result = sheet.read(in, from);
        }
        if (!result.problems().isEmpty()) {
            throw new LocalUnitSheetRefusedException(HttpStatus.BAD_REQUEST, result.problems());
        }
        return ResponseEntity.ok(new ImportResult(
                localUnits.createAll(CurrentCaller.get(), result.units(), from).size()));
    }

    private void known(long id) {
        if (!changes.known(id)) {
            throw new UnknownUnitException(id);
        }
    }

    /** No residential area or organisation with this id in the caller's view: 404. */
    static class UnknownUnitException extends UnknownRecordException {

        UnknownUnitException(long id) {
            super("no local unit " + id, "units.local.web.error.unknownUnit", Long.toString(id));
        }
    }
}
