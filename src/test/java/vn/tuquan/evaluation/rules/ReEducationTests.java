package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReEducationTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new ReEducation();
    }

    @Override
    String expectedCode() {
        return "RE_EDUCATION";
    }

    @Test
    void theCasesStartedAreShownButDoNotDecide() {
        Outcome none = criterion().evaluate(Given.counts(Fact.RE_EDUCATIONS, 3), Params.NONE);
        assertThat(none.result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(none.compared().get(1).item()).isEqualTo(Fact.RE_EDUCATIONS);
        assertThat(none.compared().get(1).value()).isEqualTo(3L);
        assertThat(none.compared().get(1).source()).isEqualTo(Source.COMPUTED);
        Outcome no = criterion()
                .evaluate(
                        Given.entered(expectedCode(), new Entry(false, "Báo cáo", "ca.xa"), Fact.RE_EDUCATIONS, 3),
                        Params.NONE);
        assertThat(no.result()).isEqualTo(Result.NOT_MET);
    }
}
