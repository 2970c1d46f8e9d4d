package vn.tuquan.evaluation;

import vn.tuquan.evaluation.rules.Result;

/** A unit whose verdict would change, from → to. */
public record VerdictChange(long unitId, String code, String name, String unitKind, Result from, Result to) {}
