package vn.tuquan.movement;

import vn.tuquan.shared.UnknownRecordException;

/** No such record (or unit) in the movement's registers: 404. */
public class UnknownMovementRecordException extends UnknownRecordException {

    public UnknownMovementRecordException(String what, Object id) {
        super("unknown " + what + " " + id, "movement.problem.unknown");
    }
}
