package vn.tuquan.evaluation.rules;

import java.util.List;

/** What one criterion found: its result and every value it compared. */
public record Outcome(String criterion, Result result, List<Comparison> compared) {

    public Outcome {
        compared = List.copyOf(compared);
    }

    public static Outcome of(String criterion, Result result, Comparison... compared) {
        return new Outcome(criterion, result, List.of(compared));
    }
}
