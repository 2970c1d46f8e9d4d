package vn.tuquan.units;

/** A residential area or organisation was created (published in the creating transaction). */
public record LocalUnitCreated(UnitView unit) {}
