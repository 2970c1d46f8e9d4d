package vn.tuquan.evaluation.rules;

class StaffSignedTests extends ShareCriterionContract {

    @Override
    Criterion criterion() {
        return new StaffSigned();
    }

    @Override
    String expectedCode() {
        return "STAFF_SIGNED";
    }

    @Override
    String partKey() {
        return Fact.STAFF_SIGNED;
    }

    @Override
    String totalKey() {
        return Fact.STAFF_TOTAL;
    }
}
