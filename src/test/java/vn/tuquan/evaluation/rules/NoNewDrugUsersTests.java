package vn.tuquan.evaluation.rules;

class NoNewDrugUsersTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoNewDrugUsers();
    }

    @Override
    String expectedCode() {
        return "NO_NEW_DRUG_USERS";
    }

    @Override
    String countedKey() {
        return Fact.DRUG_USERS_NEW;
    }

    @org.junit.jupiter.api.Test
    void drugUsersAlreadyKnownDoNotCount() {
        org.assertj.core.api.Assertions.assertThat(criterion()
                        .evaluate(Given.counts(Fact.DRUG_USERS_PRESENT, 4), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
    }
}
