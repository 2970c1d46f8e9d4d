package vn.tuquan.evaluation.internal;

import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.units.UnitKind;

/** One unit of the subtree, evaluated or not, with its facts when it is evaluated. */
public record GatheredUnit(
        long unitId, String code, String name, UnitKind kind, Long parentId, String criteriaKind, Facts facts) {

    public boolean evaluated() {
        return criteriaKind != null;
    }
}
