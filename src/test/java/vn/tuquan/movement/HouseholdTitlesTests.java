package vn.tuquan.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.Chromium;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.Households;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * Household titles (F16): "Gia đình Công giáo gương mẫu" only for Catholic households, a decision
 * for every award, the capture scope, one decision for many households all or none, the share of
 * Catholic households awarded moving with one record, removing a mistaken award; over the service,
 * the API and the unit's page.
 */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=movement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdTitlesTests {

    static final String CATHOLIC = Titles.EXEMPLARY_CATHOLIC_FAMILY;
    static final String BODY = "Ủy ban nhân dân phường Hạ Long";

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Households households;

    @Autowired
    Titles titles;

    @Autowired
    JdbcClient jdbc;

    Caller wardOfficer;
    /** Catholic households of the village of Phường Hạ Long. */
    List<Long> catholic;
    /** Households of that village that are not Catholic. */
    List<Long> others;
    /** A Catholic household of Phường Trần Tế Xương, outside the ward officer's scope. */
    long elsewhere;

    @BeforeAll
    void setUp() {
        MovementFixture.ensure(lists, localUnits, units);
        LocalDate from = MovementFixture.LIST_DATE;
        catholic = new java.util.ArrayList<>();
        others = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            boolean isCatholic = i <= 4;
            Household h = households.add(
                    Caller.SYSTEM,
                    MovementFixture.village,
                    new HouseholdForm(
                            "GD-" + i, (isCatholic ? "Trần Văn Giuse " : "Lê Văn Bình ") + i, null, 4, isCatholic),
                    from);
            (isCatholic ? catholic : others).add(h.id());
        }
        elsewhere = households
                .add(
                        Caller.SYSTEM,
                        MovementFixture.villageElsewhere,
                        new HouseholdForm("GD-9", "Phạm Thị Maria", null, 3, true),
                        from)
                .id();
        wardOfficer = new Caller(
                61,
                "ward",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
    }

    Title.HouseholdAwardForm decision(String title, int year, List<Long> ids) {
        return new Title.HouseholdAwardForm(title, year, ids, BODY, "15/QĐ-UBND", LocalDate.of(year, 12, 20));
    }

    long awards() {
        return jdbc.sql("SELECT count(*) FROM title_award WHERE household_id IS NOT NULL")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyACatholicHouseholdIsAnExemplaryCatholicFamily() {
        long before = awards();
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer, MovementFixture.village, decision(CATHOLIC, 2022, List.of(others.get(0)))))
                .isInstanceOfSatisfying(MovementRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("movement.error.notCatholic");
                    assertThat(e.args()).contains("GD-5", "Lê Văn Bình 5");
                });
        assertThat(awards()).isEqualTo(before);
        var cultured = titles.awardHouseholds(
                wardOfficer, MovementFixture.village, decision("CULTURED_FAMILY", 2022, List.of(others.get(0))));
        assertThat(cultured).singleElement().satisfies(a -> {
            assertThat(a.householdId()).isEqualTo(others.get(0));
            assertThat(a.unitId()).isEqualTo(MovementFixture.village);
        });
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer,
                        MovementFixture.village,
                        decision("CULTURED_FAMILY", 2022, List.of(others.get(0)))))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.householdAlreadyAwarded"));
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer,
                        MovementFixture.village,
                        decision("ADVANCED_PARISH", 2022, List.of(catholic.get(0)))))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.notHouseholdTitle"));
    }

    @Test
    void anAwardNeedsADecisionAndTheDatabaseInsists() {
        long before = awards();
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer,
                        MovementFixture.village,
                        new Title.HouseholdAwardForm(CATHOLIC, 2023, List.of(catholic.get(0)), BODY, " ", null)))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("decisionNumber"));
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer,
                        MovementFixture.village,
                        new Title.HouseholdAwardForm(CATHOLIC, 2023, List.of(catholic.get(0)), null, "16/QĐ", null)))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("decidingBody"));
        assertThat(awards()).isEqualTo(before);
        // the database refuses a household title without a household, and a unit title naming one
        assertThatThrownBy(() ->
                        jdbc.sql("""
                INSERT INTO title_award (title_code, awarded_to, year, unit_id, deciding_body, decision_number)
                VALUES ('EXEMPLARY_CATHOLIC_FAMILY', 'HOUSEHOLD', 2023, :unit, 'UBND', '1/QĐ')""").param("unit", MovementFixture.village).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO title_award (title_code, awarded_to, year, unit_id, household_id, deciding_body, decision_number)
                VALUES ('ADVANCED_PARISH', 'UNIT', 2023, :unit, :household, 'UBND', '1/QĐ')""")
                        .param("unit", MovementFixture.parish)
                        .param("household", catholic.get(0))
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO title_award (title_code, awarded_to, year, unit_id, household_id, deciding_body, decision_number)
                VALUES ('ADVANCED_PARISH', 'HOUSEHOLD', 2023, :unit, :household, 'UBND', '1/QĐ')""")
                        .param("unit", MovementFixture.parish)
                        .param("household", catholic.get(0))
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(awards()).isEqualTo(before);
    }

    @Test
    void aHouseholdOutsideTheCaptureScopeIsRefusedAndNothingIsAwarded() throws Exception {
        long before = awards();
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer,
                        MovementFixture.haLong,
                        decision(CATHOLIC, 2023, List.of(catholic.get(0), elsewhere))))
                .isInstanceOf(AccessRefusedException.class);
        // a household in scope but not under the unit of the decision
        assertThatThrownBy(() -> titles.awardHouseholds(
                        Caller.SYSTEM, MovementFixture.haLong, decision(CATHOLIC, 2023, List.of(elsewhere))))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.householdNotUnder"));
        // over HTTP: 403
        TestUsers.withRoles(
                accounts,
                "canbo.halong.dh",
                "Cán Bộ Hạ Long",
                MovementFixture.PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(MovementFixture.haLong)),
                Scope.of(Set.of(MovementFixture.haLong)));
        WebSession ward = new WebSession(port);
        ward.signIn("canbo.halong.dh", MovementFixture.PASSWORD);
        String csrf = Jsoup.parse(ward.getPage("/movement").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/movement/units/"
                                        + MovementFixture.haLong + "/household-awards"))
                                .header("Cookie", "TUQUAN_SESSION=" + ward.cookie("TUQUAN_SESSION"))
                                .header("X-CSRF-TOKEN", csrf)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"titleCode": "EXEMPLARY_CATHOLIC_FAMILY", "year": 2023, "householdIds": [%d, %d],
                         "decidingBody": "UBND phường Hạ Long", "decisionNumber": "17/QĐ-UBND"}""".formatted(catholic.get(0), elsewhere)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        // in scope but not Catholic: a problem naming the household
        HttpResponse<String> notCatholic = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/movement/units/"
                                        + MovementFixture.haLong + "/household-awards"))
                                .header("Cookie", "TUQUAN_SESSION=" + ward.cookie("TUQUAN_SESSION"))
                                .header("X-CSRF-TOKEN", csrf)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .header("Accept-Language", "vi")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        """
                        {"titleCode": "EXEMPLARY_CATHOLIC_FAMILY", "year": 2023, "householdIds": [%d, %d],
                         "decidingBody": "UBND phường Hạ Long", "decisionNumber": "17/QĐ-UBND"}""".formatted(catholic.get(0), others.get(1))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(notCatholic.statusCode()).isEqualTo(400);
        assertThat(notCatholic.headers().firstValue("Content-Type").orElseThrow())
                .contains("problem+json");
        assertThat(notCatholic.body())
                .contains("householdIds")
                .contains("GD-6 – Lê Văn Bình 6")
                .contains("không phải hộ Công giáo");
        assertThat(awards()).isEqualTo(before);
    }

    @Test
    void oneDecisionAwardsAllItsHouseholdsOrNone() {
        long before = awards();
        List<Long> withOneWrong = List.of(catholic.get(0), catholic.get(1), others.get(1), catholic.get(2));
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer, MovementFixture.haLong, decision(CATHOLIC, 2024, withOneWrong)))
                .isInstanceOfSatisfying(MovementRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("householdIds");
                    assertThat(e.args()).contains("GD-6");
                });
        assertThat(awards()).isEqualTo(before);
        var awarded = titles.awardHouseholds(
                wardOfficer, MovementFixture.haLong, decision(CATHOLIC, 2024, catholic.subList(0, 3)));
        assertThat(awarded).extracting(Title.Award::householdId).containsExactlyElementsOf(catholic.subList(0, 3));
        assertThat(awarded).extracting(Title.Award::decisionNumber).containsOnly("15/QĐ-UBND");
        assertThat(awards()).isEqualTo(before + 3);
        // one already awarded in the list: none of the list is awarded
        assertThatThrownBy(() -> titles.awardHouseholds(
                        wardOfficer,
                        MovementFixture.haLong,
                        decision(CATHOLIC, 2024, List.of(catholic.get(3), catholic.get(2)))))
                .isInstanceOfSatisfying(
                        MovementRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("movement.error.householdAlreadyAwarded"));
        assertThat(awards()).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'movement' AND entity_type = 'title-award'"
                                + " AND action = 'CREATED' AND after::text LIKE '%15/QĐ-UBND%' AND after::text LIKE '%\"year\": 2024%'"
                                + " AND CASE WHEN jsonb_typeof(after) = 'array' THEN jsonb_array_length(after) END = 3")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theShareOfCatholicHouseholdsMovesWithOneRecord() throws Exception {
        int year = 2025;
        Title.Rate none = titles.rate(Scope.WHOLE_COUNTRY, MovementFixture.haLong, CATHOLIC, null, year);
        assertThat(none.awarded()).isZero();
        assertThat(none.total())
                .isEqualTo(4); // the four Catholic households of the village; Trần Tế Xương's is elsewhere
        titles.awardHouseholds(wardOfficer, MovementFixture.village, decision(CATHOLIC, year, catholic.subList(0, 3)));
        Title.Rate three = titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.haLong, CATHOLIC, year);
        assertThat(three.awarded()).isEqualTo(3);
        assertThat(three.percent()).isEqualTo(75);
        var fourth = titles.awardHouseholds(
                        wardOfficer, MovementFixture.village, decision(CATHOLIC, year, List.of(catholic.get(3))))
                .get(0);
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.haLong, CATHOLIC, year)
                        .share())
                .isEqualTo(1.0);
        Title.Rate city = titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.district, CATHOLIC, year);
        assertThat(city.awarded()).isEqualTo(4);
        assertThat(city.total()).isEqualTo(5);
        // over the rates API, as the ward officer sees it
        WebSession admin = adminSession();
        HttpResponse<String> rate = admin.get(
                "/api/v1/movement/units/" + MovementFixture.haLong + "/rates?title=EXEMPLARY_CATHOLIC_FAMILY&year="
                        + year,
                "Accept",
                "application/json");
        assertThat(rate.statusCode()).isEqualTo(200);
        assertThat(rate.body()).contains("\"awarded\":4").contains("\"total\":4");
        // removing the mistaken award: the rate goes back, the audit log says what was removed
        titles.remove(wardOfficer, MovementFixture.haLong, fourth.id());
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.haLong, CATHOLIC, year)
                        .awarded())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DELETED' AND entity_type = 'title-award'"
                                + " AND entity_id = :id AND before ->> 'householdId' = :household AND after IS NULL")
                        .param("id", Long.toString(fourth.id()))
                        .param("household", catholic.get(3).toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // an award outside the ward officer's scope cannot be removed by them
        var far = titles.awardHouseholds(
                        Caller.SYSTEM, MovementFixture.villageElsewhere, decision(CATHOLIC, year, List.of(elsewhere)))
                .get(0);
        assertThatThrownBy(() -> titles.remove(wardOfficer, MovementFixture.villageElsewhere, far.id()))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> titles.remove(wardOfficer, MovementFixture.haLong, far.id()))
                .isInstanceOf(UnknownMovementRecordException.class);
        HttpResponse<String> deleted = admin.send(
                "DELETE",
                "/api/v1/movement/units/" + MovementFixture.tranTeXuong + "/awards/" + far.id(),
                Map.of("_csrf", csrf(admin)),
                true);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"householdId\":" + elsewhere);
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.tranTeXuong, CATHOLIC, year)
                        .awarded())
                .isZero();
    }

    @Test
    void aVillagePageAwardsTickedHouseholdsByOneDecisionAndShowsTheRate() {
        WebSession admin = adminSession();
        int year = UnitKind.RESIDENTIAL_AREA.periodOn(Dates.today()).year(); // the year the village's page shows
        String page = "/movement/units/" + MovementFixture.village;
        Document before = Jsoup.parse(admin.getPage(page).body());
        assertThat(before.select("table.area-households input[name=householdId]"))
                .hasSize(6);
        String rateBefore = before.selectFirst("dd.catholic-family-rate").text();
        long awardedBefore = titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.village, CATHOLIC, year)
                .awarded();
        assertThat(rateBefore).startsWith(awardedBefore + "/4");

        // a non-Catholic household ticked: refused with its name, the ticks kept, nothing awarded
        Map<String, String> form = new LinkedHashMap<>();
        form.put(
                "_csrf",
                before.selectFirst("form#householdAward input[name=_csrf]").attr("value"));
        form.put("titleCode", CATHOLIC);
        form.put("year", Integer.toString(year));
        form.put("decidingBody", BODY);
        form.put("decisionNumber", "88/QĐ-UBND");
        String body = formBody(form) + "&householdId=" + catholic.get(3) + "&householdId=" + others.get(0);
        HttpResponse<String> refused = post(admin, page + "/household-awards", body);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select("form#householdAward .form-error").text())
                .contains("GD-5")
                .contains("không phải hộ Công giáo");
        assertThat(again.select("input[name=householdId][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder(
                        catholic.get(3).toString(), others.get(0).toString());
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.village, CATHOLIC, year)
                        .awarded())
                .isEqualTo(awardedBefore);

        HttpResponse<String> saved =
                post(admin, page + "/household-awards", formBody(form) + "&householdId=" + catholic.get(3));
        assertThat(saved.statusCode()).isEqualTo(302);
        Document after = Jsoup.parse(admin.getPage(page).body());
        assertThat(after.selectFirst("dd.catholic-family-rate").text()).startsWith((awardedBefore + 1) + "/4");
        assertThat(after.select("tr[data-household=" + catholic.get(3) + "]").text())
                .contains("88/QĐ-UBND");

        // the remove button of that award takes it back
        String remove = after.select("tr[data-household=" + catholic.get(3) + "] button.remove-award").stream()
                .filter(b -> b.parent().text().contains("88/QĐ-UBND"))
                .findFirst()
                .orElseThrow()
                .attr("formaction");
        HttpResponse<String> removed = post(admin, remove, formBody(Map.of("_csrf", form.get("_csrf"))));
        assertThat(removed.statusCode()).isEqualTo(302);
        Document back = Jsoup.parse(admin.getPage(page).body());
        assertThat(back.selectFirst("dd.catholic-family-rate").text()).startsWith(awardedBefore + "/4");
        assertThat(back.select("tr[data-household=" + catholic.get(3) + "]").text())
                .doesNotContain("88/QĐ-UBND");
    }

    @Test
    void onAPhoneAVillageHeadTicksHouseholdsAndTheRateMoves() {
        adminSession();
        int year = UnitKind.RESIDENTIAL_AREA.periodOn(Dates.today()).year(); // the year the village's page shows
        long before = titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.village, CATHOLIC, year)
                .awarded();
        try (Chromium chromium = Chromium.launch();
                Chromium.Tab tab = chromium.open(port, 390, 844)) {
            Page page = tab.page();
            page.navigate(tab.url("/login"));
            page.getByLabel("Tên đăng nhập").fill(MovementFixture.USERNAME);
            page.getByLabel("Mật khẩu").fill(MovementFixture.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                    .click();
            page.navigate(tab.url("/movement/units/" + MovementFixture.village));
            page.getByLabel("Chọn hộ GD-1 – Trần Văn Giuse 1").check();
            page.getByLabel("Chọn hộ GD-2 – Trần Văn Giuse 2").check();
            page.locator("#householdTitleCode").selectOption(CATHOLIC);
            page.locator("#householdDecidingBody").fill(BODY);
            page.locator("#householdDecisionNumber").fill("120/QĐ-UBND");
            page.locator("#householdDecidedOn").fill(Dates.today().toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tặng danh hiệu cho các hộ đã chọn"))
                    .click();
            PlaywrightAssertions.assertThat(page.locator(".movement-saved")).containsText("120/QĐ-UBND");
            PlaywrightAssertions.assertThat(page.locator("dd.catholic-family-rate"))
                    .hasText(java.util.regex.Pattern.compile("^" + (before + 2) + "/4 "));
            page.locator("#household-titles")
                    .screenshot(new Locator.ScreenshotOptions()
                            .setPath(java.nio.file.Path.of("target/screenshots/movement-household-titles-phone.png")));
            assertThat(tab.errors()).isEmpty();
        }
        assertThat(titles.householdRate(Scope.WHOLE_COUNTRY, MovementFixture.village, CATHOLIC, year)
                        .awarded())
                .isEqualTo(before + 2);
    }

    WebSession adminSession() {
        TestUsers.administrator(accounts, MovementFixture.USERNAME, "Cán Bộ Phong Trào", MovementFixture.PASSWORD);
        WebSession admin = new WebSession(port);
        admin.signIn(MovementFixture.USERNAME, MovementFixture.PASSWORD);
        return admin;
    }

    static String csrf(WebSession session) {
        return Jsoup.parse(session.getPage("/movement").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    HttpResponse<String> post(WebSession session, String path, String body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept", "text/html")
                                    .header("Accept-Language", "vi")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
