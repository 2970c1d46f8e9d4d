package vn.tuquan.evaluation.rules;

/**
 * One criterion of the safety standard, as code: it reads the facts of one unit and one period and
 * the thresholds its rulebook gives it, and answers met / not met / needs input with the values it
 * compared. Pure Java: no Spring, no database; every implementation is unit-tested alone.
 * Implementations are stateless and named by a stable {@link #code()} that rulebooks refer to.
 */
public interface Criterion {

    /** The stable code rulebooks use, e.g. {@code HOUSEHOLDS_REGISTERED}. */
    String code();

    Outcome evaluate(Facts facts, Params params);
}
