package vn.tuquan.evaluation;

/**
 * A bulk run computed the proposed verdicts of every evaluated unit under a unit for a year and
 * stored them: how many units were evaluated, with which verdicts, and how many rows were inserted,
 * changed, left as they were, or kept because locked or decided.
 */
public record EvaluationRunCompleted(long unitId, int year, RunSummary summary) {}
