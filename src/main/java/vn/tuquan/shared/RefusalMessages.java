package vn.tuquan.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Refusals in the reader's language, for pages (and the API's problems, which say the same): a
 * refusal as one sentence, each field's problem for a form, a refused file's problems. Arguments
 * read as people read them: dates 31/10/2017, a {@link Named} in the reader's language, a
 * {@link org.springframework.context.MessageSourceResolvable} (a label, a status) resolved. The
 * methods without a locale use the request's (the page's language).
 */
@Component
public class RefusalMessages {

    private final MessageSource messages;

    RefusalMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal as people read it: its first problem, named by its field when the refusal names fields. */
    public String message(FieldRefusedException refusal) {
        return message(refusal, refusal.problems().get(0), locale());
    }

    /** One problem of the refusal: "Ngày đăng ký: phải trong quý I …", or only why when its messages say it. */
    public String message(FieldRefusedException refusal, FieldProblem problem, Locale locale) {
        String why = why(problem, locale);
        String field = refusal.messageNamesField() ? fieldName(refusal, problem.field(), locale) : null;
        return field == null ? why : messages.getMessage("error.field", new Object[] {field, why}, locale);
    }

    /** Why, without the field's name: what a form shows beside the field. */
    public String why(FieldProblem problem) {
        return why(problem, locale());
    }

    public String why(FieldProblem problem, Locale locale) {
        return text(problem.messageKey(), problem.arguments(), locale);
    }

    /** The field's name as people read it ("Ngày đăng ký"), or {@code null} when the refusal names none. */
    public String fieldName(FieldRefusedException refusal, String field, Locale locale) {
        if (field == null || refusal.fieldLabels() == null) {
            return null;
        }
        return messages.getMessage(refusal.fieldLabels() + field, null, field, locale);
    }

    /**
     * Each field refused and why, in order, for a form (a field with several problems: each, joined by
     * "; "); a problem without a field is left out.
     */
    public Map<String, String> byField(FieldRefusedException refusal) {
        Locale locale = locale();
        Map<String, String> byField = new LinkedHashMap<>();
        refusal.problems().stream()
                .filter(p -> p.field() != null)
                .forEach(p -> byField.merge(p.field(), why(p, locale), (a, b) -> a + "; " + b));
        return byField;
    }

    /** One problem of a refused file, with where it is first when the refusal says so ("a.csv, dòng 3: …"). */
    public String message(FileRefusedException refusal, RowProblem problem, Locale locale) {
        return refusal.messageNamesPlace() ? withPlace(problem, locale) : why(problem, locale);
    }

    /** Why, without where: what a table of the file's rows shows beside the row and column. */
    public String why(RowProblem problem, Locale locale) {
        return text(problem.messageKey(), problem.arguments(), locale);
    }

    /** Where, then why: "danh-muc.csv, dòng 3: đơn vị mã 99702 không có tên" (a problem or a warning of an import). */
    public String withPlace(RowProblem problem, Locale locale) {
        return place(problem, locale) + ": " + why(problem, locale);
    }

    private String place(RowProblem problem, Locale locale) {
        if (problem.position() != null) {
            return messages.getMessage("error.at.position", new Object[] {problem.file(), problem.position()}, locale);
        }
        if (problem.line() != null && problem.line() > 0) {
            return messages.getMessage("error.at.line", new Object[] {problem.file(), problem.line()}, locale);
        }
        return problem.file();
    }

    private String text(String key, List<Object> arguments, Locale locale) {
        Object[] args = arguments.stream()
                .map(MessageArguments::display)
                .map(a -> a instanceof Named named ? named.in(locale) : a)
                .toArray();
        return messages.getMessage(key, args, key, locale);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
