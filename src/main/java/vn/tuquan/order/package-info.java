/**
 * The security-and-order registers: incidents, drug users, mediations, re-education cases, hotspots and
 * campaigns, and {@link vn.tuquan.order.OrderFacts}, the read model the evaluation counts from. Its API is
 * this package (facades, forms, values, events, refusals); {@code internal} holds the machinery and
 * {@code web} the pages and the API.
 */
@ApplicationModule(allowedDependencies = {"units", "shared :: exports"})
package vn.tuquan.order;

import org.springframework.modulith.ApplicationModule;
