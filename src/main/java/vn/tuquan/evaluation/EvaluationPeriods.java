package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.Set;
import vn.tuquan.shared.Period;

/**
 * The evaluation window of a unit kind for a year, from the regulation in force at its end
 * (RULEBOOK.md): residential areas {@link Period#residentialArea(int)}, communes, agencies,
 * enterprises and schools {@link Period#organisation(int)}.
 * <ul>
 * <li>TT 124/2021 Điều 8.2 (periods ending from 10/02/2022): residential areas "01/11 năm trước đến
 * 31/10", the others "16/11 năm trước đến 15/11";</li>
 * <li>TT 23/2012 Điều 9.2 (periods ending before): residential areas 31/10 → 31/10, the others 30/11
 * → 30/11. Consecutive windows share their boundary day; <b>that day belongs to the period it
 * ends</b>, and the next period counts from the day after ({@link #firstCountedDay}): an incident on
 * 31/10/2017 is of 2017, one on 01/11/2017 of 2018.</li>
 * </ul>
 * The residential areas' 2022 window (01/11/2021 – 31/10/2022) begins before TT 124 came into force
 * (10/02/2022); no transitional rule was found, and the period is judged under TT 124, the rulebook
 * in force at its end ({@link #beganUnderEarlierRegulation}: the pages say so).
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

    private EvaluationPeriods() {}

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

    /**
     * The first day whose events count in the year's period: the day after the period before ended.
     * Under TT 23 the shared boundary day belongs to the period it ends, so this is the day after
     * {@code of(kind, year).from()}; under TT 124 it is {@code from()} itself.
     */
    public static LocalDate firstCountedDay(String unitKind, int year) {
        return of(unitKind, year).firstEventDay();
    }

    /** Whether the period began before the regulation that judges it came into force (the residential areas' 2022). */
    public static boolean beganUnderEarlierRegulation(Period period) {
        return period.from().isBefore(Period.TT_124_IN_FORCE) && !period.to().isBefore(Period.TT_124_IN_FORCE);
    }
}
