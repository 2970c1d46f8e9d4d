package vn.tuquan.households;

import java.time.LocalDate;
import java.util.Set;

/**
 * A file of households was imported under a unit (one audit entry per import): the residential areas its
 * rows named ({@code areaIds}) now hold them from the day.
 */
public record HouseholdsImported(long withinUnitId, String fileName, int rows, LocalDate from, Set<Long> areaIds) {

    public HouseholdsImported {
        areaIds = Set.copyOf(areaIds);
    }
}
