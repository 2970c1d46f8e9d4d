package vn.tuquan.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tuquan.units.Predecessor;

/**
 * A unit's figures over years across the reorganisations recorded (docs/statistics.md, "Across the 2025
 * reform"): each year its own, or the sum of the units that went whole into it, or none where a unit that
 * went into it was split.
 */
public record Trend(long unitId, List<Year> years) {

    public Trend {
        years = List.copyOf(years);
    }

    /** Where a year's figures come from. */
    public enum Source {
        /** The unit's own subtree on the year's tree day: it was then what it is. */
        SELF,
        /** The sum of the subtrees of the units that went whole into it (itself among them when it existed). */
        PREDECESSORS,
        /** None: a unit it was made of went into it only in part, or what it was made of is not recorded. */
        NOT_COMPARABLE
    }

    /**
     * One year of the trend.
     *
     * @param figures null when not comparable
     * @param from the units it was made of on the year's tree day (empty for {@link Source#SELF}), as they were
     *     that day, each with its share
     */
    public record Year(int year, Source source, Figures figures, List<Predecessor> from) {

        public Year {
            from = List.copyOf(from);
        }

        public boolean comparable() {
            return source != Source.NOT_COMPARABLE;
        }

        /** The units that make the year not comparable: split, or of unrecorded origin. */
        public List<Predecessor> notComparableBecause() {
            return from.stream()
                    .filter(p -> p.share() != Predecessor.Share.WHOLE)
                    .toList();
        }
    }

    /** The figures of the comparable years, oldest first. */
    public Map<Integer, Figures> figures() {
        Map<Integer, Figures> figures = new LinkedHashMap<>();
        years.stream().filter(Year::comparable).forEach(y -> figures.put(y.year(), y.figures()));
        return figures;
    }
}
