package vn.tuquan.units.internal;

import java.util.List;

/** What a file holds once read: official units or successions, and the problems found reading it. */
sealed interface ListFile {

    List<RowProblem> problems();

    record Units(List<ListRow> rows, List<RowProblem> problems) implements ListFile {}

    record Successions(List<SuccessionRow> rows, List<RowProblem> problems) implements ListFile {}
}
