package vn.tuquan.evaluation.rules;

/**
 * One value a criterion compared, for the explanation: the item (a fact key such as
 * {@code households.registered}), the value found, the operator and the threshold, and the source.
 * Values are numbers, booleans or {@code null} (nothing found yet). A value a person entered carries
 * the evidence they gave and who they are ({@code null} for computed values).
 */
public record Comparison(
        String item,
        Object value,
        Operator operator,
        Object threshold,
        Source source,
        String evidence,
        String enteredBy) {

    public enum Operator {
        /** value ≥ threshold */
        AT_LEAST,
        /** value ≤ threshold */
        AT_MOST,
        /** value = threshold */
        EQUALS
    }

    public Comparison(String item, Object value, Operator operator, Object threshold, Source source) {
        this(item, value, operator, threshold, source, null, null);
    }

    public static Comparison computed(String item, Object value, Operator operator, Object threshold) {
        return new Comparison(item, value, operator, threshold, Source.COMPUTED);
    }

    /** A value entered by a person (or still to be entered, {@code entry == null}), to equal the threshold. */
    public static Comparison entered(String item, Entry entry, Object threshold) {
        return entry == null
                ? new Comparison(item, null, Operator.EQUALS, threshold, Source.ENTERED)
                : new Comparison(
                        item,
                        entry.value(),
                        Operator.EQUALS,
                        threshold,
                        Source.ENTERED,
                        entry.evidence(),
                        entry.enteredBy());
    }
}
