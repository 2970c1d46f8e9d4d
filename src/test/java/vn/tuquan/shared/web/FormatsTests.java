package vn.tuquan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTests {

    final Formats fmt = new Formats();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void vietnameseNumbersGroupThousandsWithDots() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
        assertThat(fmt.number(1081)).isEqualTo("1.081");
        assertThat(fmt.number(3321807)).isEqualTo("3.321.807");
        assertThat(fmt.number(0.89)).isEqualTo("0,89");
    }

    @Test
    void englishNumbersGroupWithCommas() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.number(1081)).isEqualTo("1,081");
    }

    @Test
    void datesAreDayMonthYearInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.forLanguageTag("vi"), Locale.ENGLISH}) {
            LocaleContextHolder.setLocale(locale);
            assertThat(fmt.date(LocalDate.of(2017, 10, 31))).isEqualTo("31/10/2017");
        }
    }

    @Test
    void instantsAreShownInVietnamTime() {
        OffsetDateTime lateEveningUtc = OffsetDateTime.of(2017, 10, 31, 20, 30, 0, 0, ZoneOffset.UTC);
        assertThat(fmt.date(lateEveningUtc)).isEqualTo("01/11/2017");
        assertThat(fmt.dateTime(lateEveningUtc)).isEqualTo("01/11/2017 03:30");
        assertThat(fmt.dateTime(lateEveningUtc.toInstant()))
                .as("an Instant too")
                .isEqualTo("01/11/2017 03:30");
    }
}
