package vn.tuquan.order.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.PersonRefusedException;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.web.SheetExports;

/** Messages and dates of the persons' pages and API, in the reader's language. */
@Component
class PersonSheets {

    static final String XLSX = SheetExports.XLSX;
    /** The most records a list page shows (the page says how many there are in all). */
    static final int PAGE_LIMIT = 200;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final MessageSource messages;
    private final RefusalMessages refusals;

    PersonSheets(MessageSource messages, RefusalMessages refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Puts a refusal on a form page: the values typed (the form's record), the message naming the field, the field to mark. */
    void refused(Model model, Record form, PersonRefusedException e) {
        model.addAttribute("form", form);
        model.addAttribute("error", refusals.message(e));
        model.addAttribute("errorField", e.field());
    }

    /**
     * The period of a list page: the year asked for ({@code null}: every year), the window
     * ({@code periodOf}, {@link FactWindow}) and the period they give, for the filter and the
     * sentence that states it.
     */
    static void period(Model model, Integer year, String periodOf, Period period) {
        model.addAttribute("year", year);
        model.addAttribute("window", FactWindow.parse(periodOf));
        model.addAttribute("period", period);
    }

    /** A date typed as 2017-10-31 (a date input) or 31/10/2017; blank is {@code null}. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip(), DAY);
            } catch (DateTimeParseException again) {
                throw new PersonRefusedException(field, "order.persons.error.date");
            }
        }
    }

    /** An enum value from a form; blank is {@code null}, anything else not a value is refused. */
    static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new PersonRefusedException(field, "order.persons.error.choice");
        }
    }
}
