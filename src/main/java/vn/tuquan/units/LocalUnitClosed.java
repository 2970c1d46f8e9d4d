package vn.tuquan.units;

import java.time.LocalDate;

/** A local unit, and the units under it, ended on {@code on}. */
public record LocalUnitClosed(UnitView before, LocalDate on) {}
