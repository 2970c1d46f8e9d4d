package vn.tuquan.units;

/**
 * What the yearly evaluation needs to know of an agency, enterprise or school (RULEBOOK.md).
 *
 * @param exclusion why the law keeps the organisation out of the evaluation, or {@code null}
 */
public record OrganisationDetails(
        String sector, Boolean hasPartyOrganisation, Integer staffCount, Exclusion exclusion) {

    public static final OrganisationDetails NONE = new OrganisationDetails(null, null, null, null);

    public enum Exclusion {
        ARMED_FORCES,
        SMALL_OR_MICRO_ENTERPRISE,
        PRIMARY_SCHOOL,
        KINDERGARTEN
    }
}
