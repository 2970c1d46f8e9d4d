package vn.tuquan.units;

/** A local unit was put under another parent from {@code after.validFrom()} on; the units under it followed. */
public record LocalUnitMoved(UnitView before, UnitView after) {}
