package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** One unit's stored evaluation with its facts and each criterion's outcome (as stored, JSON). */
public record StoredEvaluation(
        long unitId,
        String code,
        String name,
        int year,
        String unitKind,
        LocalDate periodFrom,
        LocalDate periodTo,
        String status,
        String proposed,
        boolean locked,
        long rulebookId,
        String rulebook,
        String regulation,
        OffsetDateTime computedAt,
        JsonNode facts,
        JsonNode outcomes) {}
