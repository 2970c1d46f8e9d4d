package vn.tuquan.order.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/**
 * Hotspot areas over HTTP. Every path names the unit the caller looks (or records) from: its view
 * scope for reads, its capture scope for writes (403 outside).
 */
@RestController
@RequestMapping("/api/v1/order/hotspots")
@Tag(name = "order-hotspots", description = "Địa bàn trọng điểm, phức tạp về ANTT / hotspot areas")
@Requires(Permission.ORDER_READ)
class HotspotsApi {

    private final Hotspots hotspots;

    HotspotsApi(Hotspots hotspots) {
        this.hotspots = hotspots;
    }

    record HotspotWithHistory(Hotspot hotspot, List<Hotspot.StatusPeriod> history) {}

    @GetMapping("/units/{unitId}")
    @Operation(
            summary = "The hotspots under the unit designated by the date, with their status on it",
            description =
                    "`status` keeps those on the list then in that status; `removed=false` leaves out those removed by then.")
    List<Hotspot> under(
            @PathVariable long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) Hotspot.Kind kind,
            @RequestParam(required = false) Hotspot.Status status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "true") boolean removed) {
        return hotspots.under(
                CurrentCaller.view(),
                unitId,
                on == null ? Dates.today() : on,
                new Hotspot.Filter(kind, status, q, removed));
    }

    @GetMapping("/units/{unitId}/counts")
    @Operation(summary = "How many hotspots under the unit were complex, contained and stable on a date (F18)")
    Hotspot.Counts counts(
            @PathVariable long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return hotspots.counts(CurrentCaller.view(), unitId, on == null ? Dates.today() : on);
    }

    @PostMapping("/units/{unitId}")
    @Requires(Permission.ORDER_WRITE)
    @Operation(
            summary = "Designate a hotspot by a decision",
            description = "The units covered must lie under the unit and in the caller's capture scope (403); "
                    + "400 without the deciding body or the decision number.")
    ResponseEntity<Hotspot> designate(@PathVariable long unitId, @RequestBody Hotspot.Form form) {
        Hotspot hotspot = hotspots.designate(CurrentCaller.get(), unitId, form);
        return ResponseEntity.created(URI.create("/api/v1/order/hotspots/units/" + unitId + "/" + hotspot.id()))
                .body(hotspot);
    }

    @GetMapping("/units/{unitId}/{hotspotId:\\d+}")
    @Operation(summary = "A hotspot with its status today and its status history")
    HotspotWithHistory find(@PathVariable long unitId, @PathVariable long hotspotId) {
        return new HotspotWithHistory(
                hotspots.find(CurrentCaller.view(), unitId, hotspotId, Dates.today()),
                hotspots.history(CurrentCaller.view(), unitId, hotspotId));
    }

    @PutMapping("/units/{unitId}/{hotspotId:\\d+}")
    @Requires(Permission.ORDER_WRITE)
    @Operation(
            summary = "Correct a hotspot: name, kind, units covered, the designation decision and notes",
            description = "The units covered must lie under the unit and in the caller's capture scope (403); "
                    + "400 without the deciding body or the decision number, or with a designation day on or after "
                    + "the second status or the removal.")
    Hotspot correct(@PathVariable long unitId, @PathVariable long hotspotId, @RequestBody Hotspot.Correction form) {
        return hotspots.correct(CurrentCaller.get(), unitId, hotspotId, form);
    }

    @DeleteMapping("/units/{unitId}/{hotspotId:\\d+}/statuses/last")
    @Requires(Permission.ORDER_WRITE)
    @Operation(
            summary = "Withdraw the last change of status, recorded by mistake",
            description = "The status before it holds again; 400 for the first status (it comes with the designation) "
                    + "or a hotspot removed from the list.")
    Hotspot withdrawLastStatus(@PathVariable long unitId, @PathVariable long hotspotId) {
        return hotspots.withdrawLastStatus(CurrentCaller.get(), unitId, hotspotId);
    }

    @PostMapping("/units/{unitId}/{hotspotId:\\d+}/statuses")
    @Requires(Permission.ORDER_WRITE)
    @Operation(
            summary = "Change a hotspot's status from a day, with the reason",
            description =
                    "400 when dated on or before the last change, in the future, after the removal, or unchanged.")
    Hotspot changeStatus(
            @PathVariable long unitId, @PathVariable long hotspotId, @RequestBody Hotspot.StatusForm form) {
        return hotspots.changeStatus(CurrentCaller.get(), unitId, hotspotId, form);
    }

    @PostMapping("/units/{unitId}/{hotspotId:\\d+}/removal")
    @Requires(Permission.ORDER_WRITE)
    @Operation(summary = "Remove a hotspot from the list by a decision")
    Hotspot remove(@PathVariable long unitId, @PathVariable long hotspotId, @RequestBody Hotspot.RemovalForm form) {
        return hotspots.remove(CurrentCaller.get(), unitId, hotspotId, form);
    }
}
