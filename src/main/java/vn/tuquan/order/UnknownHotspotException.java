package vn.tuquan.order;

import vn.tuquan.shared.UnknownRecordException;

/** No such hotspot or campaign under the unit (or no such unit): 404. */
public class UnknownHotspotException extends UnknownRecordException {

    public UnknownHotspotException(String what, Object id) {
        super("unknown " + what + " " + id, "order.hotspots.problem.unknown");
    }
}
