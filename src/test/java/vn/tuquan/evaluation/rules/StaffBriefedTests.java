package vn.tuquan.evaluation.rules;

class StaffBriefedTests extends ShareCriterionContract {

    @Override
    Criterion criterion() {
        return new StaffBriefed();
    }

    @Override
    String expectedCode() {
        return "STAFF_BRIEFED";
    }

    @Override
    String partKey() {
        return Fact.STAFF_BRIEFED;
    }

    @Override
    String totalKey() {
        return Fact.STAFF_TOTAL;
    }
}
