package vn.tuquan.order.web;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.IncidentImportProblem;
import vn.tuquan.order.IncidentImportRefusedException;
import vn.tuquan.order.IncidentImports;
import vn.tuquan.order.IncidentStatus;
import vn.tuquan.order.IncidentStatusChange;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.IngestedIncident;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/**
 * Incidents for clients: the idempotent ingest ({@code Idempotency-Key}), lists with filters, one
 * incident with its statuses, status changes, withdrawal, CSV import. Refusals are
 * {@code application/problem+json} in the caller's language, naming the field.
 */
@RestController
@RequestMapping("/api/v1/order")
@Tag(name = "order", description = "Vụ việc về an ninh, trật tự / security-and-order incidents")
@Requires(Permission.ORDER_READ)
class IncidentsApi {

    private final Incidents incidents;
    private final IncidentImports imports;
    private final IncidentRequests requests;

    IncidentsApi(Incidents incidents, IncidentImports imports, IncidentRequests requests) {
        this.incidents = incidents;
        this.imports = imports;
        this.requests = requests;
    }

    record StatusInput(IncidentStatus status, String note) {}

    record WithdrawInput(String reason) {}

    record Imported(int incidents) {}

    @PostMapping("/incidents")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    @Operation(
            summary = "Ghi nhận một vụ việc; gửi lại cùng Idempotency-Key không ghi thêm / record an incident;"
                    + " a retry with the same Idempotency-Key answers the first incident and stores nothing")
    ResponseEntity<Incident> record(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) IncidentForm form) {
        Incident incident;
        boolean replayed = false;
        if (key == null) {
            incident = incidents.record(CurrentCaller.get(), form);
        } else {
            IngestedIncident ingested = incidents.ingest(CurrentCaller.get(), key, form);
            incident = ingested.incident();
            replayed = ingested.replayed();
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/order/units/" + incident.unitId() + "/incidents/" + incident.id()))
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .body(incident);
    }

    @GetMapping("/incidents")
    @Operation(
            summary = "Danh sách vụ việc theo bộ lọc / incidents of a unit's subtree by period, category, kind,"
                    + " severity and status, the latest first")
    Incidents.IncidentPage list(
            @Parameter(description = "đơn vị / unit id (the caller's scope when empty)") @RequestParam(required = false)
                    Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "kỳ đánh giá / period year") @RequestParam(required = false) Integer year,
            @Parameter(description = "residential-area (default) or organisation") @RequestParam(required = false)
                    String periodOf,
            @Parameter(description = "nhóm hoặc loại vụ việc, có thể nhiều / category codes (any of them)")
                    @RequestParam(required = false)
                    List<String> category,
            @Parameter(description = "loại / kinds (any of them)") @RequestParam(required = false) List<String> kind,
            @Parameter(description = "mức độ / severities (any of them)") @RequestParam(required = false)
                    List<String> severity,
            @RequestParam(required = false) String status,
            @Parameter(description = "nguyên nhân chủ quan / cause recorded subjective (true) or not (false)")
                    @RequestParam(required = false)
                    Boolean subjective,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return incidents.list(
                CurrentCaller.view(),
                IncidentRequests.filter(unit, asOf, year, periodOf, category, kind, severity, status, subjective),
                page,
                size);
    }

    @GetMapping("/incident-categories")
    @Operation(summary = "Danh mục vụ việc / the incident catalogue")
    List<IncidentCategory> categories() {
        return incidents.categories();
    }

    @GetMapping("/units/{unitId}/incidents/{incidentId}")
    @Operation(summary = "Một vụ việc của đơn vị / one incident recorded on a unit")
    ResponseEntity<Incident> one(@PathVariable long unitId, @PathVariable long incidentId) {
        return ResponseEntity.ok(
                incidents.findIn(CurrentCaller.view(), unitId, incidentId).orElseThrow(IncidentsApi::notFound));
    }

    @GetMapping("/units/{unitId}/incidents/{incidentId}/statuses")
    @Operation(summary = "Lịch sử trạng thái / who changed an incident's status, when, from what to what")
    ResponseEntity<List<IncidentStatusChange>> statuses(@PathVariable long unitId, @PathVariable long incidentId) {
        return ResponseEntity.ok(incidents
                .findIn(CurrentCaller.view(), unitId, incidentId)
                .map(i -> incidents.history(CurrentCaller.view(), i.id()))
                .orElseThrow(IncidentsApi::notFound));
    }

    /** No such incident on the unit: a 404 problem, as every refusal of the API. */
    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    @PostMapping("/units/{unitId}/incidents/{incidentId}/status")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    @Operation(summary = "Chuyển trạng thái / move an incident to its next status")
    ResponseEntity<Incident> changeStatus(
            @PathVariable long unitId,
            @PathVariable long incidentId,
            @RequestBody(required = false) StatusInput input) {
        if (incidents.findIn(CurrentCaller.capture(), unitId, incidentId).isEmpty()) {
            throw notFound();
        }
        return ResponseEntity.ok(incidents.changeStatus(
                CurrentCaller.get(),
                incidentId,
                input == null ? null : input.status(),
                input == null ? null : input.note()));
    }

    @PostMapping("/units/{unitId}/incidents/{incidentId}/withdraw")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    @Operation(summary = "Rút vụ việc ghi nhầm / withdraw an incident recorded in error (audited)")
    ResponseEntity<Incident> withdraw(
            @PathVariable long unitId,
            @PathVariable long incidentId,
            @RequestBody(required = false) WithdrawInput input) {
        if (incidents.findIn(CurrentCaller.capture(), unitId, incidentId).isEmpty()) {
            throw notFound();
        }
        return ResponseEntity.ok(
                incidents.withdraw(CurrentCaller.get(), incidentId, input == null ? null : input.reason()));
    }

    @PostMapping(path = "/incidents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    @Operation(
            summary =
                    "Nhập vụ việc từ tệp CSV hoặc Excel (cả tệp hoặc không gì) / import incidents from CSV or .xlsx, all or nothing")
    ResponseEntity<Imported> importCsv(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new IncidentImportRefusedException(
                    List.of(new IncidentImportProblem(1, null, "order.import.empty", List.of())));
        }
        try (InputStream in = file.getInputStream()) {
            int n = imports.importFile(CurrentCaller.get(), file.getOriginalFilename(), in);
            return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(n));
        }
    }
}
