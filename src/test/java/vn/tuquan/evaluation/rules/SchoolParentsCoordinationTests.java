package vn.tuquan.evaluation.rules;

class SchoolParentsCoordinationTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new SchoolParentsCoordination();
    }

    @Override
    String expectedCode() {
        return "SCHOOL_PARENTS_COORDINATION";
    }
}
