package vn.tuquan.evaluation;

import java.util.List;
import java.util.Map;

/** A version with the version it was based on (a province's), who made it, and its criteria per unit kind in order. */
public record RulebookVersionDetail(
        RulebookVersion rulebook, Long basedOn, String createdBy, Map<String, List<RulebookCriterion>> criteria) {}
