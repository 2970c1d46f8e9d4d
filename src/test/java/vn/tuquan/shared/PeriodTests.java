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

    @Test
    void anEventIsCountedFromTheDayAfterThePreviousPeriodEnded() {
        // TT 23: the regulation's 2017 period starts on 31/10/2016, the day 2016 ends
        assertThat(Period.residentialArea(2017).from()).isEqualTo(LocalDate.of(2016, 10, 31));
        assertThat(Period.residentialArea(2017).firstEventDay()).isEqualTo(LocalDate.of(2016, 11, 1));
        // TT 124: no shared day
        assertThat(Period.residentialArea(2023).firstEventDay()).isEqualTo(LocalDate.of(2022, 11, 1));
        // organisations: TT 23 shares 30 November; TT 124's first period overlaps TT 23's last
        assertThat(Period.organisation(2017).firstEventDay()).isEqualTo(LocalDate.of(2016, 12, 1));
        assertThat(Period.organisation(2022).from()).isEqualTo(LocalDate.of(2021, 11, 16));
        assertThat(Period.organisation(2022).firstEventDay()).isEqualTo(LocalDate.of(2021, 12, 1));
        assertThat(Period.organisation(2023).firstEventDay()).isEqualTo(LocalDate.of(2022, 11, 16));
        // a period made by hand counts from its first day
        assertThat(new Period(2017, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 6, 30)).firstEventDay())
                .isEqualTo(LocalDate.of(2017, 1, 1));
    }
}
