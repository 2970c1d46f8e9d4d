package vn.tuquan.evaluation;

import java.util.Optional;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/**
 * Which units the yearly evaluation evaluates, with which criteria set and over which period — the
 * one place that decides it (RULEBOOK.md, TT 124 Điều 4–7):
 * <ul>
 * <li>residential areas ({@code RESIDENTIAL_AREA}) and communes ({@code COMMUNE}), with their own criteria;</li>
 * <li>agencies, enterprises and schools ({@code AGENCY}, {@code ENTERPRISE}, {@code SCHOOL}) unless the
 * law excludes them (armed forces, small and micro enterprises, primary schools, kindergartens:
 * {@link OrganisationDetails#exclusion()});</li>
 * <li>hospitals, public service units, are evaluated with the agencies' criteria ({@code AGENCY});</li>
 * <li>provinces, districts, industrial zones (their enterprises are evaluated), parishes, sub-parishes
 * and pagodas (their titles are tracked beside the verdict) are not evaluated.</li>
 * </ul>
 * The period of the criteria kind comes from {@link EvaluationPeriods#of} (the residential areas' window
 * for residential areas, the organisations' window for the others). The bulk run, the registration and
 * the process page all ask this class, so a unit the run leaves out cannot be registered either.
 */
public final class EvaluatedUnits {

    private EvaluatedUnits() {}

    /** The unit kind whose criteria apply (a rulebook's {@code unit_kind}), or {@code null}: not evaluated. */
    public static String criteriaKind(UnitKind kind, OrganisationDetails.Exclusion exclusion) {
        return switch (kind) {
            case RESIDENTIAL_AREA, COMMUNE -> kind.name();
            case AGENCY, ENTERPRISE, SCHOOL -> exclusion == null ? kind.name() : null;
            case HOSPITAL -> exclusion == null ? UnitKind.AGENCY.name() : null;
            default -> null;
        };
    }

    /** The criteria kind of a unit as it stands (its kind and, for an organisation, its exclusion), or empty. */
    public static Optional<String> criteriaKind(UnitView unit) {
        OrganisationDetails organisation = unit.organisation();
        return Optional.ofNullable(criteriaKind(unit.kind(), organisation == null ? null : organisation.exclusion()));
    }

    /** Whether a commune counts the unit among its children (its residential areas and organisations). */
    public static boolean child(String criteriaKind) {
        return criteriaKind != null && !UnitKind.COMMUNE.name().equals(criteriaKind);
    }
}
