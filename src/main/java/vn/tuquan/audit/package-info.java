/**
 * The append-only, hash-chained audit log; listens to the events of every module below it.
 */
@ApplicationModule(allowedDependencies = {"access", "units", "households", "movement", "order", "evaluation"})
package vn.tuquan.audit;

import org.springframework.modulith.ApplicationModule;
