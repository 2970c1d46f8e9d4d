package vn.tuquan.statistics;

import vn.tuquan.units.UnitView;

/** A child of a unit (as it stood on the year's tree day) with the figures of its subtree. */
public record ChildFigures(UnitView unit, Figures figures) {}
