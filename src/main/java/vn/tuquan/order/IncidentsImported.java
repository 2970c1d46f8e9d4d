package vn.tuquan.order;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.tuquan.order.internal.CheckedIncident;
import vn.tuquan.shared.Dates;

/**
 * A file of incidents was imported, all rows at once (one audit entry per file): the unit when they
 * are all of one unit, every unit they were recorded in, and the first and last day (Vietnam's) they
 * happened on — what a reader kept per unit and period must count again.
 */
public record IncidentsImported(
        String fileName, int incidents, Long unitId, Set<Long> unitIds, LocalDate firstDay, LocalDate lastDay) {

    public IncidentsImported {
        unitIds = Set.copyOf(unitIds);
    }

    /** The event of incidents recorded at once. */
    static IncidentsImported of(String fileName, List<CheckedIncident> rows) {
        Set<Long> units = new HashSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (var row : rows) {
            units.add(row.unitId());
            LocalDate day = row.occurredAt().atZoneSameInstant(Dates.VIETNAM).toLocalDate();
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }
        return new IncidentsImported(
                fileName, rows.size(), units.size() == 1 ? units.iterator().next() : null, units, first, last);
    }
}
