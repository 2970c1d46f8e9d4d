package vn.tuquan.order;

import java.util.Locale;
import vn.tuquan.shared.Named;

/** One entry of the incident catalogue; a group has no parent. */
public record IncidentCategory(
        String code, String parentCode, String nameVi, String nameEn, IncidentKind kind, int position) {

    public String name(Locale locale) {
        return new Named(nameVi, nameEn).in(locale);
    }

    public boolean group() {
        return parentCode == null;
    }
}
