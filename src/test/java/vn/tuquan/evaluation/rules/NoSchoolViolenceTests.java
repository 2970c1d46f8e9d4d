package vn.tuquan.evaluation.rules;

class NoSchoolViolenceTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoSchoolViolence();
    }

    @Override
    String expectedCode() {
        return "NO_SCHOOL_VIOLENCE";
    }

    @Override
    String countedKey() {
        return Fact.incidentsOfKind("SCHOOL_VIOLENCE");
    }
}
