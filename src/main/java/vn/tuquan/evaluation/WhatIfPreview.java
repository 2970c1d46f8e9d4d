package vn.tuquan.evaluation;

import java.util.List;
import java.util.Map;

/** The answer of "what if": how many units were evaluated, and those whose verdict would change. */
public record WhatIfPreview(
        long unitId,
        int year,
        String criterion,
        Map<String, String> params,
        int evaluated,
        List<VerdictChange> changes) {}
