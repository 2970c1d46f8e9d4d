package vn.tuquan.evaluation.rules;

import java.util.List;

/**
 * TT 124 Điều 4 (criteria 4–5, to confirm): no crime of the class {@code fromClass} (default
 * {@code SERIOUS}) or a graver one happened during the period; at most {@code max} (0). The classes
 * of the Penal Code, lightest first: LESS_SERIOUS, SERIOUS, VERY_SERIOUS, ESPECIALLY_SERIOUS;
 * counted with {@link Fact#crimesOfClass(String)}.
 */
public final class NoSeriousCrime extends NoEvents {

    public static final String CODE = "NO_SERIOUS_CRIME";
    static final List<String> CLASSES = List.of("LESS_SERIOUS", "SERIOUS", "VERY_SERIOUS", "ESPECIALLY_SERIOUS");

    public NoSeriousCrime() {
        super(CODE);
    }

    @Override
    protected List<String> keys(Params params) {
        String from = params.text("fromClass", "SERIOUS").strip();
        int i = CLASSES.indexOf(from);
        if (i < 0) {
            throw new IllegalArgumentException("parameter fromClass is not a class of crime " + CLASSES + ": " + from);
        }
        return CLASSES.subList(i, CLASSES.size()).stream()
                .map(Fact::crimesOfClass)
                .toList();
    }
}
