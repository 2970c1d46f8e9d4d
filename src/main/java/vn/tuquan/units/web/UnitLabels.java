package vn.tuquan.units.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/** The message key naming a unit's kind, by its sub-kind when it has a label ({@code ${@unitLabels.kind(u)}}). */
@Component("unitLabels")
public class UnitLabels {

    static final Set<String> SUBKINDS = Set.of(
            "PROVINCE.TINH",
            "PROVINCE.THANH_PHO",
            "DISTRICT.QUAN",
            "DISTRICT.HUYEN",
            "DISTRICT.THI_XA",
            "DISTRICT.THANH_PHO",
            "COMMUNE.XA",
            "COMMUNE.PHUONG",
            "COMMUNE.THI_TRAN",
            "COMMUNE.DAC_KHU",
            "RESIDENTIAL_AREA.THON",
            "RESIDENTIAL_AREA.XOM",
            "RESIDENTIAL_AREA.AP",
            "RESIDENTIAL_AREA.BAN",
            "RESIDENTIAL_AREA.TO_DAN_PHO",
            "RESIDENTIAL_AREA.KHU_PHO");

    public String kind(UnitView unit) {
        return kind(unit.kind(), unit.subkind());
    }

    public String kind(UnitKind kind, String subkind) {
        String key = kind + "." + subkind;
        return SUBKINDS.contains(key) ? "units.subkind." + key : kind(kind);
    }

    public String kind(UnitKind kind) {
        return "units.kind." + kind.name();
    }
}
