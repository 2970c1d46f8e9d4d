package vn.tuquan.households;

import java.util.List;

/** A file refused whole: every bad row with its line number. Nothing was written. */
public class HouseholdImportRefusedException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public HouseholdImportRefusedException(List<ImportProblem> problems) {
        super(problems.size() + " bad rows");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
