package vn.tuquan.units.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.shared.CallerLanguage;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.ImportRefusedException;
import vn.tuquan.units.ImportSummary;

/**
 * Official lists for scripts: the same import as the page ("Nhập danh sách đơn vị hành chính"),
 * with the same refusals. A refused request (no file, no day, a file type not read) answers 400
 * naming the field; a refused file ({@link ImportRefusedException}) answers 422 with every problem
 * (file, line or JSON position, message); nothing is written then.
 */
@RestController
@RequestMapping("/api/v1/units/official-lists")
@Tag(name = "units", description = "Đơn vị và lịch sử / units and their history")
@Requires(Permission.UNITS_IMPORT)
class OfficialListsApi {

    private final OfficialListUploads uploads;
    private final RefusalMessages refusals;

    OfficialListsApi(OfficialListUploads uploads, RefusalMessages refusals) {
        this.uploads = uploads;
        this.refusals = refusals;
    }

    /** One warning of an imported list: where and why. */
    record FileProblem(String file, Integer line, String position, String message) {}

    /** What an import did. */
    record Imported(
            String files,
            LocalDate asOf,
            int opened,
            int changed,
            int closed,
            int unchanged,
            int successions,
            int localUnitsMoved,
            List<FileProblem> warnings) {}

    /** A request refused before any file was read. */
    static final class UploadRefused extends FieldRefusedException {

        UploadRefused(List<FieldProblem> problems) {
            super(problems);
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Nhập danh sách đơn vị hành chính chính thức hoặc bảng chuyển đổi 2025 / import an official"
                    + " list of units (GSO CSV or XLS export, JSON lists; several files of one list together) or the 2025"
                    + " reform mapping")
    ResponseEntity<Imported> importList(
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @Parameter(description = "ngày của danh sách / the day the list is as of")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "chỉ nhập một tỉnh (mã) / only this province (its code)")
                    @RequestParam(required = false)
                    String province,
            HttpServletRequest request) {
        List<FieldProblem> problems = uploads.check(files, asOf);
        if (!problems.isEmpty()) {
            throw new UploadRefused(problems);
        }
        ImportSummary summary = uploads.importFiles(CurrentCaller.get(), files, asOf, province);
        Locale locale = CallerLanguage.of(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Imported(
                        summary.files(),
                        summary.asOf(),
                        summary.opened(),
                        summary.changed(),
                        summary.closed(),
                        summary.unchanged(),
                        summary.successions(),
                        summary.localUnitsMoved(),
                        summary.warnings().stream()
                                .map(w -> new FileProblem(
                                        w.file(),
                                        w.line() > 0 ? w.line() : null,
                                        w.position(),
                                        refusals.withPlace(w.row(), locale)))
                                .toList()));
    }
}
