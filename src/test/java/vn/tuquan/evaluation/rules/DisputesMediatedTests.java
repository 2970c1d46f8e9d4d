package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DisputesMediatedTests {

    final DisputesMediated criterion = new DisputesMediated();

    @Test
    void noMediationIsMet() {
        Outcome o = criterion.evaluate(Given.counts(), Params.NONE);
        assertThat(o.result()).isEqualTo(Result.MET);
        assertThat(o.compared().get(0).value()).isEqualTo(0L);
    }

    @Test
    void byDefaultEveryDisputeMediatedIsMetWhateverItsOutcome() {
        assertThat(criterion
                        .evaluate(Given.counts(Fact.MEDIATIONS, 4, Fact.MEDIATIONS_RECONCILED, 0), Params.NONE)
                        .result())
                .isEqualTo(Result.MET);
    }

    @Test
    void aProvincialReconciledShareIsExactAtItsEdge() {
        Params eighty = Params.of("minPercent", "80");
        Outcome atEdge = criterion.evaluate(Given.counts(Fact.MEDIATIONS, 5, Fact.MEDIATIONS_RECONCILED, 4), eighty);
        assertThat(atEdge.result()).isEqualTo(Result.MET);
        assertThat(atEdge.compared().get(0).value()).isEqualTo(new BigDecimal("80.00"));
        assertThat(criterion
                        .evaluate(Given.counts(Fact.MEDIATIONS, 1000, Fact.MEDIATIONS_RECONCILED, 799), eighty)
                        .result())
                .isEqualTo(Result.NOT_MET);
        assertThat(criterion.evaluate(Given.counts(), eighty).result()).isEqualTo(Result.MET);
    }

    @Test
    void neverNeedsInput() {
        assertThat(criterion
                        .evaluate(Given.counts(Fact.MEDIATIONS, 2), Params.of("minPercent", "100"))
                        .result())
                .isEqualTo(Result.NOT_MET);
    }
}
