package vn.tuquan.evaluation.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The competent level of a unit's evaluation (RULEBOOK.md "Process and authority"): the unit whose
 * steering committee appraises the self-assessment and whose People's Committee recognises the unit.
 * The one place of the rule, for the process, its authority checks and the certificates.
 */
@Component
public class CompetentLevels {

    /** The two-tier reform: from this day communes are recognised by the province, not the district. */
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private final Units units;

    CompetentLevels(Units units) {
        this.units = units;
    }

    /**
     * The kind of unit whose People's Committee recognises a unit of this kind, as the tree is on a
     * day: the commune recognises its residential areas, agencies, enterprises and schools; communes
     * are recognised by the district before 1 July 2025 and by the province from then.
     */
    public static UnitKind kind(UnitKind kind, LocalDate asOf) {
        if (kind == UnitKind.COMMUNE) {
            return asOf.isBefore(REFORM) ? UnitKind.DISTRICT : UnitKind.PROVINCE;
        }
        if (kind == UnitKind.DISTRICT) {
            return UnitKind.PROVINCE;
        }
        return UnitKind.COMMUNE;
    }

    /**
     * The competent unit: the nearest unit above of the competent kind on the day, else the nearest
     * official unit above (a provincial agency is recognised by the province); {@code null} when none.
     */
    public UnitView of(UnitView unit, LocalDate asOf) {
        List<UnitView> above = units.ancestors(Scope.WHOLE_COUNTRY, unit.id(), asOf);
        UnitKind wanted = kind(unit.kind(), asOf);
        for (int i = above.size() - 1; i >= 0; i--) {
            if (above.get(i).kind() == wanted) {
                return above.get(i);
            }
        }
        for (int i = above.size() - 1; i >= 0; i--) {
            if (above.get(i).kind().official()) {
                return above.get(i);
            }
        }
        return null;
    }
}
