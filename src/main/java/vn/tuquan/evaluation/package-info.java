/**
 * The yearly evaluation: rulebooks, periods, runs and verdicts from the registers' facts, the process from
 * registration to decision, classifications and certificates. {@code rules} is pure Java (no Spring, no
 * database).
 */
@ApplicationModule(allowedDependencies = {"units", "households", "movement", "order"})
package vn.tuquan.evaluation;

import org.springframework.modulith.ApplicationModule;
