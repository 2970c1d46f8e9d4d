package vn.tuquan.units;

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

    /** Organisations are evaluated as agencies, enterprises or schools (RULEBOOK.md). */
    public boolean organisation() {
        return !official && this != RESIDENTIAL_AREA;
    }
}
