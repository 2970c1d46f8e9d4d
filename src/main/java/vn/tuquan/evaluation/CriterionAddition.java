package vn.tuquan.evaluation;

import java.util.Map;

/** A criterion the province adds (TT 124 Điều 8.1): any criterion that exists, not yet in the kind's set. */
public record CriterionAddition(
        String unitKind, String criterion, Map<String, String> params, String article, String nameVi, String nameEn) {}
