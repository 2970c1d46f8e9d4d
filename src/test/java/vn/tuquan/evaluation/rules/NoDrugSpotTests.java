package vn.tuquan.evaluation.rules;

class NoDrugSpotTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoDrugSpot();
    }

    @Override
    String expectedCode() {
        return "NO_DRUG_SPOT";
    }

    @Override
    String countedKey() {
        return Fact.DRUG_SPOTS;
    }
}
