package vn.tuquan.order;

import vn.tuquan.shared.FieldRefusedException;

/**
 * A hotspot or campaign record could not be saved; nothing was written. The message key says why
 * and the field which input is wrong.
 */
public class HotspotRefusedException extends FieldRefusedException {

    public HotspotRefusedException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    @Override
    public String titleKey() {
        return "order.hotspots.problem.refused";
    }

    @Override
    public String fieldLabels() {
        return "order.hotspots.field.";
    }
}
