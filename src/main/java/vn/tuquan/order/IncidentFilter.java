package vn.tuquan.order;

import java.time.LocalDate;
import java.util.Set;
import vn.tuquan.shared.Period;

/**
 * What a list of incidents shows: those of a unit's subtree as it was on a date (the caller's whole
 * view scope when {@code unitId} is null), in a period (Vietnam-time bounds), of some categories (a
 * group takes the categories under it), of some kinds, of some severities, a status, with a cause
 * recorded subjective or not. Null or empty means any; several values of one field mean any of them
 * (a criterion's sum of several counts lists the records of all of them). Withdrawn records are left
 * out. Without {@code asOf}, a list of a period takes the tree its facts were counted on
 * ({@link FactWindow#treeOn(int)}), otherwise today's.
 */
public record IncidentFilter(
        Long unitId,
        LocalDate asOf,
        Period period,
        Set<String> categoryCodes,
        Set<IncidentKind> kinds,
        Set<String> severities,
        IncidentStatus status,
        Boolean subjectiveCause) {

    public IncidentFilter {
        categoryCodes = categoryCodes == null ? Set.of() : Set.copyOf(categoryCodes);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }

    /** One category, kind and severity at most (null: any). */
    public IncidentFilter(
            Long unitId,
            LocalDate asOf,
            Period period,
            String categoryCode,
            IncidentKind kind,
            String severity,
            IncidentStatus status) {
        this(
                unitId,
                asOf,
                period,
                categoryCode == null ? Set.of() : Set.of(categoryCode),
                kind == null ? Set.of() : Set.of(kind),
                severity == null ? Set.of() : Set.of(severity),
                status,
                null);
    }

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, null, null);
    }

    public IncidentFilter withUnit(Long unit) {
        return new IncidentFilter(unit, asOf, period, categoryCodes, kinds, severities, status, subjectiveCause);
    }

    /** The category when one is asked for, else null (any, or several). */
    public String categoryCode() {
        return single(categoryCodes);
    }

    /** The kind when one is asked for, else null (any, or several). */
    public IncidentKind kind() {
        return single(kinds);
    }

    /** The severity when one is asked for, else null (any, or several). */
    public String severity() {
        return single(severities);
    }

    private static <T> T single(Set<T> values) {
        return values.size() == 1 ? values.iterator().next() : null;
    }
}
