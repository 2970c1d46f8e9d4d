/**
 * The deterministic demo dataset, loaded through the modules' APIs.
 */
@ApplicationModule(allowedDependencies = {"access", "units", "households", "movement", "order", "evaluation"})
package vn.tuquan.demo;

import org.springframework.modulith.ApplicationModule;
