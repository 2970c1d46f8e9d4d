package vn.tuquan.evaluation.rules;

class PoliciesCarriedOutTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new PoliciesCarriedOut();
    }

    @Override
    String expectedCode() {
        return "POLICIES_CARRIED_OUT";
    }
}
