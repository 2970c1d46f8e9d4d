/**
 * The movement: model types and models, conferences, titles and emulation agreements. Counts households of
 * the residential areas.
 */
@ApplicationModule(allowedDependencies = {"units", "households", "shared :: exports"})
package vn.tuquan.movement;

import org.springframework.modulith.ApplicationModule;
