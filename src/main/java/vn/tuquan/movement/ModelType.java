package vn.tuquan.movement;

import java.util.Set;
import vn.tuquan.units.UnitKind;

/**
 * A kind of model the movement knows (GLOSSARY: ModelType): which units may run it and which of the
 * three pledges (tự quản, tự phòng, tự bảo vệ) it serves.
 */
public record ModelType(
        String code,
        String nameVi,
        String nameEn,
        Set<UnitKind> unitKinds,
        boolean selfManage,
        boolean selfPrevent,
        boolean selfProtect,
        boolean active) {

    public ModelType {
        unitKinds = unitKinds == null ? Set.of() : Set.copyOf(unitKinds);
    }

    public boolean allows(UnitKind kind) {
        return unitKinds.contains(kind);
    }
}
