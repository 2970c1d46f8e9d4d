package vn.tuquan.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One thing wrong with an imported file: where, as far as it is known (the file, a line of a text
 * file or a row of a workbook, a column, a position in a JSON file; each may be absent), and why as a
 * message key with its arguments.
 */
public record RowProblem(
        String file,
        Integer line,
        Integer row,
        String column,
        String position,
        String messageKey,
        List<Object> arguments) {

    public RowProblem {
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A line of a text file (CSV) and its column, when the problem is about one. */
    public static RowProblem atLine(int line, String column, String messageKey, List<Object> arguments) {
        return new RowProblem(null, line, null, column, null, messageKey, arguments);
    }

    /** A row of a workbook and its column (a letter). */
    public static RowProblem atRow(int row, String column, String messageKey, List<Object> arguments) {
        return new RowProblem(null, null, row, column, null, messageKey, arguments);
    }
}
