package vn.tuquan.order.web;

import java.util.List;

/** The form that corrects a campaign (not its results), as typed (bound by name; read back when refused). */
public record CampaignCorrectionInput(
        String name,
        String kind,
        String startedOn,
        String endedOn,
        List<String> unitIds,
        String forces,
        String officers,
        List<String> hotspotIds) {

    static final CampaignCorrectionInput EMPTY =
            new CampaignCorrectionInput(null, null, null, null, null, null, null, null);
}
