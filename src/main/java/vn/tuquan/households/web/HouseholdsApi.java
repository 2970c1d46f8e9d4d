package vn.tuquan.households.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.server.ResponseStatusException;
import vn.tuquan.households.Commitment;
import vn.tuquan.households.CommitmentForm;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.HouseholdImportRefusedException;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.Households;
import vn.tuquan.households.ImportProblem;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.households.RegistrationRate;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * Households of residential areas and their yearly registrations, for clients. Refusals are
 * {@code application/problem+json} in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "households", description = "Hộ gia đình và đăng ký, cam kết / households and their commitments")
@Requires(Permission.MOVEMENT_READ)
class HouseholdsApi {

    private final Households households;
    private final Commitments commitments;
    private final HouseholdImports imports;
    private final OrganisationCommitments organisations;
    private final Units units;

    HouseholdsApi(
            Households households,
            Commitments commitments,
            HouseholdImports imports,
            OrganisationCommitments organisations,
            Units units) {
        this.organisations = organisations;
        this.units = units;
        this.households = households;
        this.commitments = commitments;
        this.imports = imports;
    }

    /** The ticks of a village head: households registered and signed with the three pledges. */
    record CommitmentsInput(List<Long> householdIds, LocalDate registeredOn) {}

    record Recorded(int added, RegistrationRate rate) {}

    record Imported(int households) {}

    /**
     * A household as a client sends it; a missing number of members is 0 (refused). Read with boxed
     * fields so that any body reaches the service, which refuses a unit outside the caller's capture
     * scope before it looks at the fields.
     */
    record HouseholdInput(String code, String headName, String address, Integer members, Boolean catholic) {

        HouseholdForm form() {
            return new HouseholdForm(
                    code, headName, address, members == null ? 0 : members, Boolean.TRUE.equals(catholic));
        }
    }

    /** Where a household moves, its code there (its old code when empty) and from which day. */
    record MoveInput(Long toAreaId, String code, LocalDate on) {}

    @PutMapping("/{householdId}")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(summary = "Sửa thông tin hộ / correct a household's code, head, address, members and attributes")
    Household edit(
            @PathVariable long householdId,
            @RequestBody(required = false) HouseholdInput input,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        HouseholdInput in = input == null ? new HouseholdInput(null, null, null, null, null) : input;
        return households.edit(CurrentCaller.get(), householdId, in.form(), asOf == null ? Dates.today() : asOf);
    }

    @PostMapping("/{householdId}/move")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(summary = "Chuyển hộ sang khu dân cư khác từ một ngày / move a household to another area from a date")
    Household move(@PathVariable long householdId, @RequestBody(required = false) MoveInput input) {
        if (input == null || input.toAreaId() == null) {
            throw new HouseholdRefusedException("households.refused.unknownArea", "");
        }
        return households.move(
                CurrentCaller.get(),
                householdId,
                input.toAreaId(),
                input.code(),
                input.on() == null ? Dates.today() : input.on());
    }

    @PutMapping("/{householdId}/commitments/{year}")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(
            summary =
                    "Sửa đăng ký, cam kết của một hộ / correct a household's commitment for a period (date, signed, pledges)")
    Commitment changeCommitment(
            @PathVariable long householdId,
            @PathVariable int year,
            @RequestBody(required = false) CommitmentInput input) {
        CommitmentInput in = input == null ? new CommitmentInput(null, null, null, null, null) : input;
        return commitments.change(
                CurrentCaller.get(),
                householdId,
                year(year),
                new CommitmentForm(
                        in.registeredOn(),
                        yes(in.signed()),
                        yes(in.selfManage()),
                        yes(in.selfPrevent()),
                        yes(in.selfProtect())));
    }

    /** A household's commitment as a client sends it; a missing flag is false. */
    record CommitmentInput(
            LocalDate registeredOn, Boolean signed, Boolean selfManage, Boolean selfPrevent, Boolean selfProtect) {}

    private static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    @DeleteMapping("/{householdId}/commitments/{year}")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(
            summary =
                    "Bỏ đăng ký của một hộ (ghi nhầm) / withdraw a household's commitment for a period; answers what was removed")
    Commitment withdrawCommitment(@PathVariable long householdId, @PathVariable int year) {
        return commitments.withdraw(CurrentCaller.get(), householdId, year(year));
    }

    @GetMapping("/areas/{areaId}/households")
    @Operation(
            summary = "Các hộ đang ở khu dân cư vào một ngày / the households living in a residential area on a date")
    List<Household> list(
            @PathVariable long areaId,
            @Parameter(description = "ngày / date, today when empty")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return households.inArea(CurrentCaller.view(), areaId, asOf == null ? Dates.today() : asOf);
    }

    @PostMapping("/areas/{areaId}/households")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(summary = "Thêm một hộ / add a household from a date")
    ResponseEntity<Household> add(
            @PathVariable long areaId,
            @RequestBody(required = false) HouseholdInput input,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        HouseholdInput in = input == null ? new HouseholdInput(null, null, null, null, null) : input;
        Household added = households.add(CurrentCaller.get(), areaId, in.form(), asOf == null ? Dates.today() : asOf);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    /**
     * The paths of {@link #list} and {@link #add} before issue 13.18, still answered for clients written
     * against them but left out of the description: {@code /areas/{areaId}} beside
     * {@code /{householdId}/move} made the paths ambiguous ({@code /households/areas/move} matches both).
     */
    @Hidden
    @Deprecated
    @GetMapping("/areas/{areaId}")
    List<Household> listAtTheOldPath(
            @PathVariable long areaId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return list(areaId, asOf);
    }

    /** See {@link #listAtTheOldPath}. */
    @Hidden
    @Deprecated
    @PostMapping("/areas/{areaId}")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    ResponseEntity<Household> addAtTheOldPath(
            @PathVariable long areaId,
            @RequestBody(required = false) HouseholdInput input,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return add(areaId, input, asOf);
    }

    @GetMapping("/areas/{areaId}/rate")
    @Operation(summary = "Tỷ lệ hộ đăng ký trong kỳ / share of resident households registered for the period")
    RegistrationRate rate(
            @PathVariable long areaId,
            @Parameter(description = "kỳ đánh giá / period year, current when empty") @RequestParam(required = false)
                    Integer year) {
        return commitments.registrationRate(CurrentCaller.view(), areaId, year(year));
    }

    @GetMapping("/areas/{areaId}/not-registered")
    @Operation(summary = "Các hộ chưa đăng ký / resident households not registered for the period")
    List<Household> notRegistered(@PathVariable long areaId, @RequestParam(required = false) Integer year) {
        return commitments.notRegistered(CurrentCaller.view(), areaId, year(year));
    }

    @PostMapping("/areas/{areaId}/commitments")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(summary = "Ghi nhận nhiều hộ đăng ký / record the registrations of many households at once")
    Recorded record(
            @PathVariable long areaId,
            @RequestParam(required = false) Integer year,
            @RequestBody(required = false) CommitmentsInput input) {
        int y = year(year);
        Period period = Period.residentialArea(y);
        LocalDate on = input != null && input.registeredOn() != null
                ? input.registeredOn()
                : HouseholdPages.defaultDate(period);
        int added = commitments.recordAll(
                CurrentCaller.get(),
                areaId,
                y,
                input == null || input.householdIds() == null ? List.of() : input.householdIds(),
                on);
        return new Recorded(added, commitments.registrationRate(CurrentCaller.view(), areaId, y));
    }

    /** An organisation's staff: how many, how many briefed, how many signed (a missing number is 0). */
    record StaffCommitment(Integer staffTotal, Integer staffBriefed, Integer staffSigned, LocalDate recordedOn) {}

    private static int number(Integer n) {
        return n == null ? 0 : n;
    }

    @GetMapping("/organisations/{unitId}/commitments/{year}")
    @Operation(summary = "An agency's, enterprise's or school's commitment for a period: staff briefed and signed")
    ResponseEntity<OrganisationCommitments.OrganisationCommitment> organisationCommitment(
            @PathVariable long unitId, @PathVariable int year) {
        return ResponseEntity.ok(organisations
                .find(CurrentCaller.view(), unitId, year(year))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    @PutMapping("/organisations/{unitId}/commitments/{year}")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(summary = "Record (or correct) an organisation's commitment for a period")
    OrganisationCommitments.OrganisationCommitment recordOrganisationCommitment(
            @PathVariable long unitId, @PathVariable int year, @RequestBody(required = false) StaffCommitment body) {
        StaffCommitment staff = body == null ? new StaffCommitment(null, null, null, null) : body;
        // the service refuses an organisation outside the capture scope before it looks at the numbers
        return organisations.record(
                CurrentCaller.get(),
                unitId,
                year(year),
                number(staff.staffTotal()),
                number(staff.staffBriefed()),
                number(staff.staffSigned()),
                staff.recordedOn() == null ? Dates.today() : staff.recordedOn());
    }

    @GetMapping("/units/{unitId}/rates")
    @Operation(
            summary =
                    "Tỷ lệ đăng ký của mọi khu dân cư dưới một đơn vị / the rate of every residential area under a unit")
    List<RegistrationRate> rates(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return commitments.rates(CurrentCaller.view(), unitId, year(year));
    }

    @PostMapping(path = "/units/{unitId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    @Operation(
            summary =
                    "Nhập hộ từ tệp CSV hoặc .xlsx (cả tệp hoặc không gì) / import households from CSV or .xlsx, all or nothing")
    ResponseEntity<Imported> importCsv(
            @PathVariable long unitId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf)
            throws IOException {
        // the target first: a unit outside the capture scope is refused before the file is looked at
        units.find(CurrentCaller.capture(), unitId, asOf == null ? Dates.today() : asOf);
        if (file == null || file.isEmpty()) {
            throw new HouseholdImportRefusedException(List.of(new ImportProblem(1, "households.import.empty")));
        }
        try (InputStream in = file.getInputStream()) {
            LocalDate from = asOf == null ? Dates.today() : asOf;
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            int n = name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? imports.importXlsx(CurrentCaller.get(), unitId, name, in, from)
                    : imports.importCsv(CurrentCaller.get(), unitId, name, in, from);
            return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(n));
        }
    }

    private static int year(Integer year) {
        return year != null
                ? year(year.intValue())
                : Period.residentialAreaOn(Dates.today()).year();
    }

    /** A period's year as asked, refused (422) outside 2000–2200 (as the pages) before any date is made of it. */
    private static int year(int year) {
        if (year < 2000 || year > 2200) {
            throw new HouseholdRefusedException("households.refused.year", MessageArguments.year(year));
        }
        return year;
    }
}
