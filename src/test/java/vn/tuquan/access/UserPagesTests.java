package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.demo.DemoLogins;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;

/** Managing people: only inside one's scope, never granting more than one holds. */
@TuquanTest
@ActiveProfiles("demo")
class UserPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Callers callers;

    @Test
    void aProvincialOfficerCreatesACommuneOfficerForOneCommune() {
        WebSession session = signedIn("canbo.tinh");
        Document page = Jsoup.parse(session.getPage("/access").body());
        assertThat(page.select("#people td code").eachText())
                .contains("canbo.tinh", "canbo.xa", "truongthon")
                .doesNotContain("quantri");
        String haiMinh = page.select("#unitId option").stream()
                .filter(o -> o.text().equals("Xã Hải Minh"))
                .findFirst()
                .orElseThrow()
                .attr("value");
        assertThat(page.select("#role option").eachAttr("value"))
                .contains("COMMUNE_OFFICER")
                .doesNotContain("SYSTEM_ADMIN");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", page.selectFirst("#new-user input[name=_csrf]").attr("value"));
        form.put("username", "canbo.haiminh2");
        form.put("displayName", "Ngô Thị Hoa");
        form.put("password", "mot cau de nho cua hoa");
        form.put("role", "COMMUNE_OFFICER");
        form.put("unitId", haiMinh);
        HttpResponse<String> created = session.postForm("/access/users", form);
        assertThat(created.statusCode()).isEqualTo(302);

        Caller newOfficer = callers.forUsername("canbo.haiminh2").orElseThrow();
        assertThat(newOfficer.can(Permission.ORDER_WRITE)).isTrue();
        assertThat(newOfficer.can(Permission.SENSITIVE_READ)).isFalse();
        assertThat(newOfficer.capture().unitIds()).containsExactly(Long.parseLong(haiMinh));
        assertThat(Jsoup.parse(session.getPage("/access").body())
                        .select("#people td code")
                        .eachText())
                .contains("canbo.haiminh2");
    }

    @Test
    void aCommuneOfficerSeesOnlyPeopleOfTheirCommuneAndCannotGrantMore() {
        WebSession session = signedIn("canbo.xa");
        Document page = Jsoup.parse(session.getPage("/access").body());
        assertThat(page.select("#people td code").eachText())
                .contains("canbo.xa", "truongthon")
                .doesNotContain("canbo.tinh", "bandaochi", "quantri");
        assertThat(page.select("#role option").eachAttr("value"))
                .contains("AREA_HEAD")
                .doesNotContain("PROVINCIAL_OFFICER", "SYSTEM_ADMIN");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", page.selectFirst("#new-user input[name=_csrf]").attr("value"));
        form.put("username", "quyen.qua.lon");
        form.put("displayName", "Thử Quyền");
        form.put("password", "mat khau du dai de thu");
        form.put("role", "PROVINCIAL_OFFICER");
        form.put("unitId", page.selectFirst("#unitId option").attr("value"));
        assertThat(session.postForm("/access/users", form).statusCode()).isEqualTo(403);
        assertThat(callers.forUsername("quyen.qua.lon"))
                .as("nothing was created")
                .isEmpty();
    }

    @Test
    void aVillageHeadCannotManageUsers() {
        assertThat(signedIn("truongthon").getPage("/access").statusCode()).isEqualTo(403);
    }

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, DemoLogins.PASSWORD);
        return session;
    }
}
