package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tuquan.units.OrganisationDetails.Exclusion;
import vn.tuquan.units.UnitKind;

/** The one rule of which units are evaluated, and with which criteria (RULEBOOK.md, TT 124 Điều 4–7). */
class EvaluatedUnitsTests {

    @Test
    void everyUnitKindHasOneAnswer() {
        Set<UnitKind> evaluated = EnumSet.noneOf(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            if (EvaluatedUnits.criteriaKind(kind, null) != null) {
                evaluated.add(kind);
            }
        }
        assertThat(evaluated)
                .containsExactlyInAnyOrder(
                        UnitKind.RESIDENTIAL_AREA,
                        UnitKind.COMMUNE,
                        UnitKind.AGENCY,
                        UnitKind.ENTERPRISE,
                        UnitKind.SCHOOL,
                        UnitKind.HOSPITAL);
        assertThat(EvaluatedUnits.criteriaKind(UnitKind.HOSPITAL, null)).isEqualTo("AGENCY");
        assertThat(EvaluatedUnits.criteriaKind(UnitKind.INDUSTRIAL_ZONE, null))
                .as("its enterprises are evaluated")
                .isNull();
        assertThat(EvaluatedUnits.criteriaKind(UnitKind.PAGODA, null)).isNull();
        assertThat(EvaluatedUnits.criteriaKind(UnitKind.PARISH, null)).isNull();
    }

    @Test
    void anOrganisationTheLawExcludesIsNotEvaluatedWhateverItsKind() {
        for (UnitKind kind : Set.of(UnitKind.AGENCY, UnitKind.ENTERPRISE, UnitKind.SCHOOL, UnitKind.HOSPITAL)) {
            for (Exclusion exclusion : Exclusion.values()) {
                assertThat(EvaluatedUnits.criteriaKind(kind, exclusion))
                        .as(kind + " " + exclusion)
                        .isNull();
            }
        }
    }

    @Test
    void aCommuneCountsItsAreasAndOrganisationsNotItself() {
        assertThat(EvaluatedUnits.child("RESIDENTIAL_AREA")).isTrue();
        assertThat(EvaluatedUnits.child("ENTERPRISE")).isTrue();
        assertThat(EvaluatedUnits.child("COMMUNE")).isFalse();
        assertThat(EvaluatedUnits.child(null)).isFalse();
    }
}
