package vn.tuquan.units;

/** Boundaries were imported and changed something. */
public record UnitBoundariesImported(UnitBoundaries.BoundaryImportSummary summary, String province) {}
