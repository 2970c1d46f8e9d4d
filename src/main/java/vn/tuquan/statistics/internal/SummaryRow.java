package vn.tuquan.statistics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code statistics_unit_year}: what the registers hold of one unit itself in one year, and
 * where the unit stood in the tree on the period's last day. {@link #COLUMNS} names the counts in the
 * order of {@link #values}.
 */
public record SummaryRow(int year, long unitId, String unitKind, String path, Long communeId, int[] values) {

    /** The count columns, in the order of {@link #values()}. */
    public static final List<String> COLUMNS = List.of(
            "households",
            "households_registered",
            "households_signed",
            "incidents",
            "crimes",
            "crimes_less_serious",
            "crimes_serious",
            "crimes_very_serious",
            "crimes_especially_serious",
            "security_events",
            "social_evils",
            "drug_offences",
            "accidents_and_fires",
            "serious_subjective",
            "drug_users_present",
            "drug_users_new",
            "mediations",
            "mediations_reconciled",
            "re_educations",
            "recognised",
            "models",
            "models_effective",
            "cameras",
            "conferences_interim",
            "conferences_final",
            "catholic_families_titled",
            "advanced_parish",
            "cultural_standard_area",
            "advanced_example",
            "hotspots_complex",
            "hotspots_contained",
            "hotspots_stable",
            "classification_level",
            "staff",
            "staff_briefed",
            "staff_signed",
            "campaigns",
            "campaign_officers",
            "campaign_arrests",
            "campaign_rings_broken",
            "campaign_hotspots_cleared",
            "campaign_items_seized",
            "households_catholic");

    public SummaryRow {
        if (values.length != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " values, got " + values.length);
        }
        values = values.clone();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    /** The count of a column. */
    public int value(String column) {
        int i = COLUMNS.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(column);
        }
        return values[i];
    }

    /** The columns whose counts or place differ from another row of the same unit and year. */
    public List<String> differences(SummaryRow other) {
        List<String> differ = new ArrayList<>();
        if (!unitKind.equals(other.unitKind)) {
            differ.add("unit_kind");
        }
        if (!path.equals(other.path)) {
            differ.add("path");
        }
        if (communeId == null ? other.communeId != null : !communeId.equals(other.communeId)) {
            differ.add("commune_id");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != other.values[i]) {
                differ.add(COLUMNS.get(i));
            }
        }
        return differ;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SummaryRow r
                && r.year == year
                && r.unitId == unitId
                && differences(r).isEmpty();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(unitId) * 31 + year;
    }

    @Override
    public String toString() {
        return "SummaryRow[" + year + ", " + unitId + ", " + unitKind + ", " + path + ", " + communeId + ", "
                + Arrays.toString(values) + "]";
    }
}
