package vn.tuquan.evaluation.rules;

class SecurityPlanTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new SecurityPlan();
    }

    @Override
    String expectedCode() {
        return "SECURITY_PLAN";
    }
}
