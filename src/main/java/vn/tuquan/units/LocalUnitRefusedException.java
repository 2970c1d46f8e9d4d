package vn.tuquan.units;

import java.util.List;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.FieldRefusedException;

/** A residential area or organisation could not be saved; nothing was written. Every bad field is named. */
public class LocalUnitRefusedException extends FieldRefusedException {

    public LocalUnitRefusedException(List<FieldProblem> problems) {
        super(problems);
    }
}
