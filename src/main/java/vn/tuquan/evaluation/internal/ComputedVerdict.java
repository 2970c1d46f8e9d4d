package vn.tuquan.evaluation.internal;

import vn.tuquan.evaluation.RulebookInForce;
import vn.tuquan.evaluation.rules.CriteriaSet;
import vn.tuquan.evaluation.rules.Facts;

/** One unit's verdict: its facts (with the entries and, for a commune, its children's counts), its rulebook. */
public record ComputedVerdict(
        GatheredUnit unit, RulebookInForce rulebook, Facts facts, CriteriaSet.Evaluation evaluation) {}
