package vn.tuquan.order;

import java.util.List;
import vn.tuquan.shared.FileRefusedException;
import vn.tuquan.shared.RowProblem;

/** A file of incidents refused whole: every bad row with its line and column. Nothing was written. */
public class IncidentImportRefusedException extends FileRefusedException {

    private final transient List<IncidentImportProblem> problems;

    public IncidentImportRefusedException(List<IncidentImportProblem> problems) {
        super(problems.stream()
                .map(p -> RowProblem.atLine(p.line(), p.column(), p.key(), p.args()))
                .toList());
        this.problems = List.copyOf(problems);
    }

    public List<IncidentImportProblem> problems() {
        return problems;
    }

    @Override
    public String titleKey() {
        return "order.import.refused";
    }
}
