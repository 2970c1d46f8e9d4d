package vn.tuquan.order.web;

import java.util.List;

/** The form that corrects a hotspot's designation, as typed (bound by name; read back when refused). */
public record HotspotCorrectionInput(
        String name,
        String kind,
        List<String> unitIds,
        String designatedOn,
        String designatedBy,
        String designationNumber,
        String notes) {

    static final HotspotCorrectionInput EMPTY = new HotspotCorrectionInput(null, null, null, null, null, null, null);
}
