package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every "none of these happened" criterion does; each one's test class names its criterion and a key it counts. */
abstract class NoEventsContract {

    abstract Criterion criterion();

    abstract String expectedCode();

    /** A fact key the criterion counts with its default params. */
    abstract String countedKey();

    @Test
    void noneRecordedIsMetAndNeverNeedsInput() {
        Outcome o = criterion().evaluate(Given.counts(), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.MET);
        assertThat(o.compared().get(0).value()).isEqualTo(0L);
        assertThat(o.compared().get(0).threshold()).isEqualTo(0L);
        assertThat(criterion()
                        .evaluate(Given.counts(countedKey(), 0), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
    }

    @Test
    void oneWhenNoneIsAllowedIsNotMet() {
        Outcome o = criterion().evaluate(Given.counts(countedKey(), 1), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NOT_MET);
        assertThat(o.compared().get(0).value()).isEqualTo(1L);
        assertThat(o.compared().get(0).operator()).isEqualTo(Comparison.Operator.AT_MOST);
        assertThat(o.compared()).extracting(Comparison::source).containsOnly(Source.COMPUTED);
    }

    @Test
    void aProvincialMaximumIsExactAtItsEdge() {
        Params one = Params.of("max", "1");
        assertThat(criterion().evaluate(Given.counts(countedKey(), 1), one).result())
                .isEqualTo(Result.MET);
        assertThat(criterion().evaluate(Given.counts(countedKey(), 2), one).result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void countsOfOtherFactsDoNotCount() {
        assertThat(criterion()
                        .evaluate(Given.counts("incidents.kind.OTHER", 5, Fact.DRUG_USERS_PRESENT, 2), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
    }

    @Test
    void isRegisteredUnderItsCode() {
        assertThat(criterion().code()).isEqualTo(expectedCode());
        assertThat(Criteria.get(expectedCode())).isInstanceOf(criterion().getClass());
    }
}
