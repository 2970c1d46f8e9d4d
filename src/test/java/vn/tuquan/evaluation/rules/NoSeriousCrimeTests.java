package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoSeriousCrimeTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoSeriousCrime();
    }

    @Override
    String expectedCode() {
        return "NO_SERIOUS_CRIME";
    }

    @Override
    String countedKey() {
        return Fact.crimesOfClass("SERIOUS");
    }

    @Test
    void graverClassesCountLighterOnesDoNot() {
        assertThat(criterion()
                        .evaluate(Given.counts(Fact.crimesOfClass("ESPECIALLY_SERIOUS"), 1), Params.NONE)
                        .result())
                .isEqualTo(Result.NOT_MET);
        assertThat(criterion()
                        .evaluate(Given.counts(Fact.crimesOfClass("VERY_SERIOUS"), 1), Params.NONE)
                        .result())
                .isEqualTo(Result.NOT_MET);
        assertThat(criterion()
                        .evaluate(Given.counts(Fact.crimesOfClass("LESS_SERIOUS"), 7), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
    }

    @Test
    void fromClassIsAParameter() {
        assertThat(criterion()
                        .evaluate(
                                Given.counts(Fact.crimesOfClass("SERIOUS"), 1), Params.of("fromClass", "VERY_SERIOUS"))
                        .result())
                .isEqualTo(Result.MET);
        assertThat(criterion()
                        .evaluate(
                                Given.counts(Fact.crimesOfClass("LESS_SERIOUS"), 1),
                                Params.of("fromClass", "LESS_SERIOUS"))
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void anUnknownClassIsRefusedByName() {
        assertThatThrownBy(() -> criterion().evaluate(Given.counts(), Params.of("fromClass", "GRAVE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromClass")
                .hasMessageContaining("GRAVE");
    }
}
