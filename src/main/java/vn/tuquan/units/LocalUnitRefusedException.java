package vn.tuquan.units;

import java.util.List;

/** A residential area or organisation could not be saved; nothing was written. */
public class LocalUnitRefusedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public LocalUnitRefusedException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A field (as named in forms and the API) and a message key with its arguments. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {

        public static FieldProblem of(String field, String messageKey, Object... arguments) {
            return new FieldProblem(field, messageKey, List.of(arguments));
        }
    }
}
