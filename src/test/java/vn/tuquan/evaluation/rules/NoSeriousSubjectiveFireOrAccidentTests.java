package vn.tuquan.evaluation.rules;

class NoSeriousSubjectiveFireOrAccidentTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoSeriousSubjectiveFireOrAccident();
    }

    @Override
    String expectedCode() {
        return "NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT";
    }

    @Override
    String countedKey() {
        return Fact.SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS;
    }

    @org.junit.jupiter.api.Test
    void fireIncidentsWithoutASubjectiveSeriousCauseDoNotCount() {
        org.assertj.core.api.Assertions.assertThat(criterion()
                        .evaluate(Given.counts(Fact.incidentsOfKind("FIRE"), 3), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
    }
}
