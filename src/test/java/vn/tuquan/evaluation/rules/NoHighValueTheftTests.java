package vn.tuquan.evaluation.rules;

class NoHighValueTheftTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoHighValueTheft();
    }

    @Override
    String expectedCode() {
        return "NO_HIGH_VALUE_THEFT";
    }

    @Override
    String countedKey() {
        return Fact.incidentsOfKind("HIGH_VALUE_THEFT");
    }
}
