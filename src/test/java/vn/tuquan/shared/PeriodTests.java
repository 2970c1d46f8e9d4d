package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void year2017IsUnderCircular23From31October() {
        Period p = Period.residentialArea(2017);
        assertThat(p.from()).isEqualTo(LocalDate.of(2016, 10, 31));
        assertThat(p.to()).isEqualTo(LocalDate.of(2017, 10, 31));
        assertThat(p.regulation()).isEqualTo("TT 23/2012/TT-BCA");
        assertThat(p.contains(LocalDate.of(2016, 10, 30))).isFalse();
        assertThat(p.contains(LocalDate.of(2017, 10, 31))).isTrue();
    }

    @Test
    void year2023IsUnderCircular124From1November() {
        Period p = Period.residentialArea(2023);
        assertThat(p.from()).isEqualTo(LocalDate.of(2022, 11, 1));
        assertThat(p.to()).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(p.regulation()).isEqualTo("TT 124/2021/TT-BCA");
        assertThat(p.contains(LocalDate.of(2022, 10, 31))).isFalse();
        assertThat(Period.residentialAreaOn(LocalDate.of(2022, 11, 1)).year()).isEqualTo(2023);
        assertThat(Period.residentialAreaOn(LocalDate.of(2023, 10, 31)).year()).isEqualTo(2023);
    }
}
