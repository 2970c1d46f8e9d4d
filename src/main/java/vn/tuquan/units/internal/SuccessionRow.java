package vn.tuquan.units.internal;

/** One line of the 2025 reform mapping: an old commune went, whole or in part, into a new unit. */
record SuccessionRow(
        RowPlace where, String oldCode, String oldName, String newCode, String newName, boolean whole, String note) {}
