package vn.tuquan.evaluation.rules;

class NoStaffOffenceTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoStaffOffence();
    }

    @Override
    String expectedCode() {
        return "NO_STAFF_OFFENCE";
    }

    @Override
    String countedKey() {
        return Fact.incidentsOfKind("STAFF_OFFENCE");
    }
}
