/**
 * The tree of units with history, residential areas and organisations: the layer every register hangs on.
 * Its API is this package; {@code internal} and {@code web} are hidden.
 */
@ApplicationModule(allowedDependencies = {})
package vn.tuquan.units;

import org.springframework.modulith.ApplicationModule;
