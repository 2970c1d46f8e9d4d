package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoMassComplaintOrStrikeTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoMassComplaintOrStrike();
    }

    @Override
    String expectedCode() {
        return "NO_MASS_COMPLAINT_OR_STRIKE";
    }

    @Override
    String countedKey() {
        return Fact.incidentsOfKind("ILLEGAL_STRIKE");
    }

    @Test
    void aMassComplaintAndAStrikeAddUpAndEachIsShown() {
        Outcome o = criterion()
                .evaluate(
                        Given.counts(
                                Fact.incidentsOfKind("MASS_COMPLAINT"), 1, Fact.incidentsOfKind("ILLEGAL_STRIKE"), 1),
                        Params.of("max", "1"));
        assertThat(o.result()).isEqualTo(Result.NOT_MET);
        assertThat(o.compared())
                .extracting(Comparison::item)
                .containsExactly(
                        "incidents.kind.MASS_COMPLAINT+incidents.kind.ILLEGAL_STRIKE",
                        "incidents.kind.MASS_COMPLAINT",
                        "incidents.kind.ILLEGAL_STRIKE");
        assertThat(o.compared().get(0).value()).isEqualTo(2L);
    }

    @Test
    void aMassComplaintAloneFails() {
        assertThat(criterion()
                        .evaluate(Given.counts(Fact.incidentsOfKind("MASS_COMPLAINT"), 1), Params.NONE)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void theKindsAreAParameter() {
        assertThat(criterion()
                        .evaluate(
                                Given.counts(Fact.incidentsOfKind("ILLEGAL_STRIKE"), 1),
                                Params.of("kinds", "MASS_COMPLAINT"))
                        .result())
                .isEqualTo(Result.MET);
    }
}
