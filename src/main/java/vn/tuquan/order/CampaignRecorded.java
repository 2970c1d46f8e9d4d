package vn.tuquan.order;

/**
 * A campaign was recorded ({@code before} null) or its results or what was recorded were corrected; published inside the
 * writing transaction so the audit log records it with the write.
 */
public record CampaignRecorded(long campaignId, long organisingUnitId, Campaign before, Campaign after) {

    public boolean created() {
        return before == null;
    }
}
