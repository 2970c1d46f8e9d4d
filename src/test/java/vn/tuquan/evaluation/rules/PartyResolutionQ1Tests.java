package vn.tuquan.evaluation.rules;

class PartyResolutionQ1Tests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new PartyResolutionQ1();
    }

    @Override
    String expectedCode() {
        return "PARTY_RESOLUTION_Q1";
    }
}
