package vn.tuquan.households;

import java.time.LocalDate;
import java.util.Map;

/**
 * A file of households was imported under a unit (one audit entry per import): {@code added} holds, for
 * each residential area its rows named, how many new households live there from the day, and
 * {@code catholic} how many of them are Catholic (areas with none are left out).
 */
public record HouseholdsImported(
        long withinUnitId,
        String fileName,
        int rows,
        LocalDate from,
        Map<Long, Integer> added,
        Map<Long, Integer> catholic) {

    public HouseholdsImported {
        added = Map.copyOf(added);
        catholic = Map.copyOf(catholic);
    }
}
