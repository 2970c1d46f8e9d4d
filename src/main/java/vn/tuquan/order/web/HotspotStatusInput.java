package vn.tuquan.order.web;

/** The form that changes a hotspot's status, as typed (bound by name; read back when refused). */
public record HotspotStatusInput(String status, String from, String reason) {

    static final HotspotStatusInput EMPTY = new HotspotStatusInput(null, null, null);
}
