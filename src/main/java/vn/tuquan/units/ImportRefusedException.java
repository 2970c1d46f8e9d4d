package vn.tuquan.units;

import java.util.List;
import vn.tuquan.shared.FileRefusedException;
import vn.tuquan.shared.RowProblem;

/**
 * A file was refused whole: nothing was written. Each problem names its file and line (or JSON
 * position) and a message key with arguments, rendered in the reader's language.
 */
public class ImportRefusedException extends FileRefusedException {

    private final transient List<Problem> problems;

    public ImportRefusedException(List<Problem> problems) {
        super(problems.stream().map(Problem::row).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String titleKey() {
        return "units.lists.refused.title";
    }

    /** "danh-muc.csv, dòng 3: …": a list has several files, and a problem says which. */
    @Override
    public boolean messageNamesPlace() {
        return true;
    }

    /**
     * @param line     1-based line of the file, or 0 when {@code position} says where (JSON)
     * @param position a JSON position such as {@code data[3].level2s[5]}, or {@code null}
     */
    public record Problem(String file, int line, String position, String messageKey, List<Object> arguments) {

        /** The problem as every refused file's: where (file, line or position) and why. */
        public RowProblem row() {
            return new RowProblem(file, line > 0 ? line : null, null, null, position, messageKey, arguments);
        }
    }
}
