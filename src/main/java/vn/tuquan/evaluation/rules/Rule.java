package vn.tuquan.evaluation.rules;

/**
 * One line of a criteria set: which criterion (by code), with which thresholds, where the
 * regulation states it (e.g. "Điều 4.1") and its name in Vietnamese and English.
 */
public record Rule(String criterion, Params params, String article, String nameVi, String nameEn) {}
