package vn.tuquan.order;

import vn.tuquan.shared.UnknownRecordException;

/** A unit that does not exist on the date asked (404). */
public class UnknownOrderUnitException extends UnknownRecordException {

    public UnknownOrderUnitException(long unitId) {
        super("no unit " + unitId, "order.facts.unknownUnit", unitId);
    }
}
