package vn.tuquan.evaluation.rules;

class StaffFulfilDutiesTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new StaffFulfilDuties();
    }

    @Override
    String expectedCode() {
        return "STAFF_FULFIL_DUTIES";
    }
}
