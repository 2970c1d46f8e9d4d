package vn.tuquan.units.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.ImportMessages;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;

/**
 * Official lists for scripts: the same import as the page ("Nhập danh sách đơn vị hành chính"),
 * with the same refusals. A refused request (no file, no day, a file type not read) answers 400
 * naming the field; a refused file answers 422 with every problem (file, line or JSON position,
 * message); nothing is written then.
 */
@RestController
@RequestMapping("/api/v1/units/official-lists")
@Tag(name = "units", description = "Đơn vị và lịch sử / units and their history")
@Requires(Permission.UNITS_IMPORT)
class OfficialListsApi {

    private final OfficialListUploads uploads;
    private final MessageSource messages;

    OfficialListsApi(OfficialListUploads uploads, MessageSource messages) {
        this.uploads = uploads;
        this.messages = messages;
    }

    /** One problem of a refused file, or a warning of an imported one. */
    record FileProblem(String file, Integer line, String position, String message) {
    }

    /** What an import did. */
    record Imported(String files, LocalDate asOf, int opened, int changed, int closed, int unchanged, int successions,
            int localUnitsMoved, List<FileProblem> warnings) {
    }

    /** A request refused before any file was read. */
    static final class UploadRefused extends RuntimeException {

        final List<OfficialListUploads.Refusal> refusals;

        UploadRefused(List<OfficialListUploads.Refusal> refusals) {
            super(refusals.toString());
            this.refusals = refusals;
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nhập danh sách đơn vị hành chính chính thức hoặc bảng chuyển đổi 2025 / import an official"
            + " list of units (GSO CSV or XLS export, JSON lists; several files of one list together) or the 2025"
            + " reform mapping")
    ResponseEntity<Imported> importList(@RequestPart(name = "files", required = false) List<MultipartFile> files,
            @Parameter(description = "ngày của danh sách / the day the list is as of") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "chỉ nhập một tỉnh (mã) / only this province (its code)")
            @RequestParam(required = false) String province, HttpServletRequest request) {
        Locale locale = LocalUnitsApi.locale(request);
        List<OfficialListUploads.Refusal> refusals = uploads.check(files, asOf, locale);
        if (!refusals.isEmpty()) {
            throw new UploadRefused(refusals);
        }
        ImportSummary summary = uploads.importFiles(CurrentCaller.get(), files, asOf, province);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(summary.files(), summary.asOf(), summary.opened(),
                summary.changed(), summary.closed(), summary.unchanged(), summary.successions(), summary.localUnitsMoved(),
                summary.warnings().stream().map(w -> problem(w, locale)).toList()));
    }

    @ApiResponse(responseCode = "400", description = "The request is refused before any file is read (no file, no date …): `errors` names each field.")
    @ExceptionHandler(UploadRefused.class)
    ResponseEntity<ProblemDetail> refused(UploadRefused refused, HttpServletRequest request) {
        Locale locale = LocalUnitsApi.locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.400.title", null, locale));
        problem.setDetail(refused.refusals.get(0).message());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", refused.refusals.stream()
                .map(r -> java.util.Map.of("field", r.field(), "message", r.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ApiResponse(responseCode = "422", description = "A file of the list is refused: `errors` lists every problem (file, line, position); nothing is imported.")
    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> fileRefused(ImportRefusedException refused, HttpServletRequest request) {
        Locale locale = LocalUnitsApi.locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setTitle(messages.getMessage("units.lists.refused.title", null, locale));
        problem.setDetail(messages.getMessage("units.lists.refused.detail", new Object[] {refused.problems().size()}, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", refused.problems().stream().map(p -> problem(p, locale)).toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private FileProblem problem(ImportRefusedException.Problem p, Locale locale) {
        return new FileProblem(p.file(), p.line() > 0 ? p.line() : null, p.position(), ImportMessages.render(messages, p, locale));
    }
}
