package vn.tuquan.movement;

/** No such record (or unit) in the movement's registers: 404. */
public class UnknownMovementRecordException extends RuntimeException {

    public UnknownMovementRecordException(String what, Object id) {
        super("unknown " + what + " " + id);
    }
}
