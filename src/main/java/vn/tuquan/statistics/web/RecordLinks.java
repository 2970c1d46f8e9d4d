package vn.tuquan.statistics.web;

import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.statistics.Indicator;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/**
 * Where each number opens its records (docs/statistics.md, "Pages and API"): a count of units opens
 * the list of those units; a count of records opens the register's list with the same unit, year and
 * window (the residential areas' period); the lists of people only for a caller with the
 * sensitive-read permission. Null where the caller may not open any list.
 */
final class RecordLinks {

    private RecordLinks() {}

    static String of(Indicator indicator, UnitView unit, int year, Caller caller) {
        long id = unit.id();
        if (indicator.countsUnits()) {
            return units(id, year, indicator);
        }
        boolean order = caller.can(Permission.ORDER_READ);
        boolean people = order && caller.can(Permission.SENSITIVE_READ);
        String window = "year=" + year + "&periodOf=residential-area";
        String incidents = "/order/incidents?unit=" + id + "&" + window;
        String persons = "/order/units/" + id;
        String incidentsLink = incidents(indicator, incidents);
        if (incidentsLink != null) {
            return order ? incidentsLink : null;
        }
        return switch (indicator) {
            case DRUG_USERS_PRESENT -> people ? persons + "/drug-users?" + window : null;
            case DRUG_USERS_NEW -> people ? persons + "/drug-users?" + window + "&newOnly=true" : null;
            case MEDIATIONS -> order ? persons + "/mediations?" + window : null;
            case MEDIATIONS_RECONCILED -> order ? persons + "/mediations?" + window + "&outcome=RECONCILED" : null;
            case RE_EDUCATIONS -> people ? persons + "/re-educations?" + window + "&startedOnly=true" : null;
            case HOTSPOTS -> order ? hotspots(id, window, null) : null;
            case HOTSPOTS_COMPLEX -> order ? hotspots(id, window, "COMPLEX") : null;
            case HOTSPOTS_CONTAINED -> order ? hotspots(id, window, "CONTAINED") : null;
            case HOTSPOTS_STABLE -> order ? hotspots(id, window, "STABLE") : null;
            case STAFF, STAFF_BRIEFED, STAFF_SIGNED -> units(id, year, Indicator.ORGANISATIONS_COMMITTED);
            case CAMPAIGNS,
                    CAMPAIGN_OFFICERS,
                    CAMPAIGN_ARRESTS,
                    CAMPAIGN_RINGS_BROKEN,
                    CAMPAIGN_HOTSPOTS_CLEARED,
                    CAMPAIGN_ITEMS_SEIZED -> order ? "/order/campaigns?unit=" + id + "&" + window : null;
            case HOUSEHOLDS -> households(unit, year, caller, "", "");
            case HOUSEHOLDS_CATHOLIC -> households(unit, year, caller, "", "&catholic=true");
            case HOUSEHOLDS_REGISTERED, HOUSEHOLDS_SIGNED -> households(unit, year, caller, "/commitments", "");
            case MODELS -> movement(id, year, caller, "&running=true#models");
            case MODELS_EFFECTIVE -> movement(id, year, caller, "&effective=true#models");
            case CAMERAS -> movement(id, year, caller, "&installed=true#cameras");
            case CONFERENCES_INTERIM -> movement(id, year, caller, "&kind=INTERIM#conferences");
            case CONFERENCES_FINAL -> movement(id, year, caller, "&kind=FINAL#conferences");
            case CATHOLIC_FAMILIES_TITLED -> movement(id, year, caller, "&title=EXEMPLARY_CATHOLIC_FAMILY#titles");
            default -> null;
        };
    }

    /**
     * The hotspots on the list on the period's last day (in a status then), on the tree of that day, those
     * counted at a unit under this one (their first unit lies under it: a hotspot is counted once).
     */
    private static String hotspots(long id, String window, String status) {
        return "/order/hotspots?unit=" + id + "&" + window + "&countedHere=true"
                + (status == null ? "" : "&status=" + status);
    }

    /**
     * The movement's records a number counts: the unit's page of the movement, its register narrowed to them
     * (MovementCounts' lists, over the subtree on 31/10).
     */
    private static String movement(long unitId, int year, Caller caller, String filter) {
        return caller.can(Permission.MOVEMENT_READ) ? "/movement/units/" + unitId + "?year=" + year + filter : null;
    }

    /** The models of a type running on the year's last day under the unit (the models list, narrowed). */
    static String modelsOfType(long unitId, int year, String typeCode, Caller caller) {
        return caller.can(Permission.MOVEMENT_READ)
                ? "/movement/units/" + unitId + "?year=" + year + "&type=" + typeCode + "#models"
                : null;
    }

    /** The path parameter of the caller's whole view scope on the statistics pages ({@code unit=all}). */
    static final String SCOPE = "all";

    /**
     * Where a number of the caller's whole scope opens (docs/statistics.md, "The caller's whole scope"): a
     * count of units, the units it counts in the scope; a count of incidents, the incidents' list without a
     * unit (it lists the caller's whole scope); households, the scope's residential areas. The lists of drug
     * users, mediations and re-education cases are a unit's only: those numbers are not links.
     */
    static String ofScope(Indicator indicator, int year, Caller caller) {
        if (indicator.countsUnits()) {
            return scopeUnits(year, indicator);
        }
        return switch (indicator) {
            case HOUSEHOLDS, HOUSEHOLDS_REGISTERED, HOUSEHOLDS_SIGNED, HOUSEHOLDS_CATHOLIC ->
                scopeUnits(year, Indicator.RESIDENTIAL_AREAS);
            case STAFF, STAFF_BRIEFED, STAFF_SIGNED -> scopeUnits(year, Indicator.ORGANISATIONS_COMMITTED);
            case DRUG_USERS_PRESENT, DRUG_USERS_NEW, MEDIATIONS, MEDIATIONS_RECONCILED, RE_EDUCATIONS -> null;
            default ->
                caller.can(Permission.ORDER_READ)
                        ? incidents(indicator, "/order/incidents?year=" + year + "&periodOf=residential-area")
                        : null;
        };
    }

    /** The units a count of units counts in the caller's whole scope. */
    static String scopeUnits(int year, Indicator indicator) {
        return "/statistics/units?unit=" + SCOPE + "&year=" + year + "&indicator=" + indicator.code();
    }

    /** The register's list of the incidents an indicator counts, from the list's address; null for another. */
    private static String incidents(Indicator indicator, String incidents) {
        return switch (indicator) {
            case INCIDENTS -> incidents;
            case CRIMES -> incidents + "&kind=CRIME";
            case CRIMES_LESS_SERIOUS -> incidents + "&kind=CRIME&severity=LESS_SERIOUS";
            case CRIMES_SERIOUS -> incidents + "&kind=CRIME&severity=SERIOUS";
            case CRIMES_VERY_SERIOUS -> incidents + "&kind=CRIME&severity=VERY_SERIOUS";
            case CRIMES_ESPECIALLY_SERIOUS -> incidents + "&kind=CRIME&severity=ESPECIALLY_SERIOUS";
            case SECURITY_EVENTS -> incidents + "&kind=SECURITY_EVENT";
            case SOCIAL_EVILS -> incidents + "&kind=SOCIAL_EVIL";
            case DRUG_OFFENCES -> incidents + "&kind=DRUG_OFFENCE";
            case ACCIDENTS_AND_FIRES -> incidents + "&kind=TRAFFIC_ACCIDENT&kind=LABOUR_ACCIDENT&kind=FIRE";
            case SERIOUS_SUBJECTIVE ->
                incidents + "&kind=TRAFFIC_ACCIDENT&kind=LABOUR_ACCIDENT&kind=FIRE&severity=SERIOUS&subjective=true";
            default -> null;
        };
    }

    /** The list of the units a count of units counts. */
    static String units(long unitId, int year, Indicator indicator) {
        return "/statistics/units?unit=" + unitId + "&year=" + year + "&indicator=" + indicator.code();
    }

    /**
     * An area's households (or their commitments); above an area no list holds a commune's households,
     * so the number opens the list of its residential areas, each of which opens its households.
     */
    private static String households(UnitView unit, int year, Caller caller, String page, String filter) {
        if (unit.kind() != UnitKind.RESIDENTIAL_AREA) {
            return units(unit.id(), year, Indicator.RESIDENTIAL_AREAS);
        }
        return caller.can(Permission.MOVEMENT_READ)
                ? "/households/areas/" + unit.id() + page + "?year=" + year + filter
                : null;
    }
}
