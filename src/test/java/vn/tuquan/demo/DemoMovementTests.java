package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.Titles;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The movement part of the demo: F7's final reviews, the 2017 titles, and no duplicates on a second load. */
@TuquanTest
@ActiveProfiles("demo")
class DemoMovementTests {

    @Autowired
    Units units;

    @Autowired
    DemoMovement movement;

    @Autowired
    Models models;

    @Autowired
    Conferences conferences;

    @Autowired
    Titles titles;

    @Test
    void theTenYearFinalReviewsAreThoseOfTheArticle() {
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF).orElseThrow();
        var groups = conferences.finalReviews(Scope.WHOLE_COUNTRY, province.id(), java.time.LocalDate.of(2007, 7, 1),
                java.time.LocalDate.of(2017, 6, 30));
        assertThat(groups.get("COMMUNE")).hasSize(13);
        assertThat(groups.get("DISTRICT")).hasSize(2);
        assertThat(groups.get("ORGANISATION")).hasSize(11);
        assertThat(titles.rate(Scope.WHOLE_COUNTRY, province.id(), "ADVANCED_PARISH", UnitKind.PARISH, 2017).share())
                .isEqualTo(1.0);
        assertThat(models.effectiveCount(Scope.WHOLE_COUNTRY, province.id(), 2017)).isPositive();
        int before = models.under(Scope.WHOLE_COUNTRY, province.id()).size();
        movement.loadIfAbsent();
        assertThat(models.under(Scope.WHOLE_COUNTRY, province.id())).hasSize(before);
    }
}
