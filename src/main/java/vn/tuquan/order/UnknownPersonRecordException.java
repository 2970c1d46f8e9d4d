package vn.tuquan.order;

/** No such record (or unit) in the persons' registers, or not under the unit asked about: 404. */
public class UnknownPersonRecordException extends RuntimeException {

    public UnknownPersonRecordException(String what, Object id) {
        super("unknown " + what + " " + id);
    }
}
