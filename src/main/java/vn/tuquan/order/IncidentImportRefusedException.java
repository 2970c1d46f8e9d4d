package vn.tuquan.order;

import java.util.List;

/** A file of incidents refused whole: every bad row with its line and column. Nothing was written. */
public class IncidentImportRefusedException extends RuntimeException {

    private final transient List<IncidentImportProblem> problems;

    public IncidentImportRefusedException(List<IncidentImportProblem> problems) {
        super(problems.size() + " bad rows");
        this.problems = List.copyOf(problems);
    }

    public List<IncidentImportProblem> problems() {
        return problems;
    }
}
