package vn.tuquan.units;

/** A unit found by name, with its place in the tree spelled out ("Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định"). */
public record SearchHit(UnitView unit, String fullName, double score) {}
