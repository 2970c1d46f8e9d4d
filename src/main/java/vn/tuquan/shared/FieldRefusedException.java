package vn.tuquan.shared;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request refused before anything was written: one or more {@link FieldProblem}s (a field, a
 * message key saying why, its arguments). Every refusal of every module extends it, directly or
 * through {@link UnknownRecordException} (404) and {@link StateConflictException} (409), and names
 * itself by its class (incidents, hotspots, the evaluation …); nothing else is needed for the API to
 * answer it as {@code application/problem+json} in the caller's language ({@code shared.web}'s
 * {@code ApiExceptionHandler}) and for pages to show it ({@link RefusalMessages}, and a page of its
 * own when a refusal escapes a page's handler).
 *
 * <p>What a module may say of its refusals, by overriding: the API's {@link #status()} (400 here),
 * the problem's {@link #titleKey()}, and {@link #fieldLabels()} when its messages name the field
 * they are about ("Ngày đăng ký: phải trong quý I").
 */
public abstract class FieldRefusedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    protected FieldRefusedException(String field, String messageKey, Object... args) {
        this(List.of(FieldProblem.of(field, messageKey, args)));
    }

    protected FieldRefusedException(List<FieldProblem> problems) {
        this(describe(problems), problems);
    }

    /** @param description for the log (ids, keys; never a value a person typed) */
    protected FieldRefusedException(String description, List<FieldProblem> problems) {
        super(description);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found; at least one. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** The (first) field refused, or {@code null} when the refusal is about the request as a whole. */
    public String field() {
        return problems.get(0).field();
    }

    /** The (first) problem's message key. */
    public String messageKey() {
        return problems.get(0).messageKey();
    }

    /** The (first) problem's message arguments as people read them (dates 31/10/2017). */
    public Object[] args() {
        return problems.get(0).arguments().stream()
                .map(MessageArguments::display)
                .toArray();
    }

    /** The API's status: 400 (bad input). */
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    /** The status of a page this refusal keeps from being shown (one its handler does not catch): the API's. */
    public HttpStatus pageStatus() {
        return status();
    }

    /** The message key of the problem's title. */
    public String titleKey() {
        return "error.400.title";
    }

    /**
     * The prefix of the message keys naming this refusal's fields to people ({@code "order.hotspots.field."}),
     * or {@code null} when its messages say what they are about themselves.
     */
    public String fieldLabels() {
        return null;
    }

    /** Whether a problem is said with its field's name first ("Tên: chưa nhập"): when the fields have labels. */
    public boolean messageNamesField() {
        return fieldLabels() != null;
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> p.field() == null ? p.messageKey() : p.field() + ": " + p.messageKey())
                .collect(Collectors.joining(", "));
    }
}
