package vn.tuquan.order.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.order.IncidentRefusedException;
import vn.tuquan.order.IncidentStatus;
import vn.tuquan.shared.Period;

/** What the incidents' pages and API share: filters from request parameters, texts in the reader's language. */
@Component
class IncidentRequests {

    private final MessageSource messages;

    IncidentRequests(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A filter from request parameters; {@code periodOf} names the window of the year
     * ({@link FactWindow#parse}: {@code organisation} for communes' and organisations', the residential
     * areas' otherwise). Category, kind and severity may each be given several times (or comma
     * separated): any of them. Unknown values are refused.
     */
    static IncidentFilter filter(
            Long unit,
            LocalDate asOf,
            Integer year,
            String periodOf,
            List<String> category,
            List<String> kind,
            List<String> severity,
            String status,
            Boolean subjective) {
        Period period = year == null ? null : FactWindow.parse(periodOf).period(year);
        return new IncidentFilter(
                unit,
                asOf,
                period,
                values(category, s -> s),
                values(kind, k -> value(IncidentKind.class, k, "kind")),
                values(severity, s -> s.toUpperCase(Locale.ROOT)),
                blank(status) ? null : value(IncidentStatus.class, status, "status"),
                subjective);
    }

    private static <T> Set<T> values(List<String> given, Function<String, T> read) {
        Set<T> values = new LinkedHashSet<>();
        if (given != null) {
            for (String g : given) {
                for (String part : g == null ? new String[0] : g.split(",")) {
                    if (!part.isBlank()) {
                        values.add(read.apply(part.strip()));
                    }
                }
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IncidentRefusedException(field, "order.incident.refused.filter", text);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
