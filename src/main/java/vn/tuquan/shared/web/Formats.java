package vn.tuquan.shared.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats for the pages, as {@code ${@fmt.date(d)}} and {@code ${@fmt.number(n)}}: dates are
 * written 31/10/2017 in both languages (the Vietnamese administrative convention); numbers follow
 * the page's language, 1.081 in Vietnamese and 1,081 in English.
 */
@Component("fmt")
public class Formats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime odt) {
            return DATE.format(odt.atZoneSameInstant(VIETNAM));
        }
        return DATE.format(value);
    }

    public String dateTime(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime odt) {
            return DATE_TIME.format(odt.atZoneSameInstant(VIETNAM));
        }
        return DATE_TIME.format(value);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(numberLocale()).format(value);
    }

    public LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(VIETNAM);
    }

    private static Locale numberLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("vi-VN");
    }
}
