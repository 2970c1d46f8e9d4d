package vn.tuquan.movement.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tuquan.movement.ModelType;
import vn.tuquan.units.UnitKind;

/**
 * The form that adds or corrects a model type, as typed: the unit kinds ticked ({@code unitKinds}, one per box) and
 * each pledge and {@code active} ticked when sent (whatever its value).
 */
public record ModelTypeInput(
        String code,
        String nameVi,
        String nameEn,
        List<String> unitKinds,
        String selfManage,
        String selfPrevent,
        String selfProtect,
        String active) {

    /** The kinds ticked; an unknown kind is ignored (the form offers only known ones). */
    Set<UnitKind> kinds() {
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (String k : unitKinds == null ? List.<String>of() : unitKinds) {
            try {
                kinds.add(UnitKind.valueOf(k));
            } catch (IllegalArgumentException e) {
                // an unknown kind is ignored: the form offers only known ones
            }
        }
        return kinds;
    }

    /** The type as typed, its code stripped. */
    ModelType type() {
        return new ModelType(
                code == null ? null : code.strip(),
                nameVi,
                nameEn,
                kinds(),
                selfManage != null,
                selfPrevent != null,
                selfProtect != null,
                active != null);
    }

    /** The form shown back when refused: the text as typed, the kinds and boxes as ticked. */
    Map<String, Object> shown() {
        ModelType type = type();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("code", code);
        shown.put("nameVi", nameVi);
        shown.put("nameEn", nameEn);
        shown.put("unitKinds", type.unitKinds());
        shown.put("selfManage", type.selfManage());
        shown.put("selfPrevent", type.selfPrevent());
        shown.put("selfProtect", type.selfProtect());
        shown.put("active", type.active());
        return shown;
    }
}
