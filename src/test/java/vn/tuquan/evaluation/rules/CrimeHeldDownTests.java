package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrimeHeldDownTests {

    final CrimeHeldDown criterion = new CrimeHeldDown();
    static final String CRIME = Fact.incidentsOfKind("CRIME");
    static final String EVILS = Fact.incidentsOfKind("SOCIAL_EVIL");

    @Test
    void fewerThanBeforeIsMet() {
        Outcome o = criterion.evaluate(
                Given.counts(CRIME, 2, EVILS, 1, Fact.previous(CRIME), 4, Fact.previous(EVILS), 1), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.MET);
        assertThat(o.compared().get(0).value()).isEqualTo(3L);
        assertThat(o.compared().get(0).threshold()).isEqualTo(5L);
    }

    @Test
    void asManyAsBeforeIsMetOneMoreIsNot() {
        assertThat(criterion
                        .evaluate(Given.counts(CRIME, 3, Fact.previous(CRIME), 2, Fact.previous(EVILS), 1), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
        assertThat(criterion
                        .evaluate(
                                Given.counts(CRIME, 3, EVILS, 1, Fact.previous(CRIME), 2, Fact.previous(EVILS), 1),
                                Params.NONE)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void noneInEitherPeriodIsMetAndNeverNeedsInput() {
        assertThat(criterion.evaluate(Given.counts(), Params.NONE).result()).isEqualTo(Result.MET);
        assertThat(criterion.evaluate(Given.counts(CRIME, 1), Params.NONE).result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void theKindsAreAParameter() {
        assertThat(criterion
                        .evaluate(
                                Given.counts(EVILS, 5, CRIME, 1, Fact.previous(CRIME), 1), Params.of("kinds", "CRIME"))
                        .result())
                .isEqualTo(Result.MET);
    }
}
