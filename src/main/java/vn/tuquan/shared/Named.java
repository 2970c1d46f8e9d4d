package vn.tuquan.shared;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A name in both languages: the one switch between a Vietnamese and an English name. A page picks
 * {@code new Named(nameVi, nameEn).in(locale)}; as a message argument that must read in the
 * reader's language (a criterion's name in a refusal), the web layer that renders the message picks
 * {@link #in(Locale)}, and anywhere else it reads in Vietnamese.
 */
public record Named(String vi, String en) {

    /** English when the locale reads English and there is an English name; else Vietnamese. */
    public String in(Locale locale) {
        return english(locale) && en != null && !en.isBlank() ? en : vi;
    }

    /** Whether the locale reads English; every other reads Vietnamese, the product's language. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The locale a language option names ({@code --lang en}): English for {@code en}, else Vietnamese. */
    public static Locale locale(String language) {
        return Locale.forLanguageTag("en".equals(language) ? "en" : "vi");
    }

    /** Whether the page or answer being built reads English ({@link LocaleContextHolder}'s locale). */
    public static boolean english() {
        return english(LocaleContextHolder.getLocale());
    }

    @Override
    public String toString() {
        return vi;
    }
}
