package vn.tuquan.order;

import java.util.List;

/**
 * What kind of incident a category is, and which severities it takes: crimes one of the Criminal
 * Code's four classes (required); drug offences, thefts of high-value property, leaks and staff
 * offences a class when they are crimes; fires and accidents "serious" or nothing; the rest none.
 */
public enum IncidentKind {
    CRIME,
    SECURITY_EVENT,
    SOCIAL_EVIL,
    DRUG_OFFENCE,
    TRAFFIC_ACCIDENT,
    LABOUR_ACCIDENT,
    FIRE,
    SCHOOL_VIOLENCE,
    MASS_COMPLAINT,
    ILLEGAL_STRIKE,
    HIGH_VALUE_THEFT,
    SECRET_LEAK,
    STAFF_OFFENCE,
    OTHER;

    /** The Criminal Code's four classes of crime, the least first. */
    public static final List<String> CRIME_CLASSES =
            List.of("LESS_SERIOUS", "SERIOUS", "VERY_SERIOUS", "ESPECIALLY_SERIOUS");

    /** The severities this kind allows (empty: none). */
    public List<String> severities() {
        return switch (this) {
            case CRIME, DRUG_OFFENCE, HIGH_VALUE_THEFT, SECRET_LEAK, STAFF_OFFENCE -> CRIME_CLASSES;
            case TRAFFIC_ACCIDENT, LABOUR_ACCIDENT, FIRE -> List.of("SERIOUS");
            default -> List.of();
        };
    }

    public boolean severityRequired() {
        return this == CRIME;
    }

    /** Fires and accidents say whether their cause was subjective (RULEBOOK criteria 4 and 5). */
    public boolean hasSubjectiveCause() {
        return this == TRAFFIC_ACCIDENT || this == LABOUR_ACCIDENT || this == FIRE;
    }
}
