package vn.tuquan.order;

import java.time.LocalDate;
import java.util.List;

/**
 * A crackdown or patrol campaign (GLOSSARY: Campaign — truy quét, tuần tra): organised by a unit
 * over a period, covering units, with its forces and results, linked to the hotspots it targeted (F17).
 */
public record Campaign(
        long id,
        String name,
        Kind kind,
        long organisingUnitId,
        LocalDate startedOn,
        LocalDate endedOn,
        List<Long> unitIds,
        String forces,
        Integer officers,
        Results results,
        List<Long> hotspotIds) {

    public Campaign {
        unitIds = List.copyOf(unitIds);
        hotspotIds = List.copyOf(hotspotIds);
    }

    public enum Kind {
        CRACKDOWN,
        PATROL
    }

    /**
     * What a campaign achieved: people arrested, rings broken, hotspots cleared, items seized (a
     * number and what they were), and a summary.
     */
    public record Results(
            Integer arrests,
            Integer ringsBroken,
            Integer hotspotsCleared,
            Integer itemsSeized,
            String seizedDescription,
            String summary) {

        /** A number not given is none. */
        public Results {
            arrests = arrests == null ? 0 : arrests;
            ringsBroken = ringsBroken == null ? 0 : ringsBroken;
            hotspotsCleared = hotspotsCleared == null ? 0 : hotspotsCleared;
            itemsSeized = itemsSeized == null ? 0 : itemsSeized;
        }

        public static final Results NONE = new Results(0, 0, 0, 0, null, null);
    }

    public record Form(
            String name,
            Kind kind,
            LocalDate startedOn,
            LocalDate endedOn,
            List<Long> unitIds,
            String forces,
            Integer officers,
            Results results,
            List<Long> hotspotIds) {}

    /**
     * What may be corrected after recording: name, kind, period, the units covered, forces, officers
     * and the hotspots linked (the organising unit and the results are kept).
     */
    public record Correction(
            String name,
            Kind kind,
            LocalDate startedOn,
            LocalDate endedOn,
            List<Long> unitIds,
            String forces,
            Integer officers,
            List<Long> hotspotIds) {}

    /** The results of the campaigns under a unit that ended in a period, summed. */
    public record Totals(
            long unitId,
            LocalDate from,
            LocalDate to,
            long campaigns,
            long crackdowns,
            long patrols,
            long officers,
            long arrests,
            long ringsBroken,
            long hotspotsCleared,
            long itemsSeized) {

        /** The totals of a list of campaigns (the list shown for a count: its figures add up the same). */
        public static Totals of(long unitId, LocalDate from, LocalDate to, List<Campaign> campaigns) {
            long[] t = new long[8];
            for (Campaign c : campaigns) {
                t[0]++;
                t[c.kind() == Kind.CRACKDOWN ? 1 : 2]++;
                t[3] += c.officers() == null ? 0 : c.officers();
                t[4] += c.results().arrests();
                t[5] += c.results().ringsBroken();
                t[6] += c.results().hotspotsCleared();
                t[7] += c.results().itemsSeized();
            }
            return new Totals(unitId, from, to, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
        }
    }
}
