package vn.tuquan.order.web;

import java.util.List;

/** The form that records a campaign with its results, as typed (bound by name; read back when refused). */
public record CampaignInput(
        String name,
        String kind,
        String startedOn,
        String endedOn,
        List<String> unitIds,
        String forces,
        String officers,
        String arrests,
        String ringsBroken,
        String hotspotsCleared,
        String itemsSeized,
        String seizedDescription,
        String summary,
        List<String> hotspotIds) {

    static final CampaignInput EMPTY =
            new CampaignInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The results typed in the same form. */
    CampaignResultsInput results() {
        return new CampaignResultsInput(arrests, ringsBroken, hotspotsCleared, itemsSeized, seizedDescription, summary);
    }
}
