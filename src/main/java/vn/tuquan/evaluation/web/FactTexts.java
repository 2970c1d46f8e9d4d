package vn.tuquan.evaluation.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.evaluation.rules.Comparison;
import vn.tuquan.evaluation.rules.Criteria;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.Named;

/**
 * The evaluation's facts and compared values in words, in the reader's language, for every page and
 * API that shows them (the explanation, the process page, the classification): a fact key
 * ({@code incidents.kind.CRIME}, {@code mediations.reconciledPercent}) reads "Số vụ: Tội phạm", a
 * sum of keys "Tổng số (các dòng dưới đây)", a criterion's code (the value a person entered) "Giá
 * trị do người nhập"; values 1.081, 99,5%, có/không; thresholds and operators likewise. No key, code
 * or {@code null} reaches a person.
 */
@Component
class FactTexts {

    private final MessageSource messages;
    private final Incidents incidents;

    FactTexts(MessageSource messages, Incidents incidents) {
        this.messages = messages;
        this.incidents = incidents;
    }

    /** One value compared, as shown: what it is, the value, the operator and the threshold (empty when none). */
    record Shown(String item, String label, String value, String operator, String threshold, String source) {}

    /** A fact of the stored facts as shown: what it is and its value. */
    record ShownFact(String key, String label, String value) {}

    /** The values a criterion compared (stored as JSON maps: item, value, operator, threshold, source), in words. */
    List<Shown> compared(List<Map<String, Object>> compared) {
        List<Shown> shown = new ArrayList<>();
        for (Map<String, Object> c : compared) {
            String item = c.get("item") == null ? null : c.get("item").toString();
            boolean percent = percent(item);
            String op = c.get("operator") == null ? null : c.get("operator").toString();
            String source = c.get("source") == null ? null : c.get("source").toString();
            shown.add(new Shown(
                    item,
                    label(item),
                    shown(c.get("value"), percent),
                    op == null ? "" : text("evaluation.operator." + op),
                    c.get("threshold") == null ? "" : shown(c.get("threshold"), percent),
                    source == null ? "" : text("evaluation.source." + source)));
        }
        return shown;
    }

    /** The stored facts (fact key → count), each in words: this period's by key, then the period before's. */
    List<ShownFact> facts(Map<String, Object> facts) {
        List<ShownFact> shown = new ArrayList<>();
        facts.keySet().stream()
                .sorted(Comparator.comparing((String k) -> k.startsWith("previous."))
                        .thenComparing(k -> k.startsWith("previous.") ? k.substring("previous.".length()) : k))
                .forEach(key -> shown.add(new ShownFact(key, label(key), shown(facts.get(key), percent(key)))));
        return shown;
    }

    static boolean percent(String item) {
        return item != null && item.endsWith("Percent");
    }

    /** A fact key in words: {@code incidents.kind.CRIME} → "Số vụ: Tội phạm". */
    String label(String item) {
        if (item == null) {
            return "";
        }
        if (item.startsWith("previous.")) {
            return text("evaluation.fact.previous", label(item.substring("previous.".length())));
        }
        if (item.contains("+")) { // a criterion's sum of several facts, each shown on its own line below
            return text("evaluation.fact.sum");
        }
        if (Criteria.exists(item)) { // the value a person entered for the criterion
            return text("evaluation.fact.entered");
        }
        if (item.startsWith("incidents.kind.")) {
            String kind = item.substring("incidents.kind.".length());
            return text("evaluation.fact.incidentsOfKind", text("order.incident.kind." + kind));
        }
        if (item.startsWith("incidents.category.")) {
            String code = item.substring("incidents.category.".length());
            String name = incidents
                    .category(code)
                    .map(c -> c.name(LocaleContextHolder.getLocale()))
                    .orElse(code);
            return text("evaluation.fact.incidentsOfCategory", name);
        }
        if (item.startsWith("crimes.severity.")) {
            return text(
                    "evaluation.fact.crimesOfClass",
                    text("order.incident.severity." + item.substring("crimes.severity.".length())));
        }
        String own = messages.getMessage("evaluation.fact." + item, null, null, LocaleContextHolder.getLocale());
        if (own != null) {
            return own;
        }
        if (percent(item)) { // "the share of" the part the criterion compared
            return text("evaluation.fact.percentOf", label(item.substring(0, item.length() - "Percent".length())));
        }
        return text("evaluation.fact.other");
    }

    /** A value as shown: 1.081, 99,5% (a share), có/không, "chưa có số liệu" for none. */
    String shown(Object v, boolean percent) {
        if (v == null) {
            return text("evaluation.value.missing");
        }
        if (v instanceof Boolean b) {
            return text(b ? "evaluation.value.yes" : "evaluation.value.no");
        }
        if (v instanceof Number n) {
            String s = number(n);
            return percent ? text("evaluation.value.percent", s) : s;
        }
        return v.toString();
    }

    String operator(Comparison.Operator op) {
        return op == null ? "" : text("evaluation.operator." + op.name());
    }

    /** As the pages' {@code @fmt}: 1.081 and 99,5 in Vietnamese, 1,081 and 99.5 in English. */
    static String number(Number n) {
        if (n == null) {
            return "";
        }
        Locale locale = Named.english() ? Locale.UK : Locale.forLanguageTag("vi-VN");
        return NumberFormat.getNumberInstance(locale).format(n instanceof BigDecimal d ? d.stripTrailingZeros() : n);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
