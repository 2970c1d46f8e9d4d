package vn.tuquan.evaluation.rules;

class PoliceNotDisciplinedTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new PoliceNotDisciplined();
    }

    @Override
    String expectedCode() {
        return "POLICE_NOT_DISCIPLINED";
    }
}
