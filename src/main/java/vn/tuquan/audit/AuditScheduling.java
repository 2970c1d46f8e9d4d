package vn.tuquan.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit log's timed work: writing the counts of refused requests ({@link RefusalsAuditor#flush()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {}
