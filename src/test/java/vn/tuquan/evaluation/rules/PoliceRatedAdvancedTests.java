package vn.tuquan.evaluation.rules;

class PoliceRatedAdvancedTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new PoliceRatedAdvanced();
    }

    @Override
    String expectedCode() {
        return "POLICE_RATED_ADVANCED";
    }
}
