package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.evaluation.ResultsPage;
import vn.tuquan.evaluation.StoredVerdicts;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The demo holds the 2017 evaluation run from its records: a proposed verdict for every residential
 * area of Nam Định, and Xã Hải Minh's areas decided by the commune — recognised exactly when every
 * criterion was met, the others refused with the criteria they failed.
 */
@TuquanTest
@ActiveProfiles("demo")
class DemoEvaluationTests {

    @Autowired
    Units units;

    @Autowired
    StoredVerdicts storedVerdicts;

    @Autowired
    Evaluations evaluations;

    @Test
    void everyResidentialAreaOfTheProvinceHasAProposedVerdictFor2017() {
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, NamDinh2017.PROVINCE, NamDinh2017.AS_OF)
                .orElseThrow();
        ResultsPage page = storedVerdicts.results(Scope.WHOLE_COUNTRY, province.id(), DemoEvaluation.YEAR, null, 1, 0);
        long proposed =
                page.counts().values().stream().mapToLong(Long::longValue).sum();
        // the 3,161 residential areas (DemoFactsTests) and the 229 communes at least, each with one verdict
        assertThat(proposed).isGreaterThanOrEqualTo(3161 + 229);
        assertThat(page.counts().getOrDefault("NOT_MET", 0L)).isPositive();
    }

    @Test
    void haiMinhsAreasWereDecidedByTheirRecordsAndTheVillageHeadsAreaAwaitsThem() {
        UnitView haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, DemoEvaluation.HAI_MINH, NamDinh2017.AS_OF)
                .orElseThrow();
        List<UnitView> areas = units.children(Scope.WHOLE_COUNTRY, haiMinh.id(), NamDinh2017.AS_OF).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .toList();
        assertThat(areas).hasSizeGreaterThan(3);
        Evaluation villageHeads =
                evaluations.find(Scope.WHOLE_COUNTRY, areas.get(0).id(), 2017).orElseThrow();
        assertThat(villageHeads.status()).isIn(Evaluation.Status.REGISTERED, Evaluation.Status.DRAFT);
        assertThat(villageHeads.locked()).isFalse();
        int recognised = 0;
        for (UnitView area : areas.subList(1, areas.size())) {
            Evaluation e =
                    evaluations.find(Scope.WHOLE_COUNTRY, area.id(), 2017).orElseThrow();
            assertThat(e.locked()).as(area.name()).isTrue();
            assertThat(e.decisionNumber()).isEqualTo(DemoEvaluation.COMMUNE_DECISION.number());
            if (e.status() == Evaluation.Status.RECOGNISED) {
                recognised++;
                assertThat(e.proposed()).as(area.name()).isEqualTo("MET");
            } else {
                assertThat(e.status()).isEqualTo(Evaluation.Status.REJECTED);
                assertThat(e.proposed()).as(area.name()).isNotEqualTo("MET");
                assertThat(e.reasons()).startsWith("Chưa đạt tiêu chí");
            }
        }
        assertThat(recognised).isPositive();
        assertThat(evaluations
                        .find(Scope.WHOLE_COUNTRY, haiMinh.id(), 2017)
                        .orElseThrow()
                        .status())
                .isEqualTo(Evaluation.Status.SUBMITTED);
    }
}
