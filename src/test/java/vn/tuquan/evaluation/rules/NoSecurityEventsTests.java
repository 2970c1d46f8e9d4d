package vn.tuquan.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoSecurityEventsTests extends NoEventsContract {

    @Override
    Criterion criterion() {
        return new NoSecurityEvents();
    }

    @Override
    String expectedCode() {
        return "NO_SECURITY_EVENTS";
    }

    @Override
    String countedKey() {
        return Fact.incidentsOfCategory("SECURITY_C");
    }

    @Test
    void everyCategoryAToEIsCountedByDefault() {
        for (String c : new String[] {"SECURITY_A", "SECURITY_B", "SECURITY_C", "SECURITY_D", "SECURITY_E"}) {
            assertThat(criterion()
                            .evaluate(Given.counts(Fact.incidentsOfCategory(c), 1), Params.NONE)
                            .result())
                    .as(c)
                    .isEqualTo(Result.NOT_MET);
        }
        Outcome o = criterion().evaluate(Given.counts(Fact.incidentsOfCategory("SECURITY_A"), 1), Params.NONE);
        assertThat(o.compared()).hasSize(6);
    }

    @Test
    void theCategoriesAreAParameter() {
        Params ab = Params.of("categories", "SECURITY_A, SECURITY_B");
        assertThat(criterion()
                        .evaluate(Given.counts(Fact.incidentsOfCategory("SECURITY_C"), 1), ab)
                        .result())
                .isEqualTo(Result.MET);
        assertThat(criterion()
                        .evaluate(Given.counts(Fact.incidentsOfCategory("SECURITY_B"), 1), ab)
                        .result())
                .isEqualTo(Result.NOT_MET);
    }

    @Test
    void anEmptyListOfCategoriesIsRefused() {
        assertThatThrownBy(() -> criterion().evaluate(Given.counts(), Params.of("categories", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SECURITY_EVENTS");
    }
}
