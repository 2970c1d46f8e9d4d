package vn.tuquan.evaluation.rules;

class InternalRulesTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new InternalRules();
    }

    @Override
    String expectedCode() {
        return "INTERNAL_RULES";
    }
}
