package vn.tuquan.units.internal;

import vn.tuquan.units.UnitKind;

/**
 * One official unit as a source file states it.
 *
 * @param where      the row's place in its file for messages: a line number, or a JSON position
 * @param type       the file's word for the unit's type ("Xã", "Thị trấn", "Quận" …), may be blank
 * @param parentCode the GSO code of the parent; {@code null} for a province
 */
record ListRow(
        RowPlace where, UnitKind kind, String code, String name, String nameEn, String type, String parentCode) {}
