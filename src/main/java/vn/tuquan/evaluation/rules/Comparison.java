package vn.tuquan.evaluation.rules;

/**
 * One value a criterion compared, for the explanation: the item (a fact key such as
 * {@code households.registered}), the value found, the operator and the threshold, and the source.
 * Values are numbers, booleans or {@code null} (nothing found yet).
 */
public record Comparison(String item, Object value, Operator operator, Object threshold, Source source) {

    public enum Operator {
        /** value ≥ threshold */
        AT_LEAST,
        /** value ≤ threshold */
        AT_MOST,
        /** value = threshold */
        EQUALS
    }

    public static Comparison computed(String item, Object value, Operator operator, Object threshold) {
        return new Comparison(item, value, operator, threshold, Source.COMPUTED);
    }
}
