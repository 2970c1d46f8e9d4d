package vn.tuquan.evaluation;

import java.time.LocalDate;

/** A rulebook version: its id, code, version, regulation and the day it took effect. */
public record RulebookVersion(
        long id,
        String code,
        int version,
        Long provinceId,
        String regulation,
        String nameVi,
        String nameEn,
        LocalDate effectiveFrom) {}
