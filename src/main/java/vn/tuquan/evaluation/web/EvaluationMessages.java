package vn.tuquan.evaluation.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.evaluation.EvaluationRefusedException;
import vn.tuquan.evaluation.EvaluationStateException;
import vn.tuquan.shared.Named;

/** The process's refusals in the caller's language, for the pages and the API alike. */
@Component
class EvaluationMessages {

    private final MessageSource messages;

    EvaluationMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** "Ngày đăng ký: phải trong quý I …": the field's name, then why. */
    String refused(EvaluationRefusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = messages.getMessage("evaluation.process.field." + e.field(), null, e.field(), locale);
        return messages.getMessage("evaluation.process.fieldError",
                new Object[] {field, messages.getMessage(e.messageKey(), resolved(e.args(), locale), locale)}, locale);
    }

    String state(EvaluationStateException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(e.messageKey(), resolved(e.args(), locale), locale);
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /**
     * Arguments that are status keys ({@code evaluation.process.status.DRAFT}) become the status's name,
     * names in both languages ({@link Named}: criteria) the reader's.
     */
    private Object[] resolved(Object[] args, Locale locale) {
        return Arrays.stream(args).map(a -> a instanceof String s && s.startsWith("evaluation.process.status.")
                ? messages.getMessage(s, null, s, locale) : a instanceof Named n ? n.in(locale) : a).toArray();
    }
}
