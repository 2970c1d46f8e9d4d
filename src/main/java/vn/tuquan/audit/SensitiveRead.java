package vn.tuquan.audit;

import java.util.List;

/**
 * Publish this (Spring's {@code ApplicationEventPublisher}) when a person reads a sensitive record
 * (a drug user, a tip-off, a person under re-education): the audit log records it as
 * {@link AuditAction#READ_SENSITIVE} in a transaction of its own, so the read is recorded even when
 * the reading transaction is read-only or rolls back.
 *
 * @param fields the names of the sensitive fields shown (never their values)
 */
public record SensitiveRead(String module, String entityType, String entityId, Long unitId, List<String> fields) {}
