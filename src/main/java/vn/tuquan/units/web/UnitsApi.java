package vn.tuquan.units.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.SearchHit;
import vn.tuquan.units.Succession;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The tree of units as it was on any date ({@code asOf}, default today in Vietnam). */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "Đơn vị và lịch sử / units and their history")
@Requires(Permission.UNITS_READ)
class UnitsApi {

    private final Units units;

    UnitsApi(Units units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "The provinces as of a date")
    List<UnitView> provinces(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.roots(CurrentCaller.view(), date(asOf));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A unit as it was on a date")
    UnitView unit(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.find(CurrentCaller.view(), id, date(asOf)).orElseThrow(() -> notFound());
    }

    @GetMapping("/by-code")
    @Operation(summary = "The official unit with a GSO code on a date (codes are reused over the years)")
    @ApiResponse(responseCode = "200", description = "The unit as it was on that date")
    @ApiResponse(responseCode = "404", description = "No official unit has this code on that date.")
    UnitView byCode(
            @Parameter(description = "mã GSO / the GSO code, e.g. 36 or 13636") @RequestParam String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return units.findByCode(CurrentCaller.view(), code, date(asOf)).orElseThrow(() -> notFound());
    }

    /**
     * The path of {@link #byCode} before issue 13.18, still answered for clients written against it
     * but left out of the description: {@code /by-code/{code}} beside {@code /{id}/successors} made
     * the paths ambiguous (OpenAPI's {@code /units/by-code/successors} matches both).
     */
    @Hidden
    @Deprecated
    @GetMapping("/by-code/{code}")
    UnitView byCodeInPath(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return byCode(code, asOf);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The units directly under a unit on a date")
    List<UnitView> children(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = date(asOf);
        units.find(CurrentCaller.view(), id, date).orElseThrow(() -> notFound());
        return units.children(CurrentCaller.view(), id, date);
    }

    @GetMapping("/{id}/subtree")
    @Operation(summary = "The units under a unit on a date, in tree order, a page at a time")
    Units.Page subtree(
            @PathVariable long id,
            @Parameter(description = "only these kinds, e.g. RESIDENTIAL_AREA") @RequestParam(required = false)
                    Set<UnitKind> kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        LocalDate date = date(asOf);
        units.find(CurrentCaller.view(), id, date).orElseThrow(() -> notFound());
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit 1–1000, offset ≥ 0");
        }
        return units.subtree(CurrentCaller.view(), id, kind == null ? Set.of() : kind, date, limit, offset);
    }

    @GetMapping("/{id}/ancestors")
    @Operation(summary = "The units above a unit on a date, from the province down")
    List<UnitView> ancestors(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = date(asOf);
        units.find(CurrentCaller.view(), id, date).orElseThrow(() -> notFound());
        return units.ancestors(CurrentCaller.view(), id, date);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every version of a unit, oldest first")
    List<UnitView> history(@PathVariable long id) {
        List<UnitView> history = units.history(CurrentCaller.view(), id);
        if (history.isEmpty()) {
            throw notFound();
        }
        return history;
    }

    @GetMapping("/{id}/predecessors")
    @Operation(summary = "The units this unit took over, whole or in part")
    List<Succession> predecessors(@PathVariable long id) {
        units.latest(CurrentCaller.view(), id).orElseThrow(() -> notFound());
        return units.predecessors(CurrentCaller.view(), id);
    }

    @GetMapping("/{id}/successors")
    @Operation(summary = "The units that took this unit over, whole or in part")
    List<Succession> successors(@PathVariable long id) {
        units.latest(CurrentCaller.view(), id).orElseThrow(() -> notFound());
        return units.successors(CurrentCaller.view(), id);
    }

    @GetMapping("/search")
    @Operation(summary = "Units by name, ignoring case and diacritics (\"hai hau\" finds Hải Hậu), best first")
    List<SearchHit> search(
            @RequestParam String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Set<UnitKind> kind,
            @RequestParam(required = false) Long within,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit 1–100");
        }
        return units.search(
                CurrentCaller.view(),
                q,
                date(asOf),
                kind == null ? Set.of() : kind,
                Optional.ofNullable(within),
                limit);
    }

    private static LocalDate date(LocalDate asOf) {
        return asOf != null ? asOf : Dates.today();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
