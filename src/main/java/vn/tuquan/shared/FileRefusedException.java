package vn.tuquan.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An imported file refused whole, nothing written: every {@link RowProblem} found. The API answers
 * 422 ({@link #status()}) with {@code errors: [{line, column, code, message}]} (the members that are
 * known), in the caller's language; pages list the problems with {@link RefusalMessages}.
 */
public abstract class FileRefusedException extends RuntimeException {

    private final transient List<RowProblem> problems;

    protected FileRefusedException(List<RowProblem> problems) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> rows() {
        return problems;
    }

    /** The API's status: 422 (the file breaks a rule of the register). */
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }

    /** The message key of the problem's title. */
    public String titleKey() {
        return "error.file.title";
    }

    /** Whether each problem is said with where it is first ("danh-muc.csv, dòng 3: …"). */
    public boolean messageNamesPlace() {
        return false;
    }
}
