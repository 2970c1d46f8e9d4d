package vn.tuquan.order;

import java.util.Locale;

/** One entry of the incident catalogue; a group has no parent. */
public record IncidentCategory(String code, String parentCode, String nameVi, String nameEn, IncidentKind kind,
        int position) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public boolean group() {
        return parentCode == null;
    }
}
