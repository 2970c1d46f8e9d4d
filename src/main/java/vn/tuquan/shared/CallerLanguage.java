package vn.tuquan.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The language an API caller reads: the one they chose ({@code ?lang=} or the {@code TUQUAN_LANG}
 * cookie), else the first of Vietnamese or English their {@code Accept-Language} names, else
 * Vietnamese. (Pages have the chosen one or Vietnamese: {@link LocaleContextHolder}.)
 */
public final class CallerLanguage {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private CallerLanguage() {}

    public static Locale of(HttpServletRequest request) {
        boolean chosen = request.getParameter("lang") != null
                || request.getCookies() != null
                        && Arrays.stream(request.getCookies()).anyMatch(c -> "TUQUAN_LANG".equals(c.getName()));
        if (chosen || request.getHeader("Accept-Language") == null) {
            return LocaleContextHolder.getLocale();
        }
        for (Locale accepted : Collections.list(request.getLocales())) {
            if ("en".equals(accepted.getLanguage()) || "vi".equals(accepted.getLanguage())) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return VIETNAMESE;
    }
}
