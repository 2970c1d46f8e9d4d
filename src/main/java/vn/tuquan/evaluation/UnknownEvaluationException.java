package vn.tuquan.evaluation;

import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.UnknownRecordException;

/** No such unit (on the period's last day) or no evaluation stored for it and the year: 404. */
public class UnknownEvaluationException extends UnknownRecordException {

    public UnknownEvaluationException(long unitId, int year) {
        super(
                "no evaluation of unit " + unitId + " for " + year,
                "evaluation.run.problem.unknown",
                MessageArguments.year(year));
    }
}
