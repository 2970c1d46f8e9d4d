package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The movement part of the demo: F7's final reviews, the 2017 titles, and no duplicates on a second load. */
@TuquanTest
@ActiveProfiles("demo")
class DemoMovementTests {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theTenYearFinalReviewsAreThoseOfTheArticle() {
        UnitView province =
                units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF).orElseThrow();
        var groups = conferences.finalReviews(
                Scope.WHOLE_COUNTRY,
                province.id(),
                java.time.LocalDate.of(2007, 7, 1),
                java.time.LocalDate.of(2017, 6, 30));
        assertThat(groups.get("COMMUNE")).hasSize(13);
        assertThat(groups.get("DISTRICT")).hasSize(2);
        assertThat(groups.get("ORGANISATION")).hasSize(11);
        assertThat(titles.rate(Scope.WHOLE_COUNTRY, province.id(), "ADVANCED_PARISH", UnitKind.PARISH, 2017)
                        .share())
                .isEqualTo(1.0);
        assertThat(models.effectiveCount(Scope.WHOLE_COUNTRY, province.id(), 2017))
                .isPositive();
        int before = models.under(Scope.WHOLE_COUNTRY, province.id()).size();
        movement.loadIfAbsent();
        assertThat(models.under(Scope.WHOLE_COUNTRY, province.id())).hasSize(before);
    }

    @Test
    void f16FourInFiveCatholicHouseholdsOfHaiHauAreExemplaryCatholicFamiliesIn2017() {
        UnitView haiHau = units.findByCode(Scope.WHOLE_COUNTRY, DemoHouseholds.DISTRICT, NamDinh2017.AS_OF)
                .orElseThrow();
        Title.Rate rate =
                titles.householdRate(Scope.WHOLE_COUNTRY, haiHau.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, 2017);
        // computed from the records: the Catholic households living there at the end of 2017, and their awards
        long catholic = jdbc.sql("SELECT count(*) FROM household h JOIN household_residence r ON r.household_id = h.id"
                        + " WHERE h.catholic AND r.valid_from <= DATE '2017-12-31'"
                        + " AND (r.valid_to IS NULL OR r.valid_to > DATE '2017-12-31')")
                .query(Long.class)
                .single();
        long awards = jdbc.sql("SELECT count(*) FROM title_award WHERE title_code = 'EXEMPLARY_CATHOLIC_FAMILY'"
                        + " AND year = 2017")
                .query(Long.class)
                .single();
        assertThat(rate.total()).isEqualTo(catholic).isGreaterThan(1000);
        assertThat(rate.awarded()).isEqualTo(awards);
        assertThat(rate.share()).isBetween(0.75, 0.85);
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, haiHau.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, 2016)
                        .awarded())
                .isZero();
        // one decision per commune, by its People's Committee
        assertThat(jdbc.sql("SELECT count(DISTINCT decision_number) FROM title_award WHERE household_id IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isGreaterThan(20);
        // the district's page shows the 2017 rate next to the parishes'
        vn.tuquan.WebSession officer = new vn.tuquan.WebSession(port);
        officer.signIn("canbo.tinh", DemoLogins.PASSWORD);
        var page = officer.getPage("/movement/units/" + haiHau.id());
        assertThat(page.statusCode()).isEqualTo(200);
        var row = org.jsoup.Jsoup.parse(page.body()).selectFirst("table.household-title-rates tr[data-year=2017]");
        assertThat(row).isNotNull();
        assertThat(row.selectFirst("td.families").text().replace(".", "")) // 6.285 in Vietnamese
                .isEqualTo(rate.awarded() + "/" + rate.total() + " (" + rate.percent() + "%)");
        // loaded once
        movement.awardHouseholdsIfAbsent();
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, haiHau.id(), Titles.EXEMPLARY_CATHOLIC_FAMILY, 2017))
                .isEqualTo(rate);
    }
}
