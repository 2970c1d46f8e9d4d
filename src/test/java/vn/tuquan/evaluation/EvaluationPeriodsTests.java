package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import vn.tuquan.shared.Period;

/** The windows at the change of regulation (TT 23 → TT 124 on 10/02/2022). */
class EvaluationPeriodsTests {

    @Test
    void residentialAreasChangeTheirFirstDayIn2022() {
        assertThat(EvaluationPeriods.of("RESIDENTIAL_AREA", 2017))
                .isEqualTo(new Period(2017, LocalDate.of(2016, 10, 31), LocalDate.of(2017, 10, 31)));
        Period last23 = EvaluationPeriods.of("RESIDENTIAL_AREA", 2021);
        assertThat(last23).isEqualTo(new Period(2021, LocalDate.of(2020, 10, 31), LocalDate.of(2021, 10, 31)));
        assertThat(last23.regulation()).isEqualTo("TT 23/2012/TT-BCA");
        Period first124 = EvaluationPeriods.of("RESIDENTIAL_AREA", 2022);
        assertThat(first124).isEqualTo(new Period(2022, LocalDate.of(2021, 11, 1), LocalDate.of(2022, 10, 31)));
        assertThat(first124.regulation()).isEqualTo("TT 124/2021/TT-BCA");
    }

    @Test
    void communesAgenciesEnterprisesAndSchoolsTakeTheOrganisationsWindow() {
        for (String kind : new String[] {"COMMUNE", "AGENCY", "ENTERPRISE", "SCHOOL"}) {
            assertThat(EvaluationPeriods.of(kind, 2021)).as(kind)
                    .isEqualTo(new Period(2021, LocalDate.of(2020, 11, 30), LocalDate.of(2021, 11, 30)));
            assertThat(EvaluationPeriods.of(kind, 2022)).as(kind)
                    .isEqualTo(new Period(2022, LocalDate.of(2021, 11, 16), LocalDate.of(2022, 11, 15)));
        }
        assertThat(EvaluationPeriods.of("SCHOOL", 2026).to()).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void kindsNoRulebookEvaluatesAreRefused() {
        assertThatThrownBy(() -> EvaluationPeriods.of("PAGODA", 2023)).hasMessageContaining("PAGODA");
        assertThatThrownBy(() -> EvaluationPeriods.of("PROVINCE", 2023)).isInstanceOf(IllegalArgumentException.class);
    }
}
