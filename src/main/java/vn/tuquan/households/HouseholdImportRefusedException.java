package vn.tuquan.households;

import java.util.List;
import vn.tuquan.shared.FileRefusedException;
import vn.tuquan.shared.RowProblem;

/** A file refused whole: every bad row with its line number (and column, when one). Nothing was written. */
public class HouseholdImportRefusedException extends FileRefusedException {

    private final transient List<ImportProblem> problems;

    public HouseholdImportRefusedException(List<ImportProblem> problems) {
        super(problems.stream()
                .map(p -> RowProblem.atLine(p.line(), p.field(), p.key(), p.args()))
                .toList());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    @Override
    public String titleKey() {
        return "households.refused.title";
    }
}
