package vn.tuquan.shared.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Named;

/**
 * Formats for the pages, as {@code ${@fmt.date(d)}}, {@code ${@fmt.number(n)}} and
 * {@code ${@fmt.year(y)}}: dates are written 31/10/2017 in both languages (the Vietnamese
 * administrative convention); numbers follow the page's language, 1.081 in Vietnamese and 1,081 in
 * English; years are names, not quantities: 2017 in both languages, never 2.017 or 2,017. A year
 * given to a message goes through {@link #year} (a message's {@code {0}} would group its digits).
 */
@Component("fmt")
public class Formats {

    private static final ZoneId VIETNAM = Dates.VIETNAM;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(TemporalAccessor value) {
        return format(value, DATE);
    }

    public String dateTime(TemporalAccessor value) {
        return format(value, DATE_TIME);
    }

    public String number(Number value) {
        return value == null
                ? ""
                : NumberFormat.getNumberInstance(numberLocale()).format(value);
    }

    /** A year as people write it, 2017 in both languages; "" for none. */
    public String year(Number year) {
        return MessageArguments.year(year);
    }

    public LocalDate today() {
        return Dates.today();
    }

    /** Instants (with an offset or not) are shown in Vietnam's time; local dates and times as they are. */
    private static String format(TemporalAccessor value, DateTimeFormatter formatter) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime odt) {
            return formatter.format(odt.atZoneSameInstant(VIETNAM));
        }
        if (value instanceof Instant instant) {
            return formatter.format(instant.atZone(VIETNAM));
        }
        return formatter.format(value);
    }

    private static Locale numberLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return Named.english(locale) ? Locale.UK : Locale.forLanguageTag("vi-VN");
    }
}
