package vn.tuquan.order.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/** Crackdown and patrol campaigns over HTTP, under the unit the caller looks or records from. */
@RestController
@RequestMapping("/api/v1/order/campaigns")
@Tag(name = "order-campaigns", description = "Truy quét, tuần tra / crackdown and patrol campaigns")
@Requires(Permission.ORDER_READ)
class CampaignsApi {

    private final Campaigns campaigns;

    CampaignsApi(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/units/{unitId}")
    @Operation(
            summary = "Campaigns organised by or covering the unit or a unit under it, whose period meets from–to",
            description = "Without dates: the residential areas' period of today.")
    List<Campaign> under(
            @PathVariable long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period current = Period.residentialAreaOn(Dates.today());
        return campaigns.under(
                CurrentCaller.view(), unitId, from == null ? current.from() : from, to == null ? current.to() : to);
    }

    @GetMapping("/units/{unitId}/totals")
    @Operation(summary = "The results of the campaigns under the unit that ended in from–to, summed")
    Campaign.Totals totals(
            @PathVariable long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period current = Period.residentialAreaOn(Dates.today());
        return campaigns.totals(
                CurrentCaller.view(), unitId, from == null ? current.from() : from, to == null ? current.to() : to);
    }

    @PostMapping("/units/{unitId}")
    @Requires(Permission.ORDER_WRITE)
    @Operation(
            summary = "Record a campaign organised by the unit",
            description =
                    "403 when a hotspot linked is outside the caller's view; 400 for a unit covered not under the unit.")
    ResponseEntity<Campaign> record(@PathVariable long unitId, @RequestBody Campaign.Form form) {
        Campaign campaign = campaigns.record(CurrentCaller.get(), unitId, form);
        return ResponseEntity.created(URI.create("/api/v1/order/campaigns/units/" + unitId + "/" + campaign.id()))
                .body(campaign);
    }

    @GetMapping("/units/{unitId}/{campaignId:\\d+}")
    @Operation(summary = "A campaign organised by or covering the unit or a unit under it")
    Campaign find(@PathVariable long unitId, @PathVariable long campaignId) {
        return campaigns.find(CurrentCaller.view(), unitId, campaignId);
    }

    @PutMapping("/units/{unitId}/{campaignId:\\d+}")
    @Requires(Permission.ORDER_WRITE)
    @Operation(
            summary = "Correct a campaign: name, kind, period, units covered, forces, officers, hotspots linked",
            description =
                    "The organising unit and the results are kept. 403 when a unit covered or a hotspot linked "
                            + "is outside the caller's scope or view; 400 naming the field for a period ending before it starts.")
    Campaign correct(@PathVariable long unitId, @PathVariable long campaignId, @RequestBody Campaign.Correction form) {
        return campaigns.correct(CurrentCaller.get(), unitId, campaignId, form);
    }

    @PutMapping("/units/{unitId}/{campaignId:\\d+}/results")
    @Requires(Permission.ORDER_WRITE)
    @Operation(summary = "Record or correct a campaign's results")
    Campaign results(@PathVariable long unitId, @PathVariable long campaignId, @RequestBody Campaign.Results results) {
        return campaigns.recordResults(CurrentCaller.get(), unitId, campaignId, results);
    }
}
