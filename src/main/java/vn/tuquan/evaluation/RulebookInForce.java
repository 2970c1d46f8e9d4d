package vn.tuquan.evaluation;

import vn.tuquan.evaluation.rules.CriteriaSet;

/** A rulebook version and its criteria set for one unit kind. */
public record RulebookInForce(RulebookVersion rulebook, CriteriaSet criteria) {}
