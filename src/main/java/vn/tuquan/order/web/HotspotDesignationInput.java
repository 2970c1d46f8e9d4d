package vn.tuquan.order.web;

import java.util.List;

/** The form that designates a hotspot, as typed (bound by name; read back when refused). */
public record HotspotDesignationInput(
        String name,
        String kind,
        List<String> unitIds,
        String designatedOn,
        String designatedBy,
        String designationNumber,
        String status,
        String reason,
        String latitude,
        String longitude,
        String notes) {

    /** The form of a list shown without a refusal: every field empty. */
    static final HotspotDesignationInput EMPTY =
            new HotspotDesignationInput(null, null, null, null, null, null, null, null, null, null, null);
}
