package vn.tuquan.shared.web;

/**
 * The areas of the product (design/PRODUCT.md), in the order of the navigation. An area whose
 * module is not built yet shows a page that says so; when a module is built, its own controller
 * takes the path and the area is marked built here.
 */
public enum Area {
    UNITS("units", true),
    ACCESS("access", true),
    MOVEMENT("movement", true),
    ORDER("order", true),
    EVALUATION("evaluation", true),
    /** "Thống kê, báo cáo": the statistics module's page (/reports leads there). */
    REPORTS("reports", "/statistics", true),
    CITIZENS("citizens", false);

    private final String key;
    private final String path;
    private final boolean built;

    Area(String key, boolean built) {
        this(key, "/" + key, built);
    }

    Area(String key, String path, boolean built) {
        this.key = key;
        this.path = path;
        this.built = built;
    }

    public String key() {
        return key;
    }

    public String path() {
        return path;
    }

    public boolean built() {
        return built;
    }

    public String nameKey() {
        return "area." + key + ".name";
    }

    public String summaryKey() {
        return "area." + key + ".summary";
    }

    static Area byKey(String key) {
        for (Area area : values()) {
            if (area.key.equals(key)) {
                return area;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
