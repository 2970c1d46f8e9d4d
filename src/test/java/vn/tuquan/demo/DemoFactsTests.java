package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.order.OrderFacts;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.Units;

/**
 * The source's headline figures (F13) come straight out of the demo's registers through the facts
 * API: 1,081 residential areas with no crime, 807 residential areas and 12 communes with no drug user
 * in the 2017 period.
 */
@TuquanTest
@ActiveProfiles("demo")
class DemoFactsTests {

    @Autowired
    OrderFacts facts;

    @Autowired
    Units units;

    @Test
    void theHeadlineFiguresOf2017AreComputedFromTheRegisters() {
        long province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        OrderFacts.Headline headline = facts.headline(Scope.WHOLE_COUNTRY, province, 2017);
        assertThat(headline.residentialAreas()).isEqualTo(3161);
        assertThat(headline.residentialAreasWithNoCrime()).isEqualTo(1081);
        assertThat(headline.residentialAreasWithNoDrugUser()).isEqualTo(807);
        assertThat(headline.communes()).isEqualTo(229);
        assertThat(headline.communesWithNoDrugUser()).isEqualTo(12);
    }
}
