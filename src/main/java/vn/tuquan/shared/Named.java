package vn.tuquan.shared;

import java.util.Locale;

/**
 * A name in both languages, as a message argument that must read in the reader's language (a
 * criterion's name in a refusal): the web layer that renders the message picks {@link #in(Locale)};
 * anywhere else it reads in Vietnamese.
 */
public record Named(String vi, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }

    @Override
    public String toString() {
        return vi;
    }
}
