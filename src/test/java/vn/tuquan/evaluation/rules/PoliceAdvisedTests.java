package vn.tuquan.evaluation.rules;

class PoliceAdvisedTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new PoliceAdvised();
    }

    @Override
    String expectedCode() {
        return "POLICE_ADVISED";
    }
}
