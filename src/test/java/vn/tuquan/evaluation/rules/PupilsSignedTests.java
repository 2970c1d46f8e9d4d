package vn.tuquan.evaluation.rules;

class PupilsSignedTests extends EnteredCriterionContract {

    @Override
    EnteredCriterion criterion() {
        return new PupilsSigned();
    }

    @Override
    String expectedCode() {
        return "PUPILS_SIGNED";
    }
}
