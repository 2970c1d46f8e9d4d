/**
 * Statistics of the movement (issue 16): summaries per year and unit kept current in the transaction
 * that writes a register, the indicators read from them for any subtree, and their reconciliation
 * with the registers (docs/statistics.md). Reads the registers through their modules' published
 * APIs and events; owns its tables ({@code statistics_*}).
 */
@ApplicationModule(
        allowedDependencies = {"units", "households", "movement", "order", "evaluation", "shared :: exports"})
package vn.tuquan.statistics;

import org.springframework.modulith.ApplicationModule;
