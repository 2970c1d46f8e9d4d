package vn.tuquan.units;

import vn.tuquan.shared.MessageArguments;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Renders an import problem as "file, line 12: reason" in the reader's language. */
public final class ImportMessages {


    private ImportMessages() {
    }

    public static String render(MessageSource messages, ImportRefusedException.Problem problem, Locale locale) {
        Object[] arguments = problem.arguments().stream()
                .map(a -> a instanceof String s && s.startsWith("units.kind.") ? messages.getMessage(s, null, locale) : a)
                .map(MessageArguments::display)
                .toArray();
        String reason = messages.getMessage(problem.messageKey(), arguments, locale);
        String where;
        if (problem.position() != null) {
            where = messages.getMessage("units.import.at.position", new Object[] {problem.file(), problem.position()}, locale);
        } else if (problem.line() > 0) {
            where = messages.getMessage("units.import.at.line", new Object[] {problem.file(), problem.line()}, locale);
        } else {
            where = problem.file();
        }
        return where + ": " + reason;
    }
}
