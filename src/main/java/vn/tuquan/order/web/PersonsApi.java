package vn.tuquan.order.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.order.DrugUser;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.IncidentPersons;
import vn.tuquan.order.Mediation;
import vn.tuquan.order.Mediations;
import vn.tuquan.order.PersonCounts;
import vn.tuquan.order.PersonDetails;
import vn.tuquan.order.PersonStatistics;
import vn.tuquan.order.ReEducation;
import vn.tuquan.order.ReEducations;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Drug users, mediations, re-education cases and the persons of incidents over HTTP. Every path
 * under {@code /units/{unitId}} covers the unit and the units under it, checked against the caller's
 * scope (view for reads, capture for writes). Drug users, re-education cases, the parties of
 * mediations and the persons of incidents need SENSITIVE_READ (403 without), and each read of
 * them is audited; the counts need ORDER_READ only and hold nothing personal.
 */
@RestController
@RequestMapping("/api/v1/order/units/{unitId}")
@Tag(
        name = "order-persons",
        description = "Người nghiện ma túy, hòa giải, giáo dục tại cộng đồng / drug users, mediation, re-education")
@Requires(Permission.ORDER_READ)
class PersonsApi {

    private static final int DEFAULT_LIMIT = 100;

    private final DrugUsers drugUsers;
    private final Mediations mediations;
    private final ReEducations reEducations;
    private final IncidentPersons incidentPersons;
    private final PersonStatistics statistics;
    private final PersonSheets sheets;
    private final SheetExports exports;
    private final Units units;

    PersonsApi(
            DrugUsers drugUsers,
            Mediations mediations,
            ReEducations reEducations,
            IncidentPersons incidentPersons,
            PersonStatistics statistics,
            PersonSheets sheets,
            SheetExports exports,
            Units units) {
        this.exports = exports;
        this.units = units;
        this.drugUsers = drugUsers;
        this.mediations = mediations;
        this.reEducations = reEducations;
        this.incidentPersons = incidentPersons;
        this.statistics = statistics;
        this.sheets = sheets;
    }

    record PersonRequest(String fullName, String birth, String nationalId, String address) {
        PersonDetails details() {
            return new PersonDetails(fullName, birth, nationalId, address);
        }
    }

    record DrugUserRequest(String fullName, String birth, String nationalId, String address, LocalDate detectedOn) {}

    record StatusRequest(DrugUser.Status status, LocalDate since, String note) {}

    record DrugUserRecord(DrugUser drugUser, List<DrugUser.StatusChange> history) {}

    record ReEducationRequest(
            String fullName,
            String birth,
            String nationalId,
            String address,
            LocalDate startedOn,
            String responsible) {}

    record EndRequest(LocalDate endedOn, ReEducation.Outcome outcome) {}

    record LinkRequest(IncidentPersons.Kind kind, Long personId) {}

    // ---- counts: ORDER_READ only, nothing personal ----------------------------------------

    @GetMapping("/persons/counts")
    @Operation(
            summary =
                    "Counts of the persons' registers for the unit (and, with kinds, every unit under it of those kinds) in a period",
            description =
                    "New drug users (detected in the period), drug users active in it, mediations reconciled or not, "
                            + "re-education cases started, ended and open at the end. year: the residential areas' period "
                            + "(TT 23: 31/10 of the year before to 31/10; TT 124: 01/11 to 31/10). No personal field.")
    List<PersonCounts> counts(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) List<UnitKind> kinds) {
        return statistics.counts(
                CurrentCaller.view(), unitId, year(year), kinds == null ? Set.of() : Set.copyOf(kinds));
    }

    @GetMapping("/persons/no-drug-user")
    @Operation(
            summary =
                    "How many residential areas and communes under the unit had no drug user in the period (docs/order.md)")
    PersonStatistics.NoDrugUser noDrugUser(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return statistics.noDrugUser(CurrentCaller.view(), unitId, year(year));
    }

    // ---- drug users: SENSITIVE_READ ----------------------------------------------------------

    @GetMapping("/drug-users")
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(
            summary = "Drug users living in the unit or under it (sensitive, audited)",
            description =
                    "year: only those active at some time in the period (newOnly: detected in it); status: their status now.")
    List<DrugUser> drugUsers(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @Parameter(description = "residential-area (default) or organisation: the window of the year")
                    @RequestParam(required = false)
                    String periodOf,
            @RequestParam(defaultValue = "false") boolean newOnly,
            @RequestParam(required = false) DrugUser.Status status,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return drugUsers.list(CurrentCaller.get(), unitId, period(year, periodOf), newOnly, status, limit, offset);
    }

    @PostMapping("/drug-users")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "Record a drug user living in the unit (a residential area or a commune)")
    ResponseEntity<DrugUser> recordDrugUser(@PathVariable long unitId, @RequestBody DrugUserRequest request) {
        DrugUser saved = drugUsers.record(
                CurrentCaller.get(),
                unitId,
                new DrugUser.Form(
                        new PersonDetails(request.fullName(), request.birth(), request.nationalId(), request.address()),
                        request.detectedOn()));
        return ResponseEntity.created(URI.create("/api/v1/order/units/" + unitId + "/drug-users/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/drug-users/{drugUserId}")
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(summary = "A drug user with the history of their status (sensitive, audited)")
    DrugUserRecord drugUser(@PathVariable long unitId, @PathVariable long drugUserId) {
        Caller caller = CurrentCaller.get();
        return new DrugUserRecord(
                drugUsers.find(caller, unitId, drugUserId), drugUsers.history(caller, unitId, drugUserId));
    }

    @PutMapping("/drug-users/{drugUserId}")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "Correct a drug user's details and the day detected")
    DrugUser correctDrugUser(
            @PathVariable long unitId, @PathVariable long drugUserId, @RequestBody DrugUserRequest request) {
        return drugUsers.correct(
                CurrentCaller.get(),
                unitId,
                drugUserId,
                new DrugUser.Form(
                        new PersonDetails(request.fullName(), request.birth(), request.nationalId(), request.address()),
                        request.detectedOn()));
    }

    @PostMapping("/drug-users/{drugUserId}/status")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "Record a change of a drug user's status from a day on (not before the current status's day)")
    DrugUser changeStatus(
            @PathVariable long unitId, @PathVariable long drugUserId, @RequestBody StatusRequest request) {
        return drugUsers.changeStatus(
                CurrentCaller.get(), unitId, drugUserId, request.status(), request.since(), request.note());
    }

    @GetMapping(path = "/drug-users.xlsx", produces = PersonSheets.XLSX)
    @ApiResponse(
            responseCode = "200",
            description = "The workbook, streamed: every record the caller may see",
            content = @Content(mediaType = PersonSheets.XLSX, schema = @Schema(type = "string", format = "binary")))
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(
            summary = "The drug users of the list as an Excel workbook, every one of them (sensitive, one audit entry)")
    void exportDrugUsers(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(defaultValue = "false") boolean newOnly,
            @RequestParam(required = false) DrugUser.Status status,
            HttpServletResponse response)
            throws IOException {
        Caller caller = CurrentCaller.get();
        Period period = period(year, periodOf);
        UnitNames names = new UnitNames(units);
        exports.send(
                response,
                "nguoi-nghien-" + unitId + ".xlsx",
                SheetExports.Layout.of(
                        "order.drugUsers.sheet",
                        List.of(
                                "order.persons.field.id",
                                "order.persons.field.fullName",
                                "order.persons.field.birth",
                                "order.persons.field.nationalId",
                                "order.persons.field.address",
                                "order.persons.field.unitId",
                                "order.persons.field.detectedOn",
                                "order.persons.field.status",
                                "order.persons.field.since")),
                rows -> drugUsers.each(
                        caller,
                        unitId,
                        period,
                        newOnly,
                        status,
                        d -> rows.row(
                                d.id(),
                                d.person().fullName(),
                                d.person().birth(),
                                d.person().nationalId(),
                                d.person().address(),
                                names.of(d.residenceUnitId()),
                                d.detectedOn(),
                                sheets.message("order.drugUsers.status." + d.status()),
                                d.statusSince())));
    }

    // ---- mediations: ORDER_READ; parties with SENSITIVE_READ ------------------------------------

    @GetMapping("/mediations")
    @Operation(
            summary = "Mediations held at the unit or under it",
            description =
                    "year: held in the period; withParties=true adds the parties' names (SENSITIVE_READ, audited; 403 without).")
    List<Mediation> mediations(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @Parameter(description = "residential-area (default) or organisation: the window of the year")
                    @RequestParam(required = false)
                    String periodOf,
            @RequestParam(required = false) Mediation.Outcome outcome,
            @RequestParam(defaultValue = "false") boolean withParties,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return mediations.list(
                CurrentCaller.get(), unitId, period(year, periodOf), outcome, withParties, limit, offset);
    }

    @PostMapping("/mediations")
    @Requires({Permission.ORDER_READ, Permission.ORDER_WRITE})
    @Operation(summary = "Record a mediation held at the unit (the parties' names are stored encrypted)")
    ResponseEntity<Mediation> recordMediation(@PathVariable long unitId, @RequestBody Mediation.Form form) {
        Mediation saved = mediations.record(CurrentCaller.get(), unitId, form);
        return ResponseEntity.created(URI.create("/api/v1/order/units/" + unitId + "/mediations/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/mediations/{mediationId}")
    @Operation(summary = "A mediation; withParties=true adds the parties' names (SENSITIVE_READ, audited)")
    Mediation mediation(
            @PathVariable long unitId,
            @PathVariable long mediationId,
            @RequestParam(defaultValue = "false") boolean withParties) {
        return mediations.find(CurrentCaller.get(), unitId, mediationId, withParties);
    }

    @GetMapping(path = "/mediations.xlsx", produces = PersonSheets.XLSX)
    @ApiResponse(
            responseCode = "200",
            description = "The workbook, streamed: every record the caller may see",
            content = @Content(mediaType = PersonSheets.XLSX, schema = @Schema(type = "string", format = "binary")))
    @Operation(
            summary =
                    "The mediations as an Excel workbook, every one of them; the parties' column only for SENSITIVE_READ (one audit entry)")
    void exportMediations(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(required = false) Mediation.Outcome outcome,
            HttpServletResponse response)
            throws IOException {
        Caller caller = CurrentCaller.get();
        boolean parties = caller.can(Permission.SENSITIVE_READ);
        Period period = period(year, periodOf);
        UnitNames names = new UnitNames(units);
        List<String> headers = new ArrayList<>(List.of(
                "order.persons.field.id",
                "order.persons.field.unitId",
                "order.persons.field.heldOn",
                "order.persons.field.subject",
                "order.persons.field.outcome",
                "order.persons.field.mediator"));
        if (parties) {
            headers.add("order.persons.field.parties");
        }
        exports.send(
                response,
                "hoa-giai-" + unitId + ".xlsx",
                SheetExports.Layout.of("order.mediations.sheet", headers),
                rows -> mediations.each(caller, unitId, period, outcome, parties, m -> {
                    List<Object> row = new ArrayList<>(Arrays.asList(
                            m.id(),
                            names.of(m.unitId()),
                            m.heldOn(),
                            m.subject(),
                            sheets.message("order.mediations.outcome." + m.outcome()),
                            m.mediator()));
                    if (parties) {
                        row.add(m.parties());
                    }
                    rows.row(row);
                }));
    }

    // ---- re-education: SENSITIVE_READ -----------------------------------------------------------

    @GetMapping("/re-educations")
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(
            summary = "Re-education cases of the unit or under it (sensitive, audited)",
            description =
                    "year: open at some time in the period (startedOnly: started in it); open=true/false: open or ended today.")
    List<ReEducation> reEducations(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @Parameter(description = "residential-area (default) or organisation: the window of the year")
                    @RequestParam(required = false)
                    String periodOf,
            @RequestParam(defaultValue = "false") boolean startedOnly,
            @RequestParam(required = false) Boolean open,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return reEducations.list(CurrentCaller.get(), unitId, period(year, periodOf), startedOnly, open, limit, offset);
    }

    @PostMapping("/re-educations")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "Open a re-education case at the unit (a residential area or a commune)")
    ResponseEntity<ReEducation> recordReEducation(@PathVariable long unitId, @RequestBody ReEducationRequest request) {
        ReEducation saved = reEducations.record(
                CurrentCaller.get(),
                unitId,
                new ReEducation.Form(
                        new PersonDetails(request.fullName(), request.birth(), request.nationalId(), request.address()),
                        request.startedOn(),
                        request.responsible()));
        return ResponseEntity.created(URI.create("/api/v1/order/units/" + unitId + "/re-educations/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/re-educations/{caseId}")
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(summary = "A re-education case (sensitive, audited)")
    ReEducation reEducation(@PathVariable long unitId, @PathVariable long caseId) {
        return reEducations.find(CurrentCaller.get(), unitId, caseId);
    }

    @PostMapping("/re-educations/{caseId}/end")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "End an open re-education case on a day, with its outcome")
    ReEducation endReEducation(@PathVariable long unitId, @PathVariable long caseId, @RequestBody EndRequest request) {
        return reEducations.end(CurrentCaller.get(), unitId, caseId, request.endedOn(), request.outcome());
    }

    @GetMapping(path = "/re-educations.xlsx", produces = PersonSheets.XLSX)
    @ApiResponse(
            responseCode = "200",
            description = "The workbook, streamed: every record the caller may see",
            content = @Content(mediaType = PersonSheets.XLSX, schema = @Schema(type = "string", format = "binary")))
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(summary = "The re-education cases as an Excel workbook, every one of them (sensitive, one audit entry)")
    void exportReEducations(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            @RequestParam(defaultValue = "false") boolean startedOnly,
            @RequestParam(required = false) Boolean open,
            HttpServletResponse response)
            throws IOException {
        Caller caller = CurrentCaller.get();
        Period period = period(year, periodOf);
        UnitNames names = new UnitNames(units);
        exports.send(
                response,
                "giao-duc-" + unitId + ".xlsx",
                SheetExports.Layout.of(
                        "order.reEducations.sheet",
                        List.of(
                                "order.persons.field.id",
                                "order.persons.field.fullName",
                                "order.persons.field.birth",
                                "order.persons.field.nationalId",
                                "order.persons.field.address",
                                "order.persons.field.unitId",
                                "order.persons.field.startedOn",
                                "order.persons.field.endedOn",
                                "order.persons.field.outcome",
                                "order.persons.field.responsible")),
                rows -> reEducations.each(
                        caller,
                        unitId,
                        period,
                        startedOnly,
                        open,
                        r -> rows.row(
                                r.id(),
                                r.person().fullName(),
                                r.person().birth(),
                                r.person().nationalId(),
                                r.person().address(),
                                names.of(r.unitId()),
                                r.startedOn(),
                                r.endedOn(),
                                r.outcome() == null
                                        ? null
                                        : sheets.message("order.reEducations.outcome." + r.outcome()),
                                r.responsible())));
    }

    // ---- persons of incidents: SENSITIVE_READ --------------------------------------------------

    @GetMapping("/incidents/{incidentId}/persons")
    @Requires({Permission.ORDER_READ, Permission.SENSITIVE_READ})
    @Operation(summary = "The drug users and re-education cases an incident of the unit involves (sensitive, audited)")
    List<IncidentPersons.Link> incidentPersons(@PathVariable long unitId, @PathVariable long incidentId) {
        return incidentPersons.of(CurrentCaller.get(), unitId, incidentId);
    }

    @PostMapping("/incidents/{incidentId}/persons")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "Link a drug user or a re-education case to an incident of the unit")
    ResponseEntity<IncidentPersons.Link> link(
            @PathVariable long unitId,
            @PathVariable long incidentId,
            @RequestBody(required = false) LinkRequest request) {
        // the unit first: a unit outside the capture scope is refused (403) before the body is looked at
        LinkRequest link = request == null ? new LinkRequest(null, null) : request;
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(incidentPersons.link(CurrentCaller.get(), unitId, incidentId, link.kind(), link.personId()));
    }

    @DeleteMapping("/incidents/{incidentId}/persons/{kind:DRUG_USER|RE_EDUCATION}/{personId}")
    @Requires({Permission.ORDER_WRITE, Permission.SENSITIVE_READ})
    @Operation(summary = "Remove a link made by mistake")
    ResponseEntity<Void> unlink(
            @PathVariable long unitId,
            @PathVariable long incidentId,
            @PathVariable IncidentPersons.Kind kind,
            @PathVariable long personId) {
        incidentPersons.unlink(CurrentCaller.get(), unitId, incidentId, kind, personId);
        return ResponseEntity.noContent().build();
    }

    // ---- errors ----------------------------------------------------------------------------------

    static int year(Integer year) {
        return year != null ? year : Period.residentialAreaOn(Dates.today()).year();
    }

    /** The period of a list: the year in the window {@code periodOf} names ({@link FactWindow#parse}), or none. */
    static Period period(Integer year, String periodOf) {
        return year == null ? null : FactWindow.parse(periodOf).period(year);
    }
}
