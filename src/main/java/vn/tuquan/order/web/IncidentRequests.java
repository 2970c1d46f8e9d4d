package vn.tuquan.order.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.IncidentImportProblem;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.order.IncidentRefusedException;
import vn.tuquan.order.IncidentStatus;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Period;

/** What the incidents' pages and API share: filters from request parameters, refusals in the reader's language. */
@Component
class IncidentRequests {

    private final MessageSource messages;

    IncidentRequests(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A filter from request parameters; {@code periodOf} is {@code organisation} for the agencies'
     * and enterprises' period, the residential areas' period otherwise. Unknown values are refused.
     */
    static IncidentFilter filter(Long unit, LocalDate asOf, Integer year, String periodOf, String category, String kind,
            String severity, String status) {
        Period period = year == null ? null
                : "organisation".equalsIgnoreCase(periodOf) ? Period.organisation(year) : Period.residentialArea(year);
        return new IncidentFilter(unit, asOf, period, blank(category) ? null : category.strip(),
                blank(kind) ? null : value(IncidentKind.class, kind, "kind"),
                blank(severity) ? null : severity.strip().toUpperCase(Locale.ROOT),
                blank(status) ? null : value(IncidentStatus.class, status, "status"));
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

    String message(IncidentRefusedException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    /** The field a refusal is about, named in the reader's language. */
    String field(IncidentRefusedException e) {
        return e.field() == null ? null
                : messages.getMessage("order.incident.field." + e.field(), null, e.field(), LocaleContextHolder.getLocale());
    }

    String message(IncidentImportProblem p) {
        return messages.getMessage(p.key(), p.args().stream().map(MessageArguments::display).toArray(), p.key(),
                LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
