package vn.tuquan.order;

import java.time.LocalDate;
import java.util.Locale;
import vn.tuquan.shared.Period;
import vn.tuquan.units.UnitKind;

/**
 * The two windows the registers' facts of a year are counted in, and the tree they are counted on:
 * one rule for {@link OrderFacts} and for every list that shows the records behind a count.
 *
 * <ul>
 * <li>A residential area's facts are counted in the residential areas' period
 * ({@link Period#residentialArea(int)}, to 31/10); every other unit's — a commune, an agency,
 * enterprise, school or hospital, a district or a province — in the organisations' period
 * ({@link Period#organisation(int)}, to 30/11 under TT 23, to 15/11 under TT 124).</li>
 * <li>Events (incidents, detections, mediations, cases started) count from the period's
 * {@link Period#firstEventDay()} to its last day, so every instant belongs to one period only.</li>
 * <li>The units are those of the tree as it was on the residential areas' period's last day
 * ({@link #treeOn(int)}), whatever the window: a unit and every unit under it then.</li>
 * </ul>
 *
 * A list asked for a year and a window ({@code year=2017&periodOf=organisation}) shows exactly the
 * records a count of the same unit, year and window counted.
 */
public enum FactWindow {

    /** The residential areas' period ({@code periodOf=residential-area}, the default). */
    RESIDENTIAL_AREA("residential-area"),
    /** The organisations' period ({@code periodOf=organisation}): communes and organisations. */
    ORGANISATION("organisation");

    private final String param;

    FactWindow(String param) {
        this.param = param;
    }

    /** The window a unit of this kind is counted in (as {@link UnitKind#period(int)}). */
    public static FactWindow of(UnitKind kind) {
        return kind == UnitKind.RESIDENTIAL_AREA ? RESIDENTIAL_AREA : ORGANISATION;
    }

    /** The window named by a request's {@code periodOf}: {@code organisation}, else the residential areas'. */
    public static FactWindow parse(String periodOf) {
        return periodOf != null && periodOf.strip().toLowerCase(Locale.ROOT).startsWith("organisation")
                ? ORGANISATION
                : RESIDENTIAL_AREA;
    }

    /** The value of the {@code periodOf} request parameter naming this window. */
    public String param() {
        return param;
    }

    /** The period of the year in this window. */
    public Period period(int year) {
        return this == RESIDENTIAL_AREA ? Period.residentialArea(year) : Period.organisation(year);
    }

    /** The day whose tree of units the facts of the year are counted on (both windows). */
    public static LocalDate treeOn(int year) {
        return Period.residentialArea(year).to();
    }

    /** The period of this window a day counts in (the one ending that day, when two share it). */
    public Period periodOn(LocalDate day) {
        return this == RESIDENTIAL_AREA ? Period.residentialAreaOn(day) : Period.organisationOn(day);
    }
}
