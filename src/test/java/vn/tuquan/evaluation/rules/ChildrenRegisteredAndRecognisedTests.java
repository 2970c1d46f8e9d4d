package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChildrenRegisteredAndRecognisedTests {

    final ChildrenRegisteredAndRecognised criterion = new ChildrenRegisteredAndRecognised();
    static final Params TT23 = Params.of("residentialAreasOnly", "true");

    static Facts areas(long total, long registered, long recognised) {
        return Given.counts(
                Fact.CHILDREN_AREAS_TOTAL,
                total,
                Fact.CHILDREN_AREAS_REGISTERED,
                registered,
                Fact.CHILDREN_AREAS_RECOGNISED,
                recognised,
                Fact.CHILDREN_TOTAL,
                40,
                Fact.CHILDREN_REGISTERED,
                40,
                Fact.CHILDREN_RECOGNISED,
                40);
    }

    @Test
    void theGuidancesWorkedExample16Of25FailsAnd18Passes() {
        Outcome sixteen = criterion.evaluate(areas(25, 25, 16), TT23);
        assertThat(sixteen.result()).isEqualTo(Result.NOT_MET);
        assertThat(sixteen.compared().get(1).value()).isEqualTo(new BigDecimal("64.00"));
        assertThat(sixteen.compared().get(1).threshold()).isEqualTo(new BigDecimal("70"));
        assertThat(sixteen.compared().get(1).source()).isEqualTo(Source.CHILDREN);
        assertThat(criterion.evaluate(areas(25, 25, 17), TT23).result()).isEqualTo(Result.NOT_MET);
        assertThat(criterion.evaluate(areas(25, 25, 18), TT23).result()).isEqualTo(Result.MET);
    }

    @Test
    void exactlySeventyPercentPasses() {
        assertThat(criterion
                        .evaluate(
                                Given.counts(
                                        Fact.CHILDREN_TOTAL,
                                        10,
                                        Fact.CHILDREN_REGISTERED,
                                        10,
                                        Fact.CHILDREN_RECOGNISED,
                                        7),
                                Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
        assertThat(criterion
                        .evaluate(
                                Given.counts(
                                        Fact.CHILDREN_TOTAL,
                                        1000,
                                        Fact.CHILDREN_REGISTERED,
                                        1000,
                                        Fact.CHILDREN_RECOGNISED,
                                        699),
                                Params.NONE)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void oneChildNotRegisteredFailsEvenWhenEnoughAreRecognised() {
        Outcome o = criterion.evaluate(
                Given.counts(Fact.CHILDREN_TOTAL, 30, Fact.CHILDREN_REGISTERED, 29, Fact.CHILDREN_RECOGNISED, 29),
                Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NOT_MET);
        assertThat(o.compared().get(0).item()).isEqualTo(Fact.CHILDREN_REGISTERED + "Percent");
    }

    @Test
    void underTt124EveryKindOfChildCountsNotOnlyTheAreas() {
        // the areas alone would pass (18 of 25), the commune's children as a whole do not (20 of 40)
        Facts f = Given.counts(
                Fact.CHILDREN_AREAS_TOTAL,
                25,
                Fact.CHILDREN_AREAS_REGISTERED,
                25,
                Fact.CHILDREN_AREAS_RECOGNISED,
                18,
                Fact.CHILDREN_TOTAL,
                40,
                Fact.CHILDREN_REGISTERED,
                40,
                Fact.CHILDREN_RECOGNISED,
                20);
        assertThat(criterion.evaluate(f, Params.NONE).result()).isEqualTo(Result.NOT_MET);
        assertThat(criterion.evaluate(f, TT23).result()).isEqualTo(Result.MET);
    }

    @Test
    void aCommuneWithoutChildrenOrTheirVerdictsNeedsInput() {
        assertThat(criterion.evaluate(Given.counts(), Params.NONE).result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(criterion
                        .evaluate(
                                Given.counts(
                                        Fact.CHILDREN_TOTAL,
                                        0,
                                        Fact.CHILDREN_REGISTERED,
                                        0,
                                        Fact.CHILDREN_RECOGNISED,
                                        0),
                                Params.NONE)
                        .result())
                .isEqualTo(Result.NEEDS_INPUT);
        assertThat(criterion
                        .evaluate(Given.counts(Fact.CHILDREN_TOTAL, 12, Fact.CHILDREN_REGISTERED, 12), Params.NONE)
                        .result())
                .isEqualTo(Result.NEEDS_INPUT);
    }
}
