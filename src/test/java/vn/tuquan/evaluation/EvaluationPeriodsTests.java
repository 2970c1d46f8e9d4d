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
            assertThat(EvaluationPeriods.of(kind, 2021))
                    .as(kind)
                    .isEqualTo(new Period(2021, LocalDate.of(2020, 11, 30), LocalDate.of(2021, 11, 30)));
            assertThat(EvaluationPeriods.of(kind, 2022))
                    .as(kind)
                    .isEqualTo(new Period(2022, LocalDate.of(2021, 11, 16), LocalDate.of(2022, 11, 15)));
        }
        assertThat(EvaluationPeriods.of("SCHOOL", 2026).to()).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void kindsNoRulebookEvaluatesAreRefused() {
        assertThatThrownBy(() -> EvaluationPeriods.of("PAGODA", 2023)).hasMessageContaining("PAGODA");
        assertThatThrownBy(() -> EvaluationPeriods.of("PROVINCE", 2023)).isInstanceOf(IllegalArgumentException.class);
    }

    /** TT 23 Điều 9.2: the shared boundary day belongs to the period it ends; TT 124 Điều 8.2 windows do not touch. */
    @Test
    void underTt23TheSharedBoundaryDayBelongsToThePeriodItEnds() {
        Period p2017 = EvaluationPeriods.of("RESIDENTIAL_AREA", 2017);
        Period p2018 = EvaluationPeriods.of("RESIDENTIAL_AREA", 2018);
        assertThat(p2018.from())
                .as("the regulation's window starts on the day 2017's ends")
                .isEqualTo(p2017.to());
        assertThat(EvaluationPeriods.firstCountedDay("RESIDENTIAL_AREA", 2018)).isEqualTo(LocalDate.of(2017, 11, 1));
        assertThat(EvaluationPeriods.firstCountedDay("RESIDENTIAL_AREA", 2017)).isEqualTo(LocalDate.of(2016, 11, 1));
        assertThat(EvaluationPeriods.firstCountedDay("COMMUNE", 2018)).isEqualTo(LocalDate.of(2017, 12, 1));
        // TT 124: the windows follow each other, each counts from its own first day
        assertThat(EvaluationPeriods.firstCountedDay("RESIDENTIAL_AREA", 2023)).isEqualTo(LocalDate.of(2022, 11, 1));
        assertThat(EvaluationPeriods.firstCountedDay("AGENCY", 2023)).isEqualTo(LocalDate.of(2022, 11, 16));
        // at the change: TT 124's first organisations' window overlaps TT 23's last, counted from the day after it
        assertThat(EvaluationPeriods.firstCountedDay("COMMUNE", 2022)).isEqualTo(LocalDate.of(2021, 12, 1));
    }

    @Test
    void the2022ResidentialWindowBeganBeforeTt124AndIsJudgedUnderIt() {
        Period p2022 = EvaluationPeriods.of("RESIDENTIAL_AREA", 2022);
        assertThat(EvaluationPeriods.beganUnderEarlierRegulation(p2022)).isTrue();
        assertThat(p2022.regulation()).isEqualTo("TT 124/2021/TT-BCA");
        assertThat(EvaluationPeriods.beganUnderEarlierRegulation(EvaluationPeriods.of("RESIDENTIAL_AREA", 2021)))
                .isFalse();
        assertThat(EvaluationPeriods.beganUnderEarlierRegulation(EvaluationPeriods.of("RESIDENTIAL_AREA", 2023)))
                .isFalse();
        assertThat(EvaluationPeriods.beganUnderEarlierRegulation(EvaluationPeriods.of("COMMUNE", 2022)))
                .isTrue();
    }
}
