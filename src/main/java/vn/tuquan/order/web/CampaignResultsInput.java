package vn.tuquan.order.web;

/** The results of a campaign, as typed (bound by name; read back when refused). */
public record CampaignResultsInput(
        String arrests,
        String ringsBroken,
        String hotspotsCleared,
        String itemsSeized,
        String seizedDescription,
        String summary) {

    static final CampaignResultsInput EMPTY = new CampaignResultsInput(null, null, null, null, null, null);
}
