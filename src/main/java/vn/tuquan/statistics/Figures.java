package vn.tuquan.statistics;

import java.util.Map;

/** The indicators of a unit and the units under it for a year, as the summaries hold them. */
public record Figures(long unitId, int year, Map<Indicator, Long> values) {

    public Figures {
        values = Map.copyOf(values);
    }

    /** The value of an indicator (zero when nothing is counted). */
    public long get(Indicator indicator) {
        return values.getOrDefault(indicator, 0L);
    }

    /** A share in per cent of two indicators, or null when the denominator is zero. */
    public Double percent(Indicator part, Indicator whole) {
        long w = get(whole);
        return w == 0 ? null : 100.0 * get(part) / w;
    }
}
