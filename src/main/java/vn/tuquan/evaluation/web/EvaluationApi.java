package vn.tuquan.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.tuquan.evaluation.Certificates;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.EvaluationProcess;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.evaluation.RecognisingUnits;
import vn.tuquan.evaluation.SubmittingSelfAssessments;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/**
 * The yearly evaluation's process over HTTP, one unit and one year per path: the unit's side
 * (register, entries, submit) with EVALUATION_WRITE on the unit, the competent level's side (accept,
 * return, recognise, reject, reopen) with EVALUATION_APPROVE on the competent unit (403 outside),
 * 400 naming the field for bad input, 409 for a step the status does not allow.
 */
@RestController
@RequestMapping("/api/v1/evaluation/units/{unitId}")
@Tag(name = "evaluation-process", description = "Đăng ký, tự đánh giá, thẩm định, công nhận / the evaluation process")
@Requires(Permission.EVALUATION_READ)
class EvaluationApi {

    private final Evaluations evaluations;
    private final SubmittingSelfAssessments selfAssessments;
    private final RecognisingUnits recognising;
    private final Certificates certificates;

    EvaluationApi(
            Evaluations evaluations,
            SubmittingSelfAssessments selfAssessments,
            RecognisingUnits recognising,
            Certificates certificates) {
        this.evaluations = evaluations;
        this.selfAssessments = selfAssessments;
        this.recognising = recognising;
        this.certificates = certificates;
    }

    record Registration(LocalDate registeredOn) {}

    record EntryForm(String criterion, Boolean value, String evidence) {}

    record Reasons(String reasons) {}

    record Reopening(String reason) {}

    record DecisionForm(String number, LocalDate date, String signer, String reasons) {

        Evaluation.Decision decision() {
            return new Evaluation.Decision(number, date, signer);
        }
    }

    @GetMapping("/years/{year}/process")
    @Operation(summary = "The unit's process for the year: status, computed values, entries, steps")
    EvaluationProcess process(@PathVariable long unitId, @PathVariable int year) {
        return evaluations.process(CurrentCaller.view(), unitId, year);
    }

    @PostMapping("/years/{year}/register")
    @Requires(Permission.EVALUATION_WRITE)
    @Operation(summary = "Register to strive for the standard (a day of the year's first quarter)")
    Evaluation register(@PathVariable long unitId, @PathVariable int year, @RequestBody Registration form) {
        return selfAssessments.register(CurrentCaller.get(), unitId, year, form.registeredOn());
    }

    @PostMapping("/years/{year}/entries")
    @Requires(Permission.EVALUATION_WRITE)
    @Operation(summary = "Enter a criterion's value with its evidence (the self-assessment)")
    Evaluation enter(@PathVariable long unitId, @PathVariable int year, @RequestBody EntryForm form) {
        return selfAssessments.enter(
                CurrentCaller.get(), unitId, year, form.criterion(), form.value(), form.evidence());
    }

    @PostMapping(path = "/years/{year}/entries/{criterion}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Permission.EVALUATION_WRITE)
    @Operation(summary = "Attach an evidence file to an entered criterion (PDF, JPEG, PNG, Word, Excel; at most 10 MB)")
    Evaluation.Attachment attach(
            @PathVariable long unitId,
            @PathVariable int year,
            @PathVariable String criterion,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return selfAssessments.attach(
                CurrentCaller.get(),
                unitId,
                year,
                criterion,
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getContentType(),
                bytes(file));
    }

    @GetMapping("/years/{year}/entries/{criterion}/attachment")
    @Operation(summary = "An entered criterion's evidence file")
    ResponseEntity<byte[]> attachment(
            @PathVariable long unitId, @PathVariable int year, @PathVariable String criterion) {
        return evaluations
                .attachment(CurrentCaller.view(), unitId, year, criterion)
                .map(EvaluationApi::file)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/years/{year}/submit")
    @Requires(Permission.EVALUATION_WRITE)
    @Operation(summary = "Submit the self-assessment to the steering committee of the competent level")
    Evaluation submit(@PathVariable long unitId, @PathVariable int year) {
        return selfAssessments.submit(CurrentCaller.get(), unitId, year);
    }

    @PostMapping("/years/{year}/accept")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(summary = "Appraisal: accept the submitted self-assessment")
    Evaluation accept(@PathVariable long unitId, @PathVariable int year) {
        return recognising.accept(CurrentCaller.get(), unitId, year);
    }

    @PostMapping("/years/{year}/return")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(summary = "Appraisal: return the submitted self-assessment with reasons")
    Evaluation returnWithReasons(@PathVariable long unitId, @PathVariable int year, @RequestBody Reasons form) {
        return recognising.returnWithReasons(CurrentCaller.get(), unitId, year, form.reasons());
    }

    @PostMapping("/years/{year}/recognise")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(summary = "Recognition decision of the People's Committee: number, date, signer")
    Evaluation recognise(@PathVariable long unitId, @PathVariable int year, @RequestBody DecisionForm form) {
        return recognising.recognise(CurrentCaller.get(), unitId, year, form.decision());
    }

    @PostMapping("/years/{year}/reject")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(summary = "Decision not to recognise, with reasons")
    Evaluation reject(@PathVariable long unitId, @PathVariable int year, @RequestBody DecisionForm form) {
        return recognising.reject(CurrentCaller.get(), unitId, year, form.decision(), form.reasons());
    }

    @PostMapping("/years/{year}/reopen")
    @Requires(Permission.EVALUATION_APPROVE)
    @Operation(summary = "Reopen a decided result with a reason (back to ACCEPTED)")
    Evaluation reopen(@PathVariable long unitId, @PathVariable int year, @RequestBody Reopening form) {
        return recognising.reopen(CurrentCaller.get(), unitId, year, form.reason());
    }

    @GetMapping("/years/{year}/certificate.pdf")
    @Operation(summary = "The certificate (Giấy công nhận) of a recognised unit, as PDF")
    ResponseEntity<byte[]> certificate(@PathVariable long unitId, @PathVariable int year) {
        return pdf(certificates.pdf(CurrentCaller.view(), unitId, year), unitId, year);
    }

    @GetMapping("/overdue")
    @Operation(
            summary = "Units under the unit registered for the year whose process is not finished past their deadline")
    List<Evaluation.Overdue> overdue(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate day = on == null ? Dates.today() : on;
        return evaluations.overdue(CurrentCaller.view(), unitId, year == null ? day.getYear() : year, day);
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            return null;
        }
    }

    static ResponseEntity<byte[]> file(Map.Entry<Evaluation.Attachment, byte[]> found) {
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

    static ResponseEntity<byte[]> pdf(byte[] bytes, long unitId, int year) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("giay-cong-nhan-" + unitId + "-" + year + ".pdf")
                                .build()
                                .toString())
                .body(bytes);
    }
}
