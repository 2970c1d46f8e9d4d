package vn.tuquan.evaluation.internal;

import java.util.List;

/** The verdicts of the evaluated units that have a rulebook, and how many had none (or one without criteria). */
public record ComputedVerdicts(List<ComputedVerdict> verdicts, int withoutRulebook) {}
