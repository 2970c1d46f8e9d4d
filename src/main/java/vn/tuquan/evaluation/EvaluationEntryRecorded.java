package vn.tuquan.evaluation;

import java.util.Map;

/**
 * A person entered (or changed) the value of a criterion of a self-assessment, with its evidence;
 * published inside the writing transaction so the audit log records it with the write.
 *
 * @param before the entry before ({@code value}, {@code evidence}, {@code enteredBy}), {@code null} when new
 * @param after  the entry saved
 */
public record EvaluationEntryRecorded(
        long evaluationId,
        long unitId,
        int year,
        String criterion,
        Map<String, Object> before,
        Map<String, Object> after) {}
