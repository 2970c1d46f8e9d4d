package vn.tuquan.units;

/** A local unit got a new name, sub-kind, code or organisation facts from {@code after.validFrom()} on. */
public record LocalUnitEdited(UnitView before, UnitView after) {}
