package vn.tuquan.order;

import vn.tuquan.shared.UnknownRecordException;

/** No such record (or unit) in the persons' registers, or not under the unit asked about: 404. */
public class UnknownPersonRecordException extends UnknownRecordException {

    public UnknownPersonRecordException(String what, Object id) {
        super("unknown " + what + " " + id, "order.persons.problem.unknown");
    }
}
