package vn.tuquan.evaluation;

import java.util.Map;

/**
 * A step of an evaluation's process was taken (registered, started the self-assessment, submitted,
 * accepted, returned, recognised, rejected, reopened); published inside the writing transaction so
 * the audit log records it with the write.
 *
 * @param from   the status before, {@code null} when the unit registered without a proposal
 * @param to     the status after
 * @param reason the reasons given (return, rejection, reopening), or {@code null}
 * @param detail what else the step recorded (the registration day, the decision), may be empty
 */
public record EvaluationStepTaken(
        long evaluationId, long unitId, int year, String from, String to, String reason, Map<String, Object> detail) {}
