package vn.tuquan.evaluation;

/** No such unit (on the period's last day) or no evaluation stored for it and the year: 404. */
public class UnknownEvaluationException extends RuntimeException {

    private final long unitId;
    private final int year;

    public UnknownEvaluationException(long unitId, int year) {
        super("no evaluation of unit " + unitId + " for " + year);
        this.unitId = unitId;
        this.year = year;
    }

    public long unitId() {
        return unitId;
    }

    public int year() {
        return year;
    }
}
