package vn.tuquan.units;

import java.time.LocalDate;
import vn.tuquan.shared.Period;

/** The kinds of unit (GLOSSARY.md). The first three are the official administrative levels. */
public enum UnitKind {
    PROVINCE(true),
    DISTRICT(true),
    COMMUNE(true),
    RESIDENTIAL_AREA(false),
    AGENCY(false),
    ENTERPRISE(false),
    INDUSTRIAL_ZONE(false),
    SCHOOL(false),
    HOSPITAL(false),
    PARISH(false),
    SUB_PARISH(false),
    PAGODA(false);

    private final boolean official;

    UnitKind(boolean official) {
        this.official = official;
    }

    /** Official units come from the statistics office's lists, with GSO codes. */
    public boolean official() {
        return official;
    }

    /**
     * The period of the year a unit of this kind is evaluated and counted in (RULEBOOK.md): residential
     * areas the residential areas' period (to 31/10), every other kind the organisations' (to 30/11
     * under TT 23, 15/11 under TT 124) — communes, organisations, and the districts and provinces
     * that add them up.
     */
    public Period period(int year) {
        return this == RESIDENTIAL_AREA ? Period.residentialArea(year) : Period.organisation(year);
    }

    /** The period of this kind a day falls in: a page's year by default is {@code periodOn(today).year()}. */
    public Period periodOn(LocalDate day) {
        return this == RESIDENTIAL_AREA ? Period.residentialAreaOn(day) : Period.organisationOn(day);
    }

    /** Organisations are evaluated as agencies, enterprises or schools (RULEBOOK.md). */
    public boolean organisation() {
        return !official && this != RESIDENTIAL_AREA;
    }
}
