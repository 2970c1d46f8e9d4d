package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.Units;

/**
 * Each demo login's home page and menu offer exactly the areas it may open: every card leads to a page
 * that opens, and every area left out answers 403 to that login. The commune police officer of the demo
 * manages Xã Hải Minh's drug users and nobody else's.
 */
@TuquanTest
@ActiveProfiles("demo")
class DemoHomeTests {

    static final List<String> AREAS =
            List.of("/units", "/access", "/movement", "/order", "/evaluation", "/statistics", "/citizens");

    @LocalServerPort
    int port;

    @Test
    void everyLoginIsOfferedExactlyTheAreasItMayOpen() {
        int hidden = 0;
        for (String login : DemoLogins.usernames()) {
            WebSession session = new WebSession(port);
            session.signIn(login, DemoLogins.PASSWORD);
            Document home = Jsoup.parse(session.getPage("/").body());
            List<String> cards = home.select(".area-card a").eachAttr("href");
            List<String> menu =
                    home.select("#navigation .navbar-nav.me-auto a.nav-link").eachAttr("href");
            assertThat(menu)
                    .as(login + ": the menu offers what the cards offer")
                    .isEqualTo(cards);
            List<String> opening = new ArrayList<>();
            for (String area : AREAS) {
                int status = session.getPage(area).statusCode();
                assertThat(status).as(login + " " + area).isIn(200, 403);
                if (status == 200) {
                    opening.add(area);
                }
            }
            assertThat(cards)
                    .as(login + ": a card for each area that opens, none for one that refuses")
                    .isEqualTo(opening);
            hidden += AREAS.size() - cards.size();
        }
        assertThat(hidden).as("some logins are refused some areas").isPositive();
    }

    @Test
    void theCommunePoliceOfficerManagesTheCommunesDrugUsersOnly(@Autowired Units units, @Autowired JdbcClient jdbc) {
        long haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        long namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", NamDinh2017.AS_OF)
                .orElseThrow()
                .id();
        WebSession police = new WebSession(port);
        police.signIn("congan.xa", DemoLogins.PASSWORD);
        var list = police.getPage("/order/units/" + haiMinh + "/drug-users?year=2017");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(list.body()).select("table.drug-users tbody tr")).isNotEmpty();
        assertThat(police.getPage("/order/units/" + namMy + "/drug-users?year=2017")
                        .statusCode())
                .isEqualTo(403);
        assertThat(police.getPage("/access").statusCode())
                .as("no user management")
                .isEqualTo(403);
        long readsBefore = jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE actor_username = 'congan.xa' AND module = 'order'")
                .query(Long.class)
                .single();
        police.getPage("/order/units/" + haiMinh + "/drug-users?year=2017");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_username = 'congan.xa' AND module = 'order'")
                        .query(Long.class)
                        .single())
                .as("the read of the list is audited")
                .isGreaterThan(readsBefore);
    }
}
