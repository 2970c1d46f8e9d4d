package vn.tuquan.evaluation;

import java.util.Set;

import vn.tuquan.shared.Period;

/**
 * The evaluation window of a unit kind for a year, from the regulation in force at its end
 * (RULEBOOK.md): residential areas {@link Period#residentialArea(int)} (TT 23: 31/10 → 31/10;
 * TT 124 from 2022: 01/11 → 31/10), communes, agencies, enterprises and schools
 * {@link Period#organisation(int)} (TT 23: 30/11 → 30/11; TT 124 from 2022: 16/11 → 15/11).
 *
 * <p>TT 23 evaluated schools over the school year; that window is not modelled: schools take the
 * organisations' window in every year, because the registers' facts (OrderFacts, the households'
 * and movement counts) are counted over the two windows above only, and a third window for the
 * years before 2022 would give schools facts no register computes. The regulation's name for the
 * window comes with {@link Period#regulation()}.
 */
public final class EvaluationPeriods {

    /** The unit kinds a rulebook evaluates with the organisations' window. */
    private static final Set<String> ORGANISATION_WINDOW = Set.of("COMMUNE", "AGENCY", "ENTERPRISE", "SCHOOL");

    private EvaluationPeriods() {
    }

    /** The window of the year for a unit kind of a rulebook (RESIDENTIAL_AREA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL). */
    public static Period of(String unitKind, int year) {
        if ("RESIDENTIAL_AREA".equals(unitKind)) {
            return Period.residentialArea(year);
        }
        if (ORGANISATION_WINDOW.contains(unitKind)) {
            return Period.organisation(year);
        }
        throw new IllegalArgumentException("no evaluation period for the unit kind " + unitKind);
    }
}
