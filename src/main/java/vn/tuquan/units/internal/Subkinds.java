package vn.tuquan.units.internal;

import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.UnitKind;

/** The sub-kind of an official unit, from the list's type column or else from its name. */
final class Subkinds {

    private Subkinds() {}

    static String of(UnitKind kind, String type, String name) {
        String fromType = match(kind, VietnameseText.fold(type == null ? "" : type.strip()), true);
        return fromType != null ? fromType : match(kind, VietnameseText.fold(name), false);
    }

    private static String match(UnitKind kind, String text, boolean whole) {
        if (text.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case PROVINCE ->
                starts(text, "tinh", whole) ? "TINH" : starts(text, "thanh pho", whole) ? "THANH_PHO" : null;
            case DISTRICT ->
                starts(text, "quan", whole)
                        ? "QUAN"
                        : starts(text, "huyen", whole)
                                ? "HUYEN"
                                : starts(text, "thi xa", whole)
                                        ? "THI_XA"
                                        : starts(text, "thanh pho", whole) ? "THANH_PHO" : null;
            case COMMUNE ->
                starts(text, "xa", whole)
                        ? "XA"
                        : starts(text, "phuong", whole)
                                ? "PHUONG"
                                : starts(text, "thi tran", whole)
                                        ? "THI_TRAN"
                                        : starts(text, "dac khu", whole) ? "DAC_KHU" : null;
            default -> null;
        };
    }

    /** A type column says "Thành phố Trung ương"; a name says "Thành phố Hà Nội": both start with the word. */
    private static boolean starts(String text, String word, boolean whole) {
        return text.equals(word) || text.startsWith(word + " ") || (whole && text.startsWith(word));
    }
}
