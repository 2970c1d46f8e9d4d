package vn.tuquan.evaluation.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The criteria a rulebook applies to one unit kind, in the regulation's order: a unit is recognised
 * safe when every one is met.
 */
public record CriteriaSet(String rulebook, String unitKind, List<Rule> rules) {

    public CriteriaSet {
        rules = List.copyOf(rules);
    }

    /** Evaluates every rule against the facts; an unknown criterion code is refused. */
    public Evaluation evaluate(Facts facts) {
        List<Outcome> outcomes = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            outcomes.add(Criteria.get(rule.criterion()).evaluate(facts, rule.params()));
        }
        return new Evaluation(
                Result.combine(outcomes.stream().map(Outcome::result).toList()), outcomes);
    }

    /** The verdict of a criteria set for one unit and period, with each criterion's outcome. */
    public record Evaluation(Result result, List<Outcome> outcomes) {

        public Evaluation {
            outcomes = List.copyOf(outcomes);
        }
    }
}
