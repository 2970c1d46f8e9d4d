package vn.tuquan.order.web;

/** The form that removes a hotspot from the list, as typed (bound by name; read back when refused). */
public record HotspotRemovalInput(String removedOn, String removedBy, String removalNumber) {

    static final HotspotRemovalInput EMPTY = new HotspotRemovalInput(null, null, null);
}
