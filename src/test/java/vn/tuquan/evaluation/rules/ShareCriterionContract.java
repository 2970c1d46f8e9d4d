package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What every "a share of all, at least minPercent" criterion does (staff briefed, staff signed). */
abstract class ShareCriterionContract {

    abstract Criterion criterion();

    abstract String expectedCode();

    abstract String partKey();

    abstract String totalKey();

    @Test
    void everyoneIsMet() {
        Outcome o = criterion().evaluate(Given.counts(totalKey(), 40, partKey(), 40), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.MET);
        assertThat(o.compared().get(0).value()).isEqualTo(new BigDecimal("100.00"));
        assertThat(o.compared().get(0).threshold()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void ninetyNinePointNinePercentIsNotAHundred() {
        Outcome o = criterion().evaluate(Given.counts(totalKey(), 1000, partKey(), 999), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NOT_MET);
        assertThat(o.compared().get(0).value()).isEqualTo(new BigDecimal("99.90"));
    }

    @Test
    void exactlyAtAProvincialThresholdIsMet() {
        Params seventy = Params.of("minPercent", "70");
        assertThat(criterion()
                        .evaluate(Given.counts(totalKey(), 10, partKey(), 7), seventy)
                        .result())
                .isEqualTo(Result.MET);
        assertThat(criterion()
                        .evaluate(Given.counts(totalKey(), 1000, partKey(), 699), seventy)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void noCountOnTheRegisterNeedsInput() {
        assertThat(criterion().evaluate(Given.counts(), Params.NONE).result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(criterion()
                        .evaluate(Given.counts(totalKey(), 0, partKey(), 0), Params.NONE)
                        .result())
                .isEqualTo(Result.NEEDS_INPUT);
        assertThat(criterion()
                        .evaluate(Given.counts(totalKey(), 12), Params.NONE)
                        .result())
                .isEqualTo(Result.NEEDS_INPUT);
    }

    @Test
    void isRegisteredUnderItsCode() {
        assertThat(criterion().code()).isEqualTo(expectedCode());
        assertThat(Criteria.get(expectedCode())).isInstanceOf(criterion().getClass());
    }
}
