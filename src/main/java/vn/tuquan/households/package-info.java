/**
 * Households of residential areas and their yearly commitments, on the units of the tree.
 */
@ApplicationModule(allowedDependencies = {"units", "shared :: exports"})
package vn.tuquan.households;

import org.springframework.modulith.ApplicationModule;
