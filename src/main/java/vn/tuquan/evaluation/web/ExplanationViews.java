package vn.tuquan.evaluation.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.evaluation.ClassificationToConfirm;
import vn.tuquan.evaluation.Classifications;
import vn.tuquan.evaluation.Explanation;
import vn.tuquan.evaluation.Explanation.Entered;
import vn.tuquan.evaluation.rules.Classification.ItemScore;
import vn.tuquan.evaluation.rules.Comparison;
import vn.tuquan.evaluation.rules.PointItem;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;

/**
 * An explanation as the page and the API show it: labels in the reader's language, values formatted
 * (1.081, 99,9%), and the link to the records behind each computed value.
 */
@Component
class ExplanationViews {

    private final MessageSource messages;
    private final FactTexts facts;
    private final Classifications classifications;

    ExplanationViews(MessageSource messages, FactTexts facts, Classifications classifications) {
        this.messages = messages;
        this.facts = facts;
        this.classifications = classifications;
    }

    /** The whole explanation: the stored data as it is, and what the page shows of it. */
    record View(
            Explanation explanation,
            String unitName,
            List<Line> criteria,
            Points classification,
            List<EnteredItem> enteredItems,
            String runs,
            String process) {}

    /** One criterion as shown: name, article, result (label), each value compared; {@code toConfirm}: marked so. */
    record Line(
            int position,
            String criterion,
            String name,
            String article,
            String result,
            String resultLabel,
            List<Value> values,
            Entered entry,
            boolean toConfirm) {

        public boolean failed() {
            return "NOT_MET".equals(result);
        }
    }

    /**
     * One value compared: the item's label, the value found and threshold as raw data and as shown,
     * the operator's symbol, the source, and the link to the records behind it ({@code null}: none).
     */
    record Value(
            String item,
            String label,
            Object value,
            String shownValue,
            String operator,
            Object threshold,
            String shownThreshold,
            String source,
            String sourceLabel,
            String records,
            String evidence,
            String enteredBy) {}

    /**
     * The classification as shown: stored or previewed, its level and points per item;
     * {@code levelsToConfirm}: the level thresholds are still to confirm (QĐ 510).
     */
    record Points(
            boolean stored,
            String level,
            String levelLabel,
            String points,
            String maxPoints,
            List<PointLine> items,
            String computedBy,
            String computedAt,
            boolean levelsToConfirm) {}

    /** An item a person scores, for the entry form. */
    record EnteredItem(String code, String name, String maxPoints) {}

    /** One item's score as shown; {@code toConfirm}: the item was not found in QĐ 510's sources. */
    record PointLine(
            String code,
            String name,
            String rule,
            String shownValue,
            String points,
            String maxPoints,
            boolean missing,
            String enteredBy,
            String evidence,
            String records,
            boolean toConfirm) {}

    View of(Explanation e, Caller caller) {
        Locale locale = locale();
        String kind = e.unit().kind();
        List<Line> lines = new ArrayList<>();
        for (var c : e.criteria()) {
            List<Value> values = c.compared().stream()
                    .map(v -> value(v, e.unit().id(), kind, e.year(), caller))
                    .toList();
            lines.add(new Line(
                    c.position(),
                    c.criterion(),
                    new Named(c.nameVi(), c.nameEn()).in(locale),
                    c.article(),
                    c.result(),
                    c.result() == null ? text("evaluation.result.none") : text("evaluation.result." + c.result()),
                    values,
                    c.entry(),
                    c.toConfirm()));
        }
        return new View(
                e,
                new Named(e.unit().name(), e.unit().nameEn()).in(locale),
                lines,
                points(e, caller),
                enteredItems(e),
                "/evaluation/units/" + e.unit().id() + "/runs",
                "/evaluation/units/" + e.unit().id() + "/years/" + e.year() + "/process");
    }

    private Value value(Comparison c, long unitId, String kind, int year, Caller caller) {
        boolean percent = FactTexts.percent(c.item());
        String source = c.source() == null ? null : c.source().name();
        return new Value(
                c.item(),
                label(c.item()),
                c.value(),
                shown(c.value(), percent),
                operator(c.operator()),
                c.threshold(),
                c.threshold() == null ? "" : shown(c.threshold(), percent),
                source,
                source == null ? "" : text("evaluation.source." + source),
                source == null || "COMPUTED".equals(source) || "CHILDREN".equals(source)
                        ? RecordLinks.of(c.item(), unitId, kind, year, caller)
                        : null,
                c.evidence(),
                c.enteredBy());
    }

    private Points points(Explanation e, Caller caller) {
        Locale locale = locale();
        if (e.classification() != null) {
            var s = e.classification();
            ClassificationToConfirm marks = classifications.toConfirm(s.unitKind());
            return new Points(
                    true,
                    s.level().name(),
                    text("evaluation.level." + s.level().name()),
                    number(s.points()),
                    number(s.maxPoints()),
                    items(s.items(), e, caller, locale, marks),
                    s.computedBy(),
                    dateTime(s.computedAt()),
                    marks.levels());
        }
        if (e.preview() != null) {
            var p = e.preview();
            ClassificationToConfirm marks = classifications.toConfirm(p.unitKind());
            return new Points(
                    false,
                    p.level().name(),
                    text("evaluation.level." + p.level().name()),
                    number(p.points()),
                    number(p.maxPoints()),
                    items(p.items(), e, caller, locale, marks),
                    null,
                    null,
                    marks.levels());
        }
        return null;
    }

    private List<EnteredItem> enteredItems(Explanation e) {
        List<ItemScore> items = e.classification() != null
                ? e.classification().items()
                : e.preview() != null ? e.preview().items() : List.of();
        Locale locale = locale();
        return items.stream()
                .filter(i -> i.rule() == PointItem.Rule.ENTERED)
                .map(i ->
                        new EnteredItem(i.code(), new Named(i.nameVi(), i.nameEn()).in(locale), number(i.maxPoints())))
                .toList();
    }

    private List<PointLine> items(
            List<ItemScore> items, Explanation e, Caller caller, Locale locale, ClassificationToConfirm marks) {
        return items.stream()
                .map(i -> {
                    boolean percent = i.rule() == PointItem.Rule.RATIO_AT_LEAST;
                    String rule = switch (i.rule()) {
                        case RATIO_AT_LEAST ->
                            text(
                                    "evaluation.classification.rule.ratio",
                                    label(i.fact()),
                                    label(i.ofFact()),
                                    shown(i.threshold(), true));
                        case AT_LEAST ->
                            text(
                                    "evaluation.classification.rule.atLeast",
                                    label(i.fact()),
                                    shown(i.threshold(), false));
                        case AT_MOST ->
                            text("evaluation.classification.rule.atMost", label(i.fact()), shown(i.threshold(), false));
                        case ENTERED -> text("evaluation.classification.rule.entered");
                    };
                    String shownValue = i.missing()
                            ? text("evaluation.value.missing")
                            : i.value() == null ? "" : shown(i.value(), percent);
                    return new PointLine(
                            i.code(),
                            new Named(i.nameVi(), i.nameEn()).in(locale),
                            rule,
                            shownValue,
                            number(i.points()),
                            number(i.maxPoints()),
                            i.missing(),
                            i.enteredBy(),
                            i.evidence(),
                            i.fact() == null
                                    ? null
                                    : RecordLinks.of(
                                            i.fact(), e.unit().id(), e.unit().kind(), e.year(), caller),
                            marks.items().contains(i.code()));
                })
                .toList();
    }

    /** A fact key in words ({@link FactTexts#label}). */
    String label(String item) {
        return facts.label(item);
    }

    private String shown(Object v, boolean percent) {
        return facts.shown(v, percent);
    }

    private static String number(Number n) {
        return FactTexts.number(n);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** 31/10/2017 21:13 in Vietnam's time. */
    private static String dateTime(OffsetDateTime t) {
        return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(Dates.VIETNAM));
    }

    private String operator(Comparison.Operator op) {
        return facts.operator(op);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
