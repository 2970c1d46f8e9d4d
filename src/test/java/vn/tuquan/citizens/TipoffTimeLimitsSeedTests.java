package vn.tuquan.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tuquan.TuquanTest;

/** The Criminal Procedure Code's time limits for tip-offs, seeded as data (V29) for the tip-off register. */
@TuquanTest
class TipoffTimeLimitsSeedTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyDaysTwoMonthsForAComplexCaseOneExtensionOfTwoMonthsAndOneMonthAfterARestoredMatter() {
        List<String> limits = jdbc.sql("""
                SELECT code || ':' || coalesce(days || 'd', months || 'm') || ':' || max_times || ':' || to_confirm
                  FROM tipoff_time_limit ORDER BY position""").query(String.class).list();
        assertThat(limits)
                .containsExactly(
                        "SETTLE:20d:1:false", "COMPLEX:2m:1:false", "EXTENSION:2m:1:true", "RESTORED:1m:1:false");
        assertThat(jdbc.sql("SELECT article FROM tipoff_time_limit WHERE code = 'SETTLE'")
                        .query(String.class)
                        .single())
                .contains("Điều 147");
    }
}
