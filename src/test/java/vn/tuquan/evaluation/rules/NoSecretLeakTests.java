package vn.tuquan.evaluation.rules;

class NoSecretLeakTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoSecretLeak();
    }

    @Override
    String expectedCode() {
        return "NO_SECRET_LEAK";
    }

    @Override
    String countedKey() {
        return Fact.incidentsOfKind("SECRET_LEAK");
    }
}
