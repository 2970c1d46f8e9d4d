package vn.tuquan.households;

import java.time.LocalDate;

/** A file of households was imported under a unit (one audit entry per import). */
public record HouseholdsImported(long withinUnitId, String fileName, int rows, LocalDate from) {}
