package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EffectiveModelTests {

    final EffectiveModel criterion = new EffectiveModel();

    @Test
    void exactlyOneEffectiveModelIsMet() {
        Outcome o = criterion.evaluate(Given.counts(Fact.MODELS_EFFECTIVE, 1), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.MET);
        assertThat(o.compared().get(0).value()).isEqualTo(1L);
        assertThat(o.compared().get(0).threshold()).isEqualTo(1L);
    }

    @Test
    void noEffectiveModelIsNotMet() {
        assertThat(criterion
                        .evaluate(Given.counts(Fact.MODELS_EFFECTIVE, 0), Params.NONE)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void aProvincialMinimumIsExactAtItsEdge() {
        Params three = Params.of("min", "3");
        assertThat(criterion
                        .evaluate(Given.counts(Fact.MODELS_EFFECTIVE, 2), three)
                        .result())
                .isEqualTo(Result.NOT_MET);
        assertThat(criterion
                        .evaluate(Given.counts(Fact.MODELS_EFFECTIVE, 3), three)
                        .result())
                .isEqualTo(Result.MET);
    }

    @Test
    void noCountFromTheMovementRegisterNeedsInput() {
        Outcome o = criterion.evaluate(Given.counts(), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(o.compared().get(0).value()).isNull();
    }
}
