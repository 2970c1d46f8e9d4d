package vn.tuquan.access;

import java.util.List;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.FieldRefusedException;

/** A password the policy refuses, or a wrong current password; {@link #messageKey()} says why, in the messages. */
public class PasswordRefusedException extends FieldRefusedException {

    public PasswordRefusedException(String messageKey) {
        super("password refused: " + messageKey, List.of(FieldProblem.of(null, messageKey)));
    }
}
