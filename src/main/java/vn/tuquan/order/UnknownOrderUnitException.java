package vn.tuquan.order;

/** A unit that does not exist on the date asked (404). */
public class UnknownOrderUnitException extends RuntimeException {

    private final long unitId;

    public UnknownOrderUnitException(long unitId) {
        super("no unit " + unitId);
        this.unitId = unitId;
    }

    public long unitId() {
        return unitId;
    }
}
