package vn.tuquan.evaluation.rules;

/**
 * The keys of the computed facts a criterion may read ({@link Facts#count(String)}): the contract
 * between the code that gathers facts from the registers and the criteria. A commune's facts are
 * counted over the commune and every unit under it; an organisation's over itself (and any unit
 * under it); a residential area's over itself. A fact the registers do not hold for the unit is
 * absent (not zero): a criterion that needs it answers {@link Result#NEEDS_INPUT}.
 */
public final class Fact {

    private Fact() {}

    /** Households living in the residential area(s) during the period, and those that registered (committed). */
    public static final String HOUSEHOLDS_TOTAL = "households.total";

    public static final String HOUSEHOLDS_REGISTERED = "households.registered";

    /** Movement models of the unit (and under it) assessed effective for the period's year. */
    public static final String MODELS_EFFECTIVE = "models.effective";

    /** An organisation's staff, those briefed and those who signed the commitment for the period. */
    public static final String STAFF_TOTAL = "staff.total";

    public static final String STAFF_BRIEFED = "staff.briefed";
    public static final String STAFF_SIGNED = "staff.signed";

    /** Incidents of a kind (CRIME, SECURITY_EVENT, SOCIAL_EVIL, FIRE …): {@code incidents.kind.CRIME}. */
    public static String incidentsOfKind(String kind) {
        return "incidents.kind." + kind;
    }

    /** Incidents of a category code, leaf or parent (SECURITY_A, FIRE_EXPLOSION …). */
    public static String incidentsOfCategory(String code) {
        return "incidents.category." + code;
    }

    /** Crimes of a class: LESS_SERIOUS, SERIOUS, VERY_SERIOUS, ESPECIALLY_SERIOUS. */
    public static String crimesOfClass(String severity) {
        return "crimes.severity." + severity;
    }

    /** The same fact for the period before (for "held down against the previous period"). */
    public static String previous(String key) {
        return "previous." + key;
    }

    /** Serious fires, explosions, traffic and labour accidents whose cause was subjective. */
    public static final String SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS = "incidents.seriousSubjective";

    /** Drug users first detected during the period, and drug users living there during it. */
    public static final String DRUG_USERS_NEW = "drugUsers.new";

    public static final String DRUG_USERS_PRESENT = "drugUsers.present";

    /** Hotspots of kind drugs (a drug-dealing or drug-use spot) covering the unit, not stable at the period's end. */
    public static final String DRUG_SPOTS = "hotspots.drugs";

    /** Disputes mediated at the grassroots during the period, and those reconciled. */
    public static final String MEDIATIONS = "mediations.total";

    public static final String MEDIATIONS_RECONCILED = "mediations.reconciled";

    /** Community re-education cases started during the period. */
    public static final String RE_EDUCATIONS = "reEducations.total";

    /**
     * The unit's children evaluated for the same period (a commune's residential areas, agencies,
     * enterprises and schools): how many there are, how many registered to strive for the standard,
     * how many are recognised (or proposed) safe; and the same for residential areas alone (TT 23).
     */
    public static final String CHILDREN_TOTAL = "children.total";

    public static final String CHILDREN_REGISTERED = "children.registered";
    public static final String CHILDREN_RECOGNISED = "children.recognised";
    public static final String CHILDREN_AREAS_TOTAL = "children.residentialAreas.total";
    public static final String CHILDREN_AREAS_REGISTERED = "children.residentialAreas.registered";
    public static final String CHILDREN_AREAS_RECOGNISED = "children.residentialAreas.recognised";
}
