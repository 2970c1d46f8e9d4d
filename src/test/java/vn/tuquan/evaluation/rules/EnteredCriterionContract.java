package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every entered criterion does; each one's test class extends this with its own criterion. */
abstract class EnteredCriterionContract {

    abstract EnteredCriterion criterion();

    abstract String expectedCode();

    @Test
    void enteredYesWithEvidenceIsMetAndNamesTheEvidenceAndWho() {
        Outcome o = criterion()
                .evaluate(
                        Given.entered(
                                expectedCode(),
                                new Entry(true, "Nghị quyết số 12/NQ-CB ngày 15/02/2023", "truongthon")),
                        Params.NONE);
        assertThat(o.criterion()).isEqualTo(expectedCode());
        assertThat(o.result()).isEqualTo(Result.MET);
        Comparison c = o.compared().get(0);
        assertThat(c.source()).isEqualTo(Source.ENTERED);
        assertThat(c.value()).isEqualTo(true);
        assertThat(c.threshold()).isEqualTo(true);
        assertThat(c.evidence()).isEqualTo("Nghị quyết số 12/NQ-CB ngày 15/02/2023");
        assertThat(c.enteredBy()).isEqualTo("truongthon");
    }

    @Test
    void enteredNoIsNotMet() {
        Outcome o = criterion()
                .evaluate(
                        Given.entered(expectedCode(), new Entry(false, "Biên bản họp 03/11/2023", "ca.xa")),
                        Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NOT_MET);
        assertThat(o.compared().get(0).value()).isEqualTo(false);
        assertThat(o.compared().get(0).enteredBy()).isEqualTo("ca.xa");
    }

    @Test
    void nothingEnteredNeedsInput() {
        Outcome o = criterion().evaluate(Given.counts(), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NEEDS_INPUT);
        assertThat(o.compared().get(0).value()).isNull();
        assertThat(o.compared().get(0).source()).isEqualTo(Source.ENTERED);
    }

    @Test
    void anEntryForAnotherCriterionDoesNotCount() {
        Outcome o = criterion().evaluate(Given.entered("SOMETHING_ELSE", new Entry(true, "x", "y")), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.NEEDS_INPUT);
    }

    @Test
    void isRegisteredUnderItsCode() {
        assertThat(criterion().code()).isEqualTo(expectedCode());
        assertThat(Criteria.get(expectedCode())).isInstanceOf(criterion().getClass());
    }
}
