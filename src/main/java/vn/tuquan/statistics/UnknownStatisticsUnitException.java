package vn.tuquan.statistics;

import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.UnknownRecordException;

/** A unit that did not exist on the year's tree day (404). */
public class UnknownStatisticsUnitException extends UnknownRecordException {

    public UnknownStatisticsUnitException(long unitId, int year) {
        super("no unit " + unitId + " in " + year, "statistics.error.unknownUnit", unitId, MessageArguments.year(year));
    }
}
