package vn.tuquan.units.web;

import vn.tuquan.shared.Requires;

import vn.tuquan.shared.Permission;

import vn.tuquan.shared.CurrentCaller;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import tools.jackson.core.JacksonException;
import vn.tuquan.units.LocalUnitRefusedException;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Residential areas and organisations, by the people responsible for them: create, edit from a
 * date, move, close, and the Excel import. Refusals are {@code application/problem+json} with
 * every field and its message in the caller's language.
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
    private final LocalUnitChoices choices;
    private final MessageSource messages;

    LocalUnitsApi(LocalUnitChanges changes, LocalUnits localUnits, Units units, LocalUnitSheet sheet,
            LocalUnitChoices choices, MessageSource messages) {
        this.changes = changes;
        this.localUnits = localUnits;
        this.units = units;
        this.sheet = sheet;
        this.choices = choices;
        this.messages = messages;
    }

    /**
     * A residential area or organisation as sent by a client.
     *
     * @param kind      RESIDENTIAL_AREA, AGENCY, ENTERPRISE, INDUSTRIAL_ZONE, SCHOOL, HOSPITAL, PARISH, SUB_PARISH, PAGODA
     * @param subkind   for a residential area THON, XOM, AP, BAN, TO_DAN_PHO or KHU_PHO
     * @param exclusion ARMED_FORCES, SMALL_OR_MICRO_ENTERPRISE, PRIMARY_SCHOOL, KINDERGARTEN, or empty
     * @param validFrom the day the unit (or the change) starts; today when empty
     */
    record LocalUnitRequest(Long parentId, String kind, String subkind, String code, String name, String sector,
            Boolean hasPartyOrganisation, Integer staffCount, String exclusion, LocalDate validFrom) {

        LocalUnitInput input() {
            return new LocalUnitInput(kind, subkind, code, name, sector, hasPartyOrganisation, staffCount, exclusion);
        }
    }

    record MoveRequest(Long parentId, LocalDate from) {
    }

    record CloseRequest(LocalDate on) {
    }

    record ImportResult(int created) {
    }

    @GetMapping("/{id}")
    @Requires(Permission.UNITS_READ)
    @Operation(summary = "A residential area or organisation as it was on a date (today by default)")
    UnitView find(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.find(CurrentCaller.view(), id, asOf == null ? LocalUnitChoices.today() : asOf).filter(u -> !u.kind().official())
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
    @Operation(summary = "Create a residential area (thôn, xóm, ấp, bản, tổ dân phố, khu phố) or an organisation",
            description = "Answers 201 with the unit; 400 with every bad field when refused (nothing is written).")
    ResponseEntity<UnitView> create(@RequestBody LocalUnitRequest request) {
        LocalDate from = request.validFrom() == null ? LocalUnitChoices.today() : request.validFrom();
        UnitView created = changes.create(request.parentId(), request.input(), from);
        return ResponseEntity.created(URI.create("/api/v1/local-units/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a residential area or organisation from a date on (a new version; the earlier stays)",
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
        return changes.move(id, request.parentId(), request.from() == null ? LocalUnitChoices.today() : request.from(),
                "from");
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the unit (and the units under it) on a date; it stays in the history")
    ResponseEntity<Void> close(@PathVariable long id, @RequestBody(required = false) CloseRequest request) {
        known(id);
        changes.close(id, request == null || request.on() == null ? LocalUnitChoices.today() : request.on(), "on");
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import residential areas and organisations from the Excel template (.xlsx, up to 5 MB)",
            description = "All rows or none: 200 {created} when every row is good, else 400 with "
                    + "errors [{row, column, message}] and nothing written.")
    ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file,
            @Parameter(description = "the day the units start; today when empty")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            HttpServletRequest request) throws IOException {
        LocalDate from = validFrom == null ? LocalUnitChoices.today() : validFrom;
        if (file.getSize() > LocalUnitPages.MAX_UPLOAD) {
            return tooLarge(messages, locale(request), request.getRequestURI());
        }
        LocalUnitSheet.Result result;
        try (InputStream in = file.getInputStream()) {
            result = sheet.read(in, from);
        }
        Locale locale = locale(request);
        if (!result.problems().isEmpty()) {
            ProblemDetail problem = badRequest(locale);
            problem.setProperty("errors", result.problems().stream().map(p -> Map.<String, Object>of("row", p.row(),
                    "column", p.column(), "message", choices.render(p.messageKey(), p.arguments(), locale))).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new ImportResult(localUnits.createAll(CurrentCaller.get(), result.units(), from).size()));
    }

    /** What the API's description says of this controller's 400s (its two handlers answer one status). */
    static final String REFUSED = "A field is refused, the body is not JSON, or a value has the wrong type: `errors` names each field, with a message in the caller's language.";

    /** A 413 problem: the file is over the import's 5 MB. */
    static ResponseEntity<ProblemDetail> tooLarge(MessageSource messages, Locale locale, String path) {
        String message = messages.getMessage("units.local.web.error.fileTooLarge", new Object[] {5}, locale);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE);
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        problem.setDetail(message);
        problem.setInstance(URI.create(path));
        problem.setProperty("errors", List.of(Map.of("row", 0, "column", "", "message", message)));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private void known(long id) {
        if (!changes.known(id)) {
            throw new UnknownUnitException(id);
        }
    }

    @ApiResponse(responseCode = "400", description = REFUSED)
    @ExceptionHandler(LocalUnitRefusedException.class)
    ResponseEntity<ProblemDetail> refused(LocalUnitRefusedException refused, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = badRequest(locale);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", refused.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", choices.render(p, locale))).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A body that is not JSON, or a value of the wrong type ("staffCount": "abc", a date "2024-13-40"). */
    @ApiResponse(responseCode = "400", description = REFUSED)
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = badRequest(locale);
        problem.setInstance(URI.create(request.getRequestURI()));
        String field = unreadable.getCause() instanceof JacksonException json && !json.getPath().isEmpty()
                ? json.getPath().get(json.getPath().size() - 1).getPropertyName() : null;
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field,
                    "message", messages.getMessage("units.local.web.error.unreadableValue", null, locale))));
        } else {
            problem.setDetail(messages.getMessage("error.400.detail", null, locale));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ApiResponse(responseCode = "404", description = "No such unit.")
    @ExceptionHandler(UnknownUnitException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownUnitException unknown, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.getMessage("error.404.title", null, locale));
        problem.setDetail(messages.getMessage("units.local.web.error.unknownUnit", new Object[] {Long.toString(unknown.id)}, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail badRequest(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        problem.setDetail(messages.getMessage("error.validation.detail", null, locale));
        return problem;
    }

    /**
     * The page's language (the {@code lang} parameter or the remembered cookie); else the first
     * of Vietnamese or English the client accepts; Vietnamese by default.
     */
    static Locale locale(HttpServletRequest request) {
        boolean chosen = request.getParameter("lang") != null || request.getCookies() != null
                && java.util.Arrays.stream(request.getCookies()).anyMatch(c -> "TUQUAN_LANG".equals(c.getName()));
        if (chosen || request.getHeader("Accept-Language") == null) {
            return LocaleContextHolder.getLocale();
        }
        for (Locale accepted : java.util.Collections.list(request.getLocales())) {
            if ("en".equals(accepted.getLanguage()) || "vi".equals(accepted.getLanguage())) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return LocalUnitChoices.VIETNAMESE;
    }

    static class UnknownUnitException extends RuntimeException {

        final long id;

        UnknownUnitException(long id) {
            super("no local unit " + id);
            this.id = id;
        }
    }
}
