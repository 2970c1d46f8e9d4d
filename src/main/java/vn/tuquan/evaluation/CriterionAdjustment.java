package vn.tuquan.evaluation;

import java.util.Map;

/** A change of an editable criterion's params in a provincial version (only the params named change). */
public record CriterionAdjustment(String unitKind, String criterion, Map<String, String> params) {}
