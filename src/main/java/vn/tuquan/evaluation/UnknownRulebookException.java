package vn.tuquan.evaluation;

import vn.tuquan.shared.UnknownRecordException;

/** No rulebook version has this id: 404. */
public class UnknownRulebookException extends UnknownRecordException {

    public UnknownRulebookException(long id) {
        super("no rulebook version " + id, "evaluation.rulebooks.problem.unknown");
    }
}
