package vn.tuquan.units;

import java.util.List;

/**
 * A file was refused whole: nothing was written. Each problem names its file and line (or JSON
 * position) and a message key with arguments, rendered in the reader's language.
 */
public class ImportRefusedException extends RuntimeException {

    private final List<Problem> problems;

    public ImportRefusedException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * @param line     1-based line of the file, or 0 when {@code position} says where (JSON)
     * @param position a JSON position such as {@code data[3].level2s[5]}, or {@code null}
     */
    public record Problem(String file, int line, String position, String messageKey, List<Object> arguments) {
    }
}
