package vn.tuquan.units;

import java.time.LocalDate;
import java.util.List;

/** Many local units were created at once (the Excel import, the demo): one event, not one per unit. */
public record LocalUnitsImported(List<Long> unitIds, List<Long> parentIds, LocalDate from) {}
