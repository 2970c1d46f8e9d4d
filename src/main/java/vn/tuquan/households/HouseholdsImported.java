package vn.tuquan.households;

import java.time.LocalDate;
import java.util.Map;

/**
 * A file of households was imported under a unit (one audit entry per import): {@code added} holds, for
 * each residential area its rows named, how many new households live there from the day.
 */
public record HouseholdsImported(
        long withinUnitId, String fileName, int rows, LocalDate from, Map<Long, Integer> added) {

    public HouseholdsImported {
        added = Map.copyOf(added);
    }
}
