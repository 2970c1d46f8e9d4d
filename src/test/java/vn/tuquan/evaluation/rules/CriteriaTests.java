package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CriteriaTests {

    @Test
    void everyCriterionIsRegisteredUnderItsOwnCodeAndAnswersForNoFactsAtAll() {
        assertThat(Criteria.all()).hasSize(28);
        Criteria.all().forEach((code, c) -> {
            assertThat(c.code()).isEqualTo(code).matches("[A-Z][A-Z0-9_]*");
            Outcome o = c.evaluate(Given.counts(), Params.NONE);
            assertThat(o.criterion()).isEqualTo(code);
            assertThat(o.compared()).as(code).isNotEmpty();
        });
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertThat(Criteria.exists("NO_SUCH_THING")).isFalse();
        assertThatThrownBy(() -> Criteria.get("NO_SUCH_THING")).hasMessageContaining("NO_SUCH_THING");
    }
}
