package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void organisationsCountFrom30NovemberUnder23AndFrom16NovemberUnder124() {
        Period old = Period.organisation(2017);
        assertThat(old.from()).isEqualTo(LocalDate.of(2016, 11, 30));
        assertThat(old.to()).isEqualTo(LocalDate.of(2017, 11, 30));
        Period current = Period.organisation(2023);
        assertThat(current.from()).isEqualTo(LocalDate.of(2022, 11, 16));
        assertThat(current.to()).isEqualTo(LocalDate.of(2023, 11, 15));
        assertThat(current.regulation()).isEqualTo("TT 124/2021/TT-BCA");
    }

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
