package vn.tuquan.order.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.HotspotRefusedException;
import vn.tuquan.order.Hotspots;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/**
 * The campaign pages: the crackdowns and patrols under a unit in a period with their results summed,
 * the form recording one (with the hotspots it targeted), a results form and a correction form per campaign,
 * the Excel export.
 */
@Controller
@Requires(Permission.ORDER_READ)
class CampaignPages {

    private final Campaigns campaigns;
    private final Hotspots hotspots;
    private final HotspotPageSupport support;
    private final SheetExports exports;

    CampaignPages(Campaigns campaigns, Hotspots hotspots, HotspotPageSupport support, SheetExports exports) {
        this.campaigns = campaigns;
        this.hotspots = hotspots;
        this.support = support;
        this.exports = exports;
    }

    @GetMapping("/order/campaigns")
    String list(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String periodOf,
            Model model) {
        if (year != null) {
            // a year's window: the campaigns a count of the statistics counted (organised under the unit, ended in it)
            model.addAttribute("organisedIn", FactWindow.parse(periodOf).period(year));
        }
        return show(unit, from, to, null, null, model);
    }

    /**
     * The list of a period; after a refusal, the refused form ({@code errorForm}) shows what was typed: the
     * model holds it as bound ({@code campaignForm}, {@code resultsForm} or {@code correctionForm}), the
     * other forms empty.
     */
    private String show(
            Long unitId, LocalDate from, LocalDate to, String errorForm, HotspotRefusedException error, Model model) {
        Caller caller = CurrentCaller.get();
        UnitView unit = support.unit(caller.view(), unitId);
        Period organisedIn = (Period) model.getAttribute("organisedIn");
        LocalDate[] period = organisedIn != null
                ? new LocalDate[] {organisedIn.firstEventDay(), organisedIn.to()}
                : period(from, to);
        List<Campaign> list = organisedIn != null
                ? campaigns.organisedIn(caller.view(), unit.id(), organisedIn, FactWindow.treeOn(organisedIn.year()))
                : campaigns.under(caller.view(), unit.id(), period[0], period[1]);
        LocalDate today = Dates.today();
        List<Hotspot> targetable =
                hotspots.under(caller.view(), unit.id(), today, new Hotspot.Filter(null, null, null, false));
        Set<Long> hotspotIds =
                list.stream().flatMap(c -> c.hotspotIds().stream()).collect(Collectors.toSet());
        model.addAttribute("unit", unit);
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        model.addAttribute("campaigns", list);
        model.addAttribute(
                "totals",
                organisedIn != null
                        ? Campaign.Totals.of(unit.id(), period[0], period[1], list)
                        : campaigns.totals(caller.view(), unit.id(), period[0], period[1]));
        model.addAttribute(
                "hotspotNames",
                hotspots.findAll(caller.view(), hotspotIds, today).stream()
                        .collect(Collectors.toMap(Hotspot::id, Hotspot::name)));
        model.addAttribute(
                "unitNames",
                support.names(
                        caller.view(),
                        list.stream()
                                .flatMap(c -> Stream.concat(c.unitIds().stream(), Stream.of(c.organisingUnitId())))
                                .toList()));
        model.addAttribute("choices", support.choices(caller.view(), unit));
        model.addAttribute("coverable", support.coverable(caller.view(), unit));
        model.addAttribute("targetable", targetable);
        boolean canWrite = support.canWrite(caller, unit);
        model.addAttribute("canWrite", canWrite);
        // results are recorded by the organiser or a unit above it
        model.addAttribute(
                "ownCampaigns",
                canWrite
                        ? list.stream()
                                .filter(c -> support.under(unit, c.organisingUnitId()))
                                .map(Campaign::id)
                                .collect(Collectors.toSet())
                        : Set.of());
        model.addAttribute("kinds", Campaign.Kind.values());
        CampaignInput campaign = (CampaignInput) model.getAttribute("campaignForm");
        CampaignCorrectionInput correction = (CampaignCorrectionInput) model.getAttribute("correctionForm");
        model.addAttribute("campaignForm", campaign == null ? CampaignInput.EMPTY : campaign);
        model.addAttribute("correctionForm", correction == null ? CampaignCorrectionInput.EMPTY : correction);
        model.addAttribute(
                "resultsForm",
                model.containsAttribute("resultsForm")
                        ? model.getAttribute("resultsForm")
                        : CampaignResultsInput.EMPTY);
        List<String> inputUnits =
                campaign != null ? campaign.unitIds() : correction != null ? correction.unitIds() : null;
        List<String> inputHotspots =
                campaign != null ? campaign.hotspotIds() : correction != null ? correction.hotspotIds() : null;
        model.addAttribute("inputUnits", inputUnits == null ? List.of() : inputUnits);
        model.addAttribute("inputHotspots", inputHotspots == null ? List.of() : inputHotspots);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("error", error);
        return "order/listCampaigns";
    }

    @PostMapping("/order/units/{unitId}/campaigns")
    @Requires(Permission.ORDER_WRITE)
    String record(
            @PathVariable long unitId,
            @ModelAttribute("campaignForm") CampaignInput input,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = support.unit(CurrentCaller.view(), unitId);
        try {
            Campaign campaign = campaigns.record(CurrentCaller.get(), unit.id(), HotspotInput.campaign(input));
            redirect.addFlashAttribute("saved", "campaign");
            redirect.addFlashAttribute("savedName", campaign.name());
            return "redirect:/order/campaigns?unit=" + unit.id() + "&from=" + campaign.startedOn() + "&to="
                    + campaign.endedOn() + "#campaign-" + campaign.id();
        } catch (HotspotRefusedException e) {
            return show(unit.id(), null, null, "campaign", e, model);
        }
    }

    @PostMapping("/order/units/{unitId}/campaigns/{campaignId:\\d+}/results")
    @Requires(Permission.ORDER_WRITE)
    String results(
            @PathVariable long unitId,
            @PathVariable long campaignId,
            @ModelAttribute("resultsForm") CampaignResultsInput input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                campaignId,
                "results",
                model,
                redirect,
                unit -> campaigns.recordResults(CurrentCaller.get(), unit, campaignId, HotspotInput.results(input)));
    }

    @PostMapping("/order/units/{unitId}/campaigns/{campaignId:\\d+}/correction")
    @Requires(Permission.ORDER_WRITE)
    String correct(
            @PathVariable long unitId,
            @PathVariable long campaignId,
            @ModelAttribute("correctionForm") CampaignCorrectionInput input,
            Model model,
            RedirectAttributes redirect) {
        return attempt(
                unitId,
                campaignId,
                "campaignCorrection",
                model,
                redirect,
                unit -> campaigns.correct(
                        CurrentCaller.get(), unit, campaignId, HotspotInput.campaignCorrection(input)));
    }

    /**
     * Runs a write on a campaign: back to the list of its period with a notice, or the list with the
     * refusal beside the campaign's form (the input kept).
     */
    private String attempt(
            long unitId,
            long campaignId,
            String form,
            Model model,
            RedirectAttributes redirect,
            LongFunction<Campaign> write) {
        UnitView unit = support.unit(CurrentCaller.view(), unitId);
        try {
            Campaign campaign = write.apply(unit.id());
            redirect.addFlashAttribute("saved", form);
            redirect.addFlashAttribute("savedName", campaign.name());
            return "redirect:/order/campaigns?unit=" + unit.id() + "&from=" + campaign.startedOn() + "&to="
                    + campaign.endedOn() + "#campaign-" + campaign.id();
        } catch (HotspotRefusedException e) {
            Campaign campaign = campaigns.find(CurrentCaller.view(), unit.id(), campaignId);
            return show(unit.id(), campaign.startedOn(), campaign.endedOn(), form + "-" + campaignId, e, model);
        }
    }

    @GetMapping(path = "/order/campaigns.xlsx", produces = SheetExports.XLSX)
    void export(
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        Scope view = CurrentCaller.view();
        UnitView root = support.unit(view, unit);
        LocalDate[] period = period(from, to);
        String outside = support.message("order.hotspots.outside");
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> hotspotNames = new HashMap<>();
        SheetExports.Layout layout = SheetExports.Layout.of(
                        "order.campaigns.sheet",
                        List.of(
                                "order.campaign.name",
                                "order.campaign.kind",
                                "order.campaign.startedOn",
                                "order.campaign.endedOn",
                                "order.campaign.organiser",
                                "order.campaign.units",
                                "order.campaign.forces",
                                "order.campaign.officers",
                                "order.campaign.arrests",
                                "order.campaign.ringsBroken",
                                "order.campaign.hotspotsCleared",
                                "order.campaign.itemsSeized",
                                "order.campaign.seizedDescription",
                                "order.campaign.summary",
                                "order.campaign.hotspots"))
                .titled(support.message(
                        "order.campaigns.sheetTitle",
                        root.name(),
                        MessageArguments.display(period[0]),
                        MessageArguments.display(period[1])));
        exports.send(
                response,
                "truy-quet-tuan-tra-" + root.id() + ".xlsx",
                layout,
                rows -> campaigns.each(view, root.id(), period[0], period[1], c -> {
                    names.putAll(support.names(
                            view,
                            Stream.concat(c.unitIds().stream(), Stream.of(c.organisingUnitId()))
                                    .filter(id -> !names.containsKey(id))
                                    .toList()));
                    Set<Long> unknown = c.hotspotIds().stream()
                            .filter(id -> !hotspotNames.containsKey(id))
                            .collect(Collectors.toSet());
                    if (!unknown.isEmpty()) {
                        hotspots.findAll(view, unknown, Dates.today()).forEach(h -> hotspotNames.put(h.id(), h.name()));
                        unknown.forEach(id -> hotspotNames.putIfAbsent(id, outside));
                    }
                    rows.row(
                            c.name(),
                            support.message("order.campaign.kind." + c.kind()),
                            c.startedOn(),
                            c.endedOn(),
                            names.get(c.organisingUnitId()),
                            String.join(
                                    "; ", c.unitIds().stream().map(names::get).toList()),
                            c.forces(),
                            c.officers(),
                            c.results().arrests(),
                            c.results().ringsBroken(),
                            c.results().hotspotsCleared(),
                            c.results().itemsSeized(),
                            c.results().seizedDescription(),
                            c.results().summary(),
                            String.join(
                                    "; ",
                                    c.hotspotIds().stream()
                                            .map(hotspotNames::get)
                                            .toList()));
                }));
    }

    /** The period asked for, else the residential areas' period of today (TT 23 / TT 124). */
    private static LocalDate[] period(LocalDate from, LocalDate to) {
        Period current = Period.residentialAreaOn(Dates.today());
        LocalDate start = from == null ? current.from() : from;
        LocalDate end = to == null ? current.to() : to;
        if (end.isBefore(start)) {
            end = start;
        }
        return new LocalDate[] {start, end};
    }
}
