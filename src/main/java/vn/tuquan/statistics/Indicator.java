package vn.tuquan.statistics;

import java.util.Locale;
import java.util.Optional;

/**
 * The movement's indicators, each defined once: its code (in URLs and the API), its name (message key
 * {@code statistics.indicator.<code>}, Vietnamese and English), and how it is read from the summaries
 * of a subtree (docs/statistics.md lists the records behind each).
 *
 * <p>{@link Measure#SUM} adds a count of records over the units of the subtree; {@link Measure#UNITS}
 * counts the units of the subtree of a kind that satisfy a condition on their own row (a residential
 * area with no crime is a flag on its row, counted, never derived from sums); {@link Measure#COMMUNES}
 * counts the communes of the subtree whose whole subtree satisfies a condition on its sums.
 */
public enum Indicator {
    RESIDENTIAL_AREAS(Measure.UNITS, "unit_kind = 'RESIDENTIAL_AREA'"),
    AREAS_ALL_REGISTERED(
            Measure.UNITS, "unit_kind = 'RESIDENTIAL_AREA' AND households > 0 AND households_registered = households"),
    AREAS_NO_CRIME(Measure.UNITS, "unit_kind = 'RESIDENTIAL_AREA' AND crimes = 0"),
    AREAS_NO_DRUG_USER(Measure.UNITS, "unit_kind = 'RESIDENTIAL_AREA' AND drug_users_present = 0"),
    COMMUNES(Measure.UNITS, "unit_kind = 'COMMUNE'"),
    COMMUNES_NO_CRIME(Measure.COMMUNES, "sum(crimes) = 0"),
    COMMUNES_NO_DRUG_USER(Measure.COMMUNES, "sum(drug_users_present) = 0"),
    ORGANISATIONS(
            Measure.UNITS,
            "unit_kind IN ('AGENCY', 'ENTERPRISE', 'INDUSTRIAL_ZONE', 'SCHOOL', 'HOSPITAL', 'PARISH', 'SUB_PARISH', 'PAGODA')"),
    AREAS_RECOGNISED(Measure.UNITS, "unit_kind = 'RESIDENTIAL_AREA' AND recognised = 1"),
    COMMUNES_RECOGNISED(Measure.UNITS, "unit_kind = 'COMMUNE' AND recognised = 1"),
    ORGANISATIONS_RECOGNISED(
            Measure.UNITS,
            "unit_kind IN ('AGENCY', 'ENTERPRISE', 'INDUSTRIAL_ZONE', 'SCHOOL', 'HOSPITAL', 'PARISH', 'SUB_PARISH', 'PAGODA')"
                    + " AND recognised = 1"),
    HOUSEHOLDS(Measure.SUM, "households"),
    HOUSEHOLDS_REGISTERED(Measure.SUM, "households_registered"),
    HOUSEHOLDS_SIGNED(Measure.SUM, "households_signed"),
    INCIDENTS(Measure.SUM, "incidents"),
    CRIMES(Measure.SUM, "crimes"),
    CRIMES_LESS_SERIOUS(Measure.SUM, "crimes_less_serious"),
    CRIMES_SERIOUS(Measure.SUM, "crimes_serious"),
    CRIMES_VERY_SERIOUS(Measure.SUM, "crimes_very_serious"),
    CRIMES_ESPECIALLY_SERIOUS(Measure.SUM, "crimes_especially_serious"),
    SECURITY_EVENTS(Measure.SUM, "security_events"),
    SOCIAL_EVILS(Measure.SUM, "social_evils"),
    DRUG_OFFENCES(Measure.SUM, "drug_offences"),
    ACCIDENTS_AND_FIRES(Measure.SUM, "accidents_and_fires"),
    SERIOUS_SUBJECTIVE(Measure.SUM, "serious_subjective"),
    DRUG_USERS_PRESENT(Measure.SUM, "drug_users_present"),
    DRUG_USERS_NEW(Measure.SUM, "drug_users_new"),
    MEDIATIONS(Measure.SUM, "mediations"),
    MEDIATIONS_RECONCILED(Measure.SUM, "mediations_reconciled"),
    RE_EDUCATIONS(Measure.SUM, "re_educations"),
    MODELS(Measure.SUM, "models"),
    MODELS_EFFECTIVE(Measure.SUM, "models_effective"),
    CAMERAS(Measure.SUM, "cameras"),
    CONFERENCES_INTERIM(Measure.SUM, "conferences_interim"),
    CONFERENCES_FINAL(Measure.SUM, "conferences_final"),
    CATHOLIC_FAMILIES_TITLED(Measure.SUM, "catholic_families_titled"),
    PARISHES(Measure.UNITS, "unit_kind IN ('PARISH', 'SUB_PARISH')"),
    PARISHES_ADVANCED(Measure.UNITS, "unit_kind IN ('PARISH', 'SUB_PARISH') AND advanced_parish = 1"),
    AREAS_CULTURAL_STANDARD(Measure.UNITS, "unit_kind = 'RESIDENTIAL_AREA' AND cultural_standard_area = 1"),
    UNITS_ADVANCED_EXAMPLE(Measure.UNITS, "advanced_example = 1"),
    HOTSPOTS(Measure.SUM, "hotspots_complex + hotspots_contained + hotspots_stable"),
    HOTSPOTS_COMPLEX(Measure.SUM, "hotspots_complex"),
    HOTSPOTS_CONTAINED(Measure.SUM, "hotspots_contained"),
    HOTSPOTS_STABLE(Measure.SUM, "hotspots_stable"),
    UNITS_CLASSIFIED(Measure.UNITS, "classification_level > 0"),
    UNITS_CLASSIFIED_EXCELLENT(Measure.UNITS, "classification_level = 1"),
    UNITS_CLASSIFIED_GOOD(Measure.UNITS, "classification_level = 2"),
    UNITS_CLASSIFIED_AVERAGE(Measure.UNITS, "classification_level = 3"),
    UNITS_CLASSIFIED_WEAK(Measure.UNITS, "classification_level = 4"),
    ORGANISATIONS_COMMITTED(Measure.UNITS, "staff > 0"),
    STAFF(Measure.SUM, "staff"),
    STAFF_BRIEFED(Measure.SUM, "staff_briefed"),
    STAFF_SIGNED(Measure.SUM, "staff_signed"),
    CAMPAIGNS(Measure.SUM, "campaigns"),
    CAMPAIGN_OFFICERS(Measure.SUM, "campaign_officers"),
    CAMPAIGN_ARRESTS(Measure.SUM, "campaign_arrests"),
    CAMPAIGN_RINGS_BROKEN(Measure.SUM, "campaign_rings_broken"),
    CAMPAIGN_HOTSPOTS_CLEARED(Measure.SUM, "campaign_hotspots_cleared"),
    CAMPAIGN_ITEMS_SEIZED(Measure.SUM, "campaign_items_seized"),
    HOUSEHOLDS_CATHOLIC(Measure.SUM, "households_catholic");

    /** How an indicator is read from the rows of a subtree. */
    public enum Measure {
        /** The sum of a column: records. */
        SUM,
        /** The units whose own row satisfies a condition. */
        UNITS,
        /** The communes whose subtree's sums satisfy a condition. */
        COMMUNES
    }

    private final Measure measure;
    private final String sql;

    Indicator(Measure measure, String sql) {
        this.measure = measure;
        this.sql = sql;
    }

    public Measure measure() {
        return measure;
    }

    /** The column ({@link Measure#SUM}) or the condition (the others), a constant of this class. */
    public String sql() {
        return sql;
    }

    /** Whether it counts units (which open onto the list of those units) rather than records. */
    public boolean countsUnits() {
        return measure != Measure.SUM;
    }

    /** The code in URLs and the API: {@code areas-no-crime}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key of its name. */
    public String messageKey() {
        return "statistics.indicator." + code();
    }

    /** The indicator of a code, or of its enum name; empty for neither. */
    public static Optional<Indicator> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String name = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Indicator i : values()) {
            if (i.name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
