package vn.tuquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** {@link Named}: the one switch between a Vietnamese and an English name. */
class NamedTests {

    @Test
    void englishWhenTheLocaleReadsEnglishAndThereIsAnEnglishName() {
        Named name = new Named("Tỉnh Nam Định", "Nam Dinh Province");
        assertThat(name.in(Locale.ENGLISH)).isEqualTo("Nam Dinh Province");
        assertThat(name.in(Locale.UK)).isEqualTo("Nam Dinh Province");
        assertThat(name.in(Locale.forLanguageTag("vi-VN"))).isEqualTo("Tỉnh Nam Định");
        assertThat(name.in(Locale.FRENCH)).isEqualTo("Tỉnh Nam Định");
        assertThat(new Named("Xóm 1", null).in(Locale.ENGLISH)).isEqualTo("Xóm 1");
        assertThat(new Named("Xóm 1", " ").in(Locale.ENGLISH)).isEqualTo("Xóm 1");
        assertThat(name).hasToString("Tỉnh Nam Định");
    }

    @Test
    void theLanguageOfAnOptionAndOfThePage() {
        assertThat(Named.locale("en")).isEqualTo(Locale.forLanguageTag("en"));
        assertThat(Named.locale("vi")).isEqualTo(Locale.forLanguageTag("vi"));
        assertThat(Named.locale(null)).isEqualTo(Locale.forLanguageTag("vi"));
        assertThat(Named.english(null)).isFalse();
        Locale before = LocaleContextHolder.getLocale();
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(Named.english()).isTrue();
            LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
            assertThat(Named.english()).isFalse();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
