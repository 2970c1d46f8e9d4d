package vn.tuquan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.evaluation.Classifications;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.Households;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.Mediations;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitBoundaries;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The statistics page, the units behind a count and the API over real HTTP, on a small province
 * whose records are known ({@link StatisticsFixture}): every number checked against the records it
 * counts, through the list its link opens; a commune officer kept to their commune.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=statistics-web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPagesTests {

    static final int YEAR = StatisticsFixture.YEAR;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    WebSession admin;

    @Autowired
    Hotspots hotspots;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Households households;

    @Autowired
    Titles titles;

    @Autowired
    Models models;

    @Autowired
    Conferences conferences;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    OrganisationCommitments organisations;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    Classifications classifications;

    WebSession officer;
    WebSession english;

    @BeforeAll
    void setUp(
            @Autowired OfficialLists lists,
            @Autowired Units units,
            @Autowired LocalUnits localUnits,
            @Autowired UserAccounts accounts,
            @Autowired Incidents incidents,
            @Autowired DrugUsers drugUsers,
            @Autowired Mediations mediations,
            @Autowired Households households,
            @Autowired Commitments commitments,
            @Autowired UnitBoundaries boundaries) {
        StatisticsFixture.ensure(
                lists,
                units,
                localUnits,
                accounts,
                incidents,
                drugUsers,
                mediations,
                households,
                commitments,
                boundaries);
        StatisticsFixture.ensureMovement(models, conferences, titles, households);
        admin = new WebSession(port);
        admin.signIn(StatisticsFixture.ADMIN, StatisticsFixture.PASSWORD);
        officer = new WebSession(port);
        officer.signIn(StatisticsFixture.OFFICER, StatisticsFixture.PASSWORD);
        english = new WebSession(port);
        english.signIn(StatisticsFixture.ADMIN, StatisticsFixture.PASSWORD);
        english.getPage("/?lang=en");
    }

    Document page(WebSession session, String path) {
        HttpResponse<String> response = session.getPage(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The first number of an indicator on a page (a card's), its value read from the page's text. */
    static Element number(Document page, String code) {
        Element number = page.selectFirst(".statistics-number[data-indicator=" + code + "]");
        assertThat(number).as(code).isNotNull();
        return number;
    }

    static long value(Element number) {
        return Long.parseLong(number.text().replace(".", "").replace(",", ""));
    }

    @Test
    void aCommunesNumbersEqualTheRecordsTheirLinksOpen() {
        Document page = page(admin, "/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR);
        assertThat(page.selectFirst("#statistics-subject").text())
                .contains("Hải Minh")
                .contains("năm 2019");
        assertThat(value(number(page, "residential-areas"))).isEqualTo(4);
        assertThat(value(number(page, "areas-no-crime"))).isEqualTo(3);
        assertThat(value(number(page, "areas-no-drug-user"))).isEqualTo(3);
        assertThat(value(number(page, "crimes"))).isEqualTo(2);
        assertThat(value(number(page, "drug-users-present"))).isEqualTo(1);
        assertThat(value(number(page, "drug-users-new"))).isEqualTo(1);
        assertThat(value(number(page, "mediations"))).isEqualTo(1);
        assertThat(value(number(page, "mediations-reconciled"))).isEqualTo(1);
        assertThat(page.selectFirst("#crime-change").text()).isEqualTo("Tăng 1 vụ so với năm 2018");
        assertThat(value(number(page, "households"))).isEqualTo(4);
        assertThat(value(number(page, "households-registered"))).isEqualTo(3);
        assertThat(page.selectFirst("#card-households").text()).contains("Tỷ lệ 75%");
        assertThat(value(number(page, "areas-all-registered"))).isEqualTo(1);
        assertThat(page(admin, number(page, "areas-all-registered").attr("href"))
                        .select("#counted-units tbody tr"))
                .hasSize(1);
        // no commune card for a commune
        assertThat(page.select("#card-communes-no-crime")).isEmpty();

        // the units behind a count of units: as many rows as the number
        Element noCrime = number(page, "areas-no-crime");
        assertThat(noCrime.attr("href")).contains("/statistics/units?unit=" + StatisticsFixture.haiMinh);
        Document areas = page(admin, noCrime.attr("href"));
        assertThat(areas.select("#counted-units tbody tr")).hasSize(3);
        assertThat(areas.select("#counted-units").text()).doesNotContain("Xóm Thống Kê 1 ");
        assertThat(areas.select("#counted-units a[href^=/units/]")).hasSize(3);

        // the records behind a count of records: the register's list with the same unit and window
        Element crimes = number(page, "crimes");
        Document incidents = page(admin, crimes.attr("href"));
        assertThat(incidents.select("#incidents > li")).hasSize(2);
        Element all = number(page, "incidents");
        assertThat(page(admin, all.attr("href")).select("#incidents > li")).hasSize((int) value(all));
        Document users = page(admin, number(page, "drug-users-present").attr("href"));
        assertThat(users.select("table.drug-users tbody tr")).hasSize(1);
        Document reconciled = page(admin, number(page, "mediations-reconciled").attr("href"));
        assertThat(reconciled.select("table.mediations tbody tr")).hasSize(1);

        // one row per child, each drilling down, and a last row of the commune's own records
        assertThat(value(all)).isEqualTo(4);
        var rows = page.select("#statistics-children tbody tr:not(.statistics-own)");
        assertThat(rows).hasSize(4);
        Element own = page.selectFirst("#statistics-children tr.statistics-own");
        assertThat(own.text()).contains("Hồ sơ của chính đơn vị");
        assertThat(value(own.selectFirst(".statistics-number[data-indicator=incidents]")))
                .isEqualTo(1);
        assertThat(value(own.selectFirst(".statistics-number[data-indicator=crimes]")))
                .isZero();
        assertThat(own.select(".statistics-number[data-indicator=residential-areas]"))
                .isEmpty();
        assertThat(own.select("a.statistics-number"))
                .as("no list shows the commune's own records alone")
                .isEmpty();
        long sum = 0;
        for (Element row : page.select("#statistics-children tbody tr")) {
            sum += value(row.selectFirst(".statistics-number[data-indicator=incidents]"));
        }
        assertThat(sum)
                .as("the children and the commune's own records add up to the total")
                .isEqualTo(4);
        Element first = rows.get(0).selectFirst("a.statistics-drill");
        assertThat(first.attr("href"))
                .isEqualTo("/statistics?unit=" + StatisticsFixture.areas.get(0) + "&year=" + YEAR);
        Document area = page(admin, first.attr("href"));
        assertThat(value(number(area, "crimes"))).isEqualTo(2);
        assertThat(number(area, "households").attr("href"))
                .startsWith("/households/areas/" + StatisticsFixture.areas.get(0));
        assertThat(value(number(area, "households"))).isEqualTo(3);
        assertThat(page(admin, number(area, "households").attr("href")).select("tr:has(td)"))
                .hasSize(3);
        assertThat(area.selectFirst("#card-households").text()).contains("Tỷ lệ 66,7%");

        // the trend: the ten years to the year shown in which the unit existed (the list is of 2016), printed as years
        var trend = page.select("#statistics-trend tbody tr");
        assertThat(trend).hasSize(4);
        assertThat(trend.get(0).selectFirst("th").text()).isEqualTo("2016");
        assertThat(trend.get(3).selectFirst("th").text()).isEqualTo("2019");
        assertThat(page.select(".statistics-bar-year").eachText()).contains("2018", "2019");
    }

    /**
     * Where a number's link leads, the rows of that list: the link's path (and anchor) to the selector of one
     * record (or unit) of it. A list a number opens that is missing here fails the test below.
     */
    static final Map<Pattern, String> ROWS = rows(
            "/statistics/units", "#counted-units tbody tr",
            "/order/incidents", "#incidents > li",
            "/order/units/\\d+/drug-users", "table.drug-users tbody tr",
            "/order/units/\\d+/mediations", "table.mediations tbody tr",
            "/order/units/\\d+/re-educations", "table.re-educations tbody tr",
            "/order/hotspots", ".order-hotspot-list li.order-hotspot",
            "/order/campaigns", ".order-campaign",
            "/households/areas/\\d+", "table tbody tr:has(td)",
            "/households/areas/\\d+/commitments", "li.household-item[data-registered=true]",
            "/movement/units/\\d+#models", "table.movement-models tbody tr[id^=model-]",
            "/movement/units/\\d+#cameras", "table.movement-cameras > tbody > tr:not(.movement-edit-row)",
            "/movement/units/\\d+#conferences", "table.movement-conferences > tbody > tr:not(.movement-edit-row)",
            "/movement/units/\\d+#titles", "table.movement-household-awards tbody tr");

    private static Map<Pattern, String> rows(String... pairs) {
        Map<Pattern, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rows.put(Pattern.compile(pairs[i]), pairs[i + 1]);
        }
        return rows;
    }

    /**
     * The indicators whose number opens a list of another grain than what it counts: not compared row for
     * row (each is still required to open a list).
     */
    static final Set<Indicator> OTHER_GRAIN = EnumSet.of(
            // people, recorded by their organisations: they open the organisations that recorded them
            Indicator.STAFF,
            Indicator.STAFF_BRIEFED,
            Indicator.STAFF_SIGNED,
            // sums over the campaigns: they open the campaigns, whose totals row holds the same sums
            // (checked in theMovementsNumbersOpenAsManyRecords)
            Indicator.CAMPAIGN_OFFICERS,
            Indicator.CAMPAIGN_ARRESTS,
            Indicator.CAMPAIGN_RINGS_BROKEN,
            Indicator.CAMPAIGN_HOTSPOTS_CLEARED,
            Indicator.CAMPAIGN_ITEMS_SEIZED,
            // the area's commitments, one page for the registered and the signed: it marks the registered only
            Indicator.HOUSEHOLDS_SIGNED);

    /**
     * Above a residential area, no list holds a commune's households: their numbers open the list of its
     * residential areas, each of which opens its households.
     */
    static final Set<Indicator> OTHER_GRAIN_ABOVE_AREAS = EnumSet.of(
            Indicator.HOUSEHOLDS,
            Indicator.HOUSEHOLDS_REGISTERED,
            Indicator.HOUSEHOLDS_SIGNED,
            Indicator.HOUSEHOLDS_CATHOLIC);

    @Test
    void everyIndicatorOpensAsManyRecordsAsItCounts() throws Exception {
        // the movement's records of Hải Minh (StatisticsFixture.ensureMovement): each number on either side of
        // its condition, so that it is not zero and a list without the condition would show more
        Map<Indicator, Long> commune = everyIndicatorOpensItsRecords(StatisticsFixture.haiMinh, false);
        Map<Indicator, Long> area = everyIndicatorOpensItsRecords(StatisticsFixture.areas.get(0), true);
        for (Map<Indicator, Long> values : List.of(commune, area)) {
            assertThat(values.get(Indicator.MODELS)).isEqualTo(1);
            assertThat(values.get(Indicator.MODELS_EFFECTIVE)).isEqualTo(2);
            assertThat(values.get(Indicator.CAMERAS)).isEqualTo(2);
            assertThat(values.get(Indicator.CATHOLIC_FAMILIES_TITLED)).isEqualTo(1);
        }
        assertThat(commune.get(Indicator.CONFERENCES_INTERIM)).isEqualTo(2);
        assertThat(commune.get(Indicator.CONFERENCES_FINAL)).isEqualTo(1);
        assertThat(area.get(Indicator.CONFERENCES_INTERIM)).isEqualTo(1);
        // the household awarded, as it lived at the end of the year (it came after 31/10)
        Document families = page(
                admin,
                "/movement/units/" + StatisticsFixture.haiMinh + "?year=" + YEAR + "&title=EXEMPLARY_CATHOLIC_FAMILY");
        assertThat(families.selectFirst("table.movement-household-awards tbody tr")
                        .text())
                .contains("TK-CG")
                .contains("Giuse Thống")
                .contains("Xóm Thống Kê 1")
                .contains("2019/QĐ-UBND");
        assertThat(families.selectFirst(".movement-awards-of-title").text()).contains("2019: 1");
    }

    /**
     * For one unit, every indicator of the catalogue: its number on the page (or, when the page does not show
     * it, in the API) opens a list of as many rows, or is one of another grain; the values by indicator.
     */
    private Map<Indicator, Long> everyIndicatorOpensItsRecords(long unitId, boolean residentialArea) throws Exception {
        Document page = page(admin, "/statistics?unit=" + unitId + "&year=" + YEAR);
        JsonNode api = json.readTree(admin.get("/api/v1/statistics/units/" + unitId + "?year=" + YEAR)
                .body());
        Map<Indicator, Long> values = new LinkedHashMap<>();
        List<String> checked = new ArrayList<>();
        for (JsonNode node : api.at("/indicators")) {
            Indicator indicator = Indicator.of(node.path("code").asText()).orElseThrow();
            long value = node.path("value").asLong();
            String link =
                    node.path("records").isTextual() ? node.path("records").asText() : null;
            values.put(indicator, value);
            // on the page (outside the children's table), the same number and link as the API's
            Element shown = page.select(".statistics-number[data-indicator=" + indicator.code() + "]").stream()
                    .filter(e -> e.closest("#statistics-children") == null)
                    .findFirst()
                    .orElse(null);
            if (shown != null) {
                assertThat(value(shown)).as(indicator.code()).isEqualTo(value);
                assertThat(shown.hasAttr("href") ? shown.attr("href") : null)
                        .as(indicator.code())
                        .isEqualTo(link);
            }
            assertThat(link).as(indicator.code() + " opens a list").isNotNull();
            if (OTHER_GRAIN.contains(indicator) || !residentialArea && OTHER_GRAIN_ABOVE_AREAS.contains(indicator)) {
                continue;
            }
            String where = link.replaceAll("\\?[^#]*", "");
            String selector = ROWS.entrySet().stream()
                    .filter(e -> e.getKey().matcher(where).matches())
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(indicator.code() + ": no row selector for " + link));
            assertThat(page(admin, link).select(selector))
                    .as(indicator.code() + " at " + unitId + ": " + link)
                    .hasSize((int) value);
            checked.add(indicator.code());
        }
        assertThat(values.keySet()).as("the API answers every indicator").containsExactly(Indicator.values());
        assertThat(checked).as("the indicators checked row for row").isNotEmpty();
        return values;
    }

    Hotspot hotspot(List<Long> on, LocalDate day, Hotspot.Status status, String name) {
        return hotspots.designate(
                Caller.SYSTEM,
                StatisticsFixture.province,
                new Hotspot.Form(
                        name,
                        Hotspot.Kind.DRUGS,
                        on,
                        day,
                        "UBND tỉnh Nam Định",
                        name + "/QĐ-UBND",
                        status,
                        "Tụ điểm ma túy",
                        null,
                        null,
                        null));
    }

    @Test
    void theMovementsNumbersOpenAsManyRecords() {
        List<Long> areas = StatisticsFixture.areas;
        // Nam Mỹ (areas 4, 5) in 2019: one complex, one stable covering both areas, one contained; one more
        // covering Hải Minh's first area and Nam Mỹ's, counted once, at its first unit (Hải Minh's)
        hotspot(List.of(areas.get(4)), LocalDate.of(2019, 1, 5), Hotspot.Status.COMPLEX, "TK-HS1");
        hotspot(List.of(areas.get(5), areas.get(4)), LocalDate.of(2019, 2, 5), Hotspot.Status.STABLE, "TK-HS2");
        hotspot(List.of(areas.get(5)), LocalDate.of(2019, 3, 5), Hotspot.Status.CONTAINED, "TK-HS3");
        hotspot(List.of(areas.get(0), areas.get(4)), LocalDate.of(2019, 4, 5), Hotspot.Status.COMPLEX, "TK-HS4");
        UnitView school = localUnits.create(
                Caller.SYSTEM,
                StatisticsFixture.namMy,
                new LocalUnitForm(UnitKind.SCHOOL, null, "TK-TH", "Trường Tiểu học Thống Kê", null),
                StatisticsFixture.LIST_DATE);
        organisations.record(
                Caller.SYSTEM,
                school.id(),
                YEAR,
                30,
                29,
                28,
                Period.organisation(YEAR).from().plusDays(20));
        runs.run(Caller.SYSTEM, StatisticsFixture.namMy, YEAR);
        classifications.compute(Caller.SYSTEM, areas.get(4), YEAR);
        classifications.compute(Caller.SYSTEM, areas.get(5), YEAR);

        Document page = page(admin, "/statistics?unit=" + StatisticsFixture.namMy + "&year=" + YEAR);
        assertThat(page.selectFirst("#statistics-movement").text()).isEqualTo("Phong trào");
        assertThat(value(number(page, "hotspots"))).isEqualTo(3);
        for (String code : List.of("hotspots", "hotspots-complex", "hotspots-contained", "hotspots-stable")) {
            Element n = number(page, code);
            assertThat(value(n)).as(code).isEqualTo(code.equals("hotspots") ? 3 : 1);
            assertThat(page(admin, n.attr("href")).select(".order-hotspot-list li.order-hotspot"))
                    .as(code)
                    .hasSize((int) value(n));
        }
        // without the filter the list also shows the hotspot counted in Hải Minh
        assertThat(page(admin, number(page, "hotspots").attr("href").replace("&countedHere=true", ""))
                        .select(".order-hotspot-list li.order-hotspot"))
                .hasSize(4);
        Document haiMinh = page(admin, "/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR);
        assertThat(value(number(haiMinh, "hotspots-complex"))).isEqualTo(1);
        assertThat(page(admin, number(haiMinh, "hotspots-complex").attr("href"))
                        .select(".order-hotspot-list li.order-hotspot"))
                .hasSize(1);

        assertThat(value(number(page, "staff"))).isEqualTo(30);
        assertThat(value(number(page, "staff-briefed"))).isEqualTo(29);
        assertThat(value(number(page, "staff-signed"))).isEqualTo(28);
        assertThat(value(number(page, "organisations-committed"))).isEqualTo(1);
        assertThat(page(admin, number(page, "staff").attr("href")).select("#counted-units tbody tr"))
                .as("the organisations whose staff are counted")
                .hasSize(1);

        // a campaign Nam Mỹ organised in 2019, one an area of it organised, one of the province covering Nam Mỹ
        campaigns.record(
                Caller.SYSTEM,
                StatisticsFixture.namMy,
                new Campaign.Form(
                        "Truy quét ma túy",
                        Campaign.Kind.CRACKDOWN,
                        LocalDate.of(2019, 4, 1),
                        LocalDate.of(2019, 4, 20),
                        List.of(),
                        null,
                        12,
                        new Campaign.Results(4, 1, 1, 9, null, null),
                        List.of()));
        campaigns.record(
                Caller.SYSTEM,
                areas.get(5),
                new Campaign.Form(
                        "Tuần tra đêm",
                        Campaign.Kind.PATROL,
                        LocalDate.of(2019, 6, 1),
                        LocalDate.of(2019, 6, 30),
                        List.of(),
                        null,
                        6,
                        new Campaign.Results(1, 0, 0, 0, null, null),
                        List.of()));
        campaigns.record(
                Caller.SYSTEM,
                StatisticsFixture.province,
                new Campaign.Form(
                        "Cao điểm của tỉnh",
                        Campaign.Kind.CRACKDOWN,
                        LocalDate.of(2019, 5, 1),
                        LocalDate.of(2019, 5, 30),
                        List.of(StatisticsFixture.namMy),
                        null,
                        100,
                        new Campaign.Results(10, 2, 2, 30, null, null),
                        List.of()));
        page = page(admin, "/statistics?unit=" + StatisticsFixture.namMy + "&year=" + YEAR);
        assertThat(value(number(page, "campaigns"))).isEqualTo(2);
        assertThat(value(number(page, "campaign-arrests"))).isEqualTo(5);
        Document listed = page(admin, number(page, "campaigns").attr("href"));
        assertThat(listed.select(".order-campaign")).hasSize(2);
        assertThat(listed.selectFirst(".totals-arrests").text()).isEqualTo("5");
        assertThat(listed.selectFirst("#campaigns-organised-in").text()).contains("2019");
        assertThat(number(page, "campaign-arrests").attr("href"))
                .isEqualTo(number(page, "campaigns").attr("href"));

        // Catholic households of Nam Mỹ's area 5 on 31/10/2019, one of them titled
        List<Long> catholic = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            catholic.add(households
                    .add(
                            Caller.SYSTEM,
                            areas.get(5),
                            new HouseholdForm("CG-" + i, "Giuse " + i, null, 4, true),
                            LocalDate.of(2018, 6, 1))
                    .id());
        }
        households.add(
                Caller.SYSTEM,
                areas.get(5),
                new HouseholdForm("CG-3", "Không đạo", null, 2, false),
                LocalDate.of(2018, 6, 1));
        titles.awardHouseholds(
                Caller.SYSTEM,
                StatisticsFixture.namMy,
                new Title.HouseholdAwardForm(
                        "EXEMPLARY_CATHOLIC_FAMILY",
                        YEAR,
                        List.of(catholic.get(0)),
                        "UBND xã Nam Mỹ",
                        "9/QĐ-UBND",
                        LocalDate.of(2019, 12, 1)));
        Document area = page(admin, "/statistics?unit=" + areas.get(5) + "&year=" + YEAR);
        assertThat(value(number(area, "households-catholic"))).isEqualTo(2);
        assertThat(value(number(area, "catholic-families-titled"))).isEqualTo(1);
        assertThat(area.selectFirst("#catholic-share").text()).contains("50");
        Document catholicList = page(admin, number(area, "households-catholic").attr("href"));
        assertThat(catholicList.select("table tbody tr")).hasSize(2);
        assertThat(catholicList.selectFirst("#catholic-only")).isNotNull();
        page = page(admin, "/statistics?unit=" + StatisticsFixture.namMy + "&year=" + YEAR);
        assertThat(value(number(page, "households-catholic"))).isEqualTo(2);

        // models by type: each count opens the models of its type running on 31/10
        models.create(
                Caller.SYSTEM,
                areas.get(4),
                new MovementModel.Form(
                        "PEOPLES_SECURITY_TEAM",
                        "Tổ an ninh thôn 5",
                        LocalDate.of(2018, 3, 1),
                        null,
                        null,
                        6,
                        List.of()));
        models.create(
                Caller.SYSTEM,
                areas.get(5),
                new MovementModel.Form(
                        "PEOPLES_SECURITY_TEAM",
                        "Tổ an ninh thôn 6",
                        LocalDate.of(2018, 3, 1),
                        null,
                        null,
                        6,
                        List.of()));
        models.create(
                Caller.SYSTEM,
                areas.get(5),
                new MovementModel.Form(
                        "PEOPLES_SECURITY_TEAM",
                        "Tổ lập sau 31/10",
                        LocalDate.of(2019, 11, 20),
                        null,
                        null,
                        6,
                        List.of()));
        page = page(admin, "/statistics?unit=" + StatisticsFixture.namMy + "&year=" + YEAR);
        Element team = page.selectFirst("#statistics-model-types tr[data-type=PEOPLES_SECURITY_TEAM] a");
        assertThat(team.text()).isEqualTo("2");
        assertThat(value(number(page, "models"))).isEqualTo(2);
        Document teams = page(admin, team.attr("href"));
        assertThat(teams.select("table.movement-models tbody tr[id^=model-]")).hasSize(2);
        assertThat(teams.selectFirst(".movement-running-type")).isNotNull();

        assertThat(value(number(page, "units-classified"))).isEqualTo(2);
        for (String code : List.of(
                "units-classified",
                "units-classified-excellent",
                "units-classified-good",
                "units-classified-average",
                "units-classified-weak")) {
            Element n = number(page, code);
            assertThat(page(admin, n.attr("href")).select("#counted-units tbody tr"))
                    .as(code)
                    .hasSize((int) value(n));
        }
    }

    @Test
    void aProvinceCountsItsCommunesAndEachCountOpensAsManyUnits() {
        Document page = page(admin, "/statistics?unit=" + StatisticsFixture.province + "&year=" + YEAR);
        long communes = value(number(page, "communes"));
        long noCrime = value(number(page, "communes-no-crime"));
        assertThat(communes).isGreaterThan(100);
        // Hải Minh and Nam Mỹ had crimes; no other commune has a record
        assertThat(noCrime).isEqualTo(communes - 2);
        assertThat(page(admin, number(page, "communes-no-crime").attr("href")).select("#counted-units tbody tr"))
                .hasSize((int) noCrime);
        assertThat(page(admin, number(page, "communes").attr("href")).select("#counted-units tbody tr"))
                .hasSize((int) communes);
        assertThat(value(number(page, "residential-areas"))).isEqualTo(6);
        assertThat(value(number(page, "areas-no-crime"))).isEqualTo(4);
        assertThat(page(admin, number(page, "areas-no-crime").attr("href")).select("#counted-units tbody tr"))
                .hasSize(4);
        assertThat(value(number(page, "crimes"))).isEqualTo(3);
        assertThat(page(admin, number(page, "crimes").attr("href")).select("#incidents > li"))
                .hasSize(3);
        // the province's children are its districts, each drilling down
        assertThat(page.select("#statistics-children a.statistics-drill")).hasSizeGreaterThan(5);
        // the old address of the area leads here
        assertThat(admin.getPage("/reports").headers().firstValue("Location").orElseThrow())
                .endsWith("/statistics");
    }

    @Test
    void theUnitSearchIgnoresDiacriticsAndKeepsTheYear() {
        Document found = page(admin, "/statistics?year=2018&q=hai+minh");
        assertThat(found.select("#statistics-hits a").eachAttr("href"))
                .contains("/statistics?unit=" + StatisticsFixture.haiMinh + "&year=2018");
        Document none = page(officer, "/statistics?year=2018&q=nam+my");
        assertThat(none.select("#statistics-hits a")).isEmpty();
        // a year the statistics do not count: refused with the page's error
        assertThat(admin.getPage("/statistics?unit=" + StatisticsFixture.haiMinh + "&year=1990")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.getPage("/statistics/units?unit=" + StatisticsFixture.haiMinh + "&year=2019&indicator=crimes")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void everyTableExportsToExcelWithTheSameFigures() {
        Document page = page(admin, "/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR);
        List<List<String>> children = Workbooks.rows(
                admin.getBytes(page.selectFirst("#statistics-children-xlsx").attr("href")));
        // the title, the header (the unit, its kind, then every indicator), a row per child, the own row, the total
        List<String> header = children.get(1);
        assertThat(header).hasSize(2 + Indicator.values().length);
        int crimes = header.indexOf("Vụ phạm tội");
        int areas = header.indexOf("Khu dân cư");
        assertThat(crimes).isPositive();
        List<String> total = children.get(children.size() - 1);
        assertThat(total.get(0)).isEqualTo("Tổng cộng");
        assertThat(Long.parseLong(total.get(crimes))).isEqualTo(value(number(page, "crimes")));
        assertThat(Long.parseLong(total.get(areas))).isEqualTo(value(number(page, "residential-areas")));
        long childCrimes = children.subList(2, children.size() - 1).stream()
                .mapToLong(r -> Long.parseLong(r.get(crimes)))
                .sum();
        assertThat(childCrimes)
                .as("the children and the own row add up to the total")
                .isEqualTo(Long.parseLong(total.get(crimes)));
        assertThat(children.size() - 4)
                .as("a row per child")
                .isEqualTo(
                        page.select("#statistics-children a.statistics-drill").size());

        List<List<String>> trend = Workbooks.rows(
                admin.getBytes(page.selectFirst("#statistics-trend-xlsx").attr("href")));
        assertThat(trend.subList(2, trend.size())).extracting(r -> r.get(0)).contains(String.valueOf(YEAR));
        List<String> thisYear = trend.stream()
                .filter(r -> r.get(0).equals(String.valueOf(YEAR)))
                .findFirst()
                .orElseThrow();
        assertThat(Long.parseLong(thisYear.get(crimes))).isEqualTo(value(number(page, "crimes")));

        Document counted = page(admin, number(page, "areas-no-crime").attr("href"));
        List<List<String>> units = Workbooks.rows(
                admin.getBytes(counted.selectFirst("#counted-xlsx").attr("href")));
        assertThat(units.size() - 2)
                .isEqualTo(counted.select("#counted-units tbody tr").size());
        assertThatThrownBy(() ->
                        officer.getBytes("/statistics/children.xlsx?unit=" + StatisticsFixture.namMy + "&year=" + YEAR))
                .as("another commune's table")
                .hasMessageContaining("answered 403");
    }

    @Test
    void aCommuneOfficerOpensOnTheirCommuneAndIsRefusedAnother() {
        Document own = page(officer, "/statistics?year=" + YEAR);
        assertThat(own.selectFirst("#statistics-subject").text()).contains("Hải Minh");
        assertThat(page(officer, "/statistics")
                        .selectFirst("#statistics-subject")
                        .text())
                .contains("Hải Minh");
        // a commune officer may not read the lists of people: the number is shown, not linked
        assertThat(number(own, "drug-users-present").tagName()).isEqualTo("span");
        assertThat(number(own, "crimes").tagName()).isEqualTo("a");

        long other = StatisticsFixture.namMy;
        assertThat(officer.getPage("/statistics?unit=" + other + "&year=" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.getPage("/statistics/units?unit=" + other + "&year=" + YEAR + "&indicator=areas-no-crime")
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.get("/api/v1/statistics/units/" + other + "?year=" + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(officer.get("/api/v1/statistics/units/" + other + "/trend").statusCode())
                .isEqualTo(403);
        assertThat(officer.get("/api/v1/statistics/units/" + StatisticsFixture.haiMinh + "?year=" + YEAR)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theApiAnswersTheFiguresWithTheirLinksAndRefusesBadQuestions() throws Exception {
        HttpResponse<String> response = admin.get("/api/v1/statistics/units/" + StatisticsFixture.haiMinh + "?year="
                + YEAR + "&indicators=crimes,areas-no-crime");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/unit/id").asLong()).isEqualTo(StatisticsFixture.haiMinh);
        assertThat(body.at("/unit/kind").asText()).isEqualTo("COMMUNE");
        assertThat(body.at("/year").asInt()).isEqualTo(YEAR);
        assertThat(body.at("/indicators")).hasSize(2);
        // in the catalogue's order
        assertThat(body.at("/indicators/0/code").asText()).isEqualTo("areas-no-crime");
        assertThat(body.at("/indicators/0/value").asLong()).isEqualTo(3);
        assertThat(body.at("/indicators/0/name").asText()).isEqualTo("Khu dân cư không có tội phạm");
        assertThat(body.at("/indicators/0/records").asText())
                .isEqualTo(
                        "/statistics/units?unit=" + StatisticsFixture.haiMinh + "&year=2019&indicator=areas-no-crime");
        assertThat(body.at("/indicators/1/value").asLong()).isEqualTo(2);
        assertThat(body.at("/indicators/1/records").asText()).startsWith("/order/incidents?unit=");
        assertThat(body.at("/children")).hasSize(4);
        assertThat(body.at("/children/0/indicators")).hasSize(2);

        JsonNode all = json.readTree(admin.get(
                        "/api/v1/statistics/units/" + StatisticsFixture.haiMinh + "?year=" + YEAR,
                        "Accept-Language",
                        "en")
                .body());
        assertThat(all.at("/indicators")).hasSize(Indicator.values().length);
        assertThat(all.at("/indicators/0/name").asText()).isEqualTo("Residential areas");

        JsonNode trend = json.readTree(admin.get("/api/v1/statistics/units/" + StatisticsFixture.haiMinh
                        + "/trend?from=2017&to=2019&indicators=crimes")
                .body());
        assertThat(trend.at("/years")).hasSize(3);
        assertThat(trend.at("/years/1/year").asInt()).isEqualTo(2018);
        assertThat(trend.at("/years/1/indicators/0/value").asLong()).isEqualTo(1);
        assertThat(trend.at("/years/2/indicators/0/value").asLong()).isEqualTo(2);

        HttpResponse<String> unknown = admin.get(
                "/api/v1/statistics/units/" + StatisticsFixture.haiMinh + "?year=2019&indicators=crimes,nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(unknown.body()).contains("nope");
        HttpResponse<String> year = admin.get("/api/v1/statistics/units/" + StatisticsFixture.haiMinh + "?year=1990");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(admin.get("/api/v1/statistics/units/999999999?year=2019").statusCode())
                .isEqualTo(404);
    }

    /** The children's values of an indicator in the children's table, by the child's id (the own row left out). */
    static Map<Long, Long> childValues(Document page, String code) {
        Map<Long, Long> values = new LinkedHashMap<>();
        for (Element row : page.select("#statistics-children tbody tr:not(.statistics-own)")) {
            String href = row.selectFirst("a.statistics-drill").attr("href");
            long id = Long.parseLong(href.replaceAll(".*unit=(\\d+).*", "$1"));
            values.put(
                    id,
                    Long.parseLong(row.selectFirst(".statistics-number[data-indicator=" + code + "]")
                            .attr("data-value")));
        }
        return values;
    }

    @Test
    void theChartsDataAndTheMapsColoursAreTheTablesValues() throws Exception {
        Document page =
                page(admin, "/statistics?unit=" + StatisticsFixture.province + "&year=" + YEAR + "&chart=crimes");
        Map<Long, Long> table = childValues(page, "crimes");
        assertThat(table).hasSize(10);
        JsonNode data = json.readTree(page.selectFirst("#statistics-data").data());
        assertThat(data.path("indicator").asText()).isEqualTo("crimes");
        // the children ranked, largest first, with the table's values
        Map<Long, Long> charted = new LinkedHashMap<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode child : data.path("children")) {
            charted.put(child.path("id").asLong(), child.path("value").asLong());
            assertThat(child.path("value").asLong()).isLessThanOrEqualTo(previous);
            previous = child.path("value").asLong();
            assertThat(child.path("href").asText())
                    .isEqualTo("/statistics?unit=" + child.path("id").asLong() + "&year=2019&chart=crimes");
        }
        assertThat(charted).isEqualTo(table);
        // Hải Hậu's two crimes (Hải Minh's) first, then Nam Trực's one (Nam Mỹ's)
        assertThat(charted.values().stream().limit(3).toList()).containsExactly(2L, 1L, 0L);
        // the trend: the years of the trend table with its crimes
        List<Element> years = page.select("#statistics-trend tbody tr");
        assertThat(data.path("trend")).hasSize(years.size());
        for (int i = 0; i < years.size(); i++) {
            assertThat(data.path("trend").get(i).path("year").asText())
                    .isEqualTo(years.get(i).selectFirst("th").text());
            assertThat(data.path("trend").get(i).path("value").asLong())
                    .isEqualTo(Long.parseLong(years.get(i)
                            .selectFirst(".statistics-number[data-indicator=crimes]")
                            .attr("data-value")));
        }

        // the map: one feature per district, in the colour of the legend's class that holds its value
        assertThat(page.selectFirst("#statistics-no-map")).isNull();
        JsonNode map = json.readTree(page.selectFirst("#statistics-map-data").data());
        assertThat(map.path("features")).hasSize(10);
        List<Element> legend = page.select("#statistics-map-legend li");
        assertThat(legend).hasSizeBetween(2, 5);
        for (JsonNode feature : map.path("features")) {
            JsonNode p = feature.path("properties");
            long value = table.get(p.path("id").asLong());
            assertThat(p.path("value").asLong()).isEqualTo(value);
            assertThat(feature.path("geometry").path("type").asText()).endsWith("Polygon");
            List<String> colours = legend.stream()
                    .filter(c ->
                            Long.parseLong(c.attr("data-min")) <= value && value <= Long.parseLong(c.attr("data-max")))
                    .map(c -> c.attr("data-colour"))
                    .toList();
            assertThat(colours)
                    .as(p.path("name").asText())
                    .containsExactly(p.path("colour").asText());
        }
        assertThat(page.select("#statistics-ranked li")).hasSize(10);
        assertThat(page.selectFirst("#statistics-ranked li .statistics-bar-value")
                        .text())
                .isEqualTo("2");

        // a district: no boundary for its communes, so a ranked bar chart, and the page says so
        long district = Long.parseLong(
                page.select("#statistics-ranked li a").first().attr("href").replaceAll(".*unit=(\\d+).*", "$1"));
        Document haiHau = page(admin, "/statistics?unit=" + district + "&year=" + YEAR + "&chart=areas-no-crime");
        assertThat(haiHau.selectFirst("#statistics-subject").text()).contains("Hải Hậu");
        assertThat(haiHau.selectFirst("#statistics-map")).isNull();
        assertThat(haiHau.selectFirst("#statistics-no-map").text())
                .isEqualTo(
                        "Chưa nạp ranh giới của các đơn vị trực thuộc, nên các đơn vị được so sánh bằng biểu đồ cột.");
        JsonNode communes = json.readTree(haiHau.selectFirst("#statistics-data").data());
        Map<Long, Long> ranked = new LinkedHashMap<>();
        communes.path("children")
                .forEach(c -> ranked.put(c.path("id").asLong(), c.path("value").asLong()));
        assertThat(ranked).isEqualTo(childValues(haiHau, "areas-no-crime"));
        assertThat(ranked.get(StatisticsFixture.haiMinh)).isEqualTo(3);
        assertThat(ranked.values().iterator().next()).isEqualTo(3);
    }

    @Test
    void thePickerSuggestsUnitsWithinTheScopeIgnoringDiacritics() {
        Document found = Jsoup.parse(
                admin.getPage("/statistics/suggestions?q=hai+hau&year=2019").body());
        assertThat(found.select("a").eachText()).anySatisfy(t -> assertThat(t).contains("Hải Hậu"));
        assertThat(found.select("a").eachAttr("href")).allMatch(h -> h.endsWith("&year=2019"));
        assertThat(Jsoup.parse(officer.getPage("/statistics/suggestions?q=nam+my&year=2019")
                                .body())
                        .select("a"))
                .isEmpty();
        assertThat(Jsoup.parse(officer.getPage("/statistics/suggestions?q=hai+minh&year=2019")
                                .body())
                        .select("a")
                        .eachAttr("href"))
                .containsExactly("/statistics?unit=" + StatisticsFixture.haiMinh + "&year=2019");
        // the page's search form still works without script
        Document page = page(admin, "/statistics?year=2019&q=hai+hau");
        assertThat(page.selectFirst("#statistics-q").attr("hx-get")).isEqualTo("/statistics/suggestions");
        assertThat(page.select("#statistics-hits a").eachText())
                .anySatisfy(t -> assertThat(t).contains("Hải Hậu"));
    }

    /** The indicators of the cards checked against the rows of the scope's table and the province's page. */
    static final List<String> ADDED_UP = List.of(
            "residential-areas",
            "areas-no-crime",
            "areas-no-drug-user",
            "areas-all-registered",
            "households",
            "households-registered",
            "crimes",
            "incidents",
            "drug-users-present",
            "mediations",
            "re-educations");

    static long rowsSum(Document page, String code) {
        long sum = 0;
        for (Element row : page.select("#statistics-children tbody tr")) {
            sum += value(row.selectFirst(".statistics-number[data-indicator=" + code + "]"));
        }
        return sum;
    }

    @Test
    void theCountrysPageAddsUpTheProvincesAndItsLinksOpenAsManyRecords() {
        Document country = page(admin, "/statistics?year=" + YEAR);
        assertThat(country.selectFirst("#statistics-subject").text()).isEqualTo("Toàn quốc, năm 2019");
        // the shared address of the same page
        Document shared = page(admin, "/statistics?unit=all&year=" + YEAR);
        assertThat(shared.selectFirst("#statistics-subject").text()).isEqualTo("Toàn quốc, năm 2019");
        assertThat(value(number(shared, "crimes"))).isEqualTo(value(number(country, "crimes")));
        // the list of provinces stays, each opening its page
        assertThat(country.select("#statistics-roots a[href=/statistics?unit=" + StatisticsFixture.province + "&year="
                        + YEAR + "]"))
                .hasSize(1);
        Element provinceRow = country.select("#statistics-children tbody tr").stream()
                .filter(r -> r.selectFirst("a.statistics-drill")
                        .attr("href")
                        .equals("/statistics?unit=" + StatisticsFixture.province + "&year=" + YEAR))
                .findFirst()
                .orElseThrow();
        Document province =
                page(admin, provinceRow.selectFirst("a.statistics-drill").attr("href"));
        assertThat(province.selectFirst("#statistics-up").attr("href"))
                .as("up from a province: the country")
                .isEqualTo("/statistics?unit=all&year=" + YEAR);
        for (String code : ADDED_UP) {
            assertThat(value(number(country, code)))
                    .as("the country's %s is the sum of the provinces' rows", code)
                    .isEqualTo(rowsSum(country, code));
            assertThat(value(provinceRow.selectFirst(".statistics-number[data-indicator=" + code + "]")))
                    .as("the province's row of %s is its page's", code)
                    .isEqualTo(value(number(province, code)));
        }
        assertThat(value(number(country, "crimes"))).isGreaterThanOrEqualTo(3);
        if (country.select("#statistics-children tbody tr").size() == 1) {
            // the test database holds Nam Định alone: the country's cards are the province's
            for (String code : List.of("communes", "communes-no-crime", "communes-no-drug-user")) {
                assertThat(value(number(country, code))).as(code).isEqualTo(value(number(province, code)));
            }
        }
        assertThat(country.selectFirst("#statistics-api-link").attr("href"))
                .isEqualTo("/api/v1/statistics/scope?year=" + YEAR);
        assertThat(country.select("#statistics-unit-link")).isEmpty();
        assertThat(country.select("#statistics-ranked li"))
                .hasSize(country.select("#statistics-children tbody tr").size());

        // every number that is a link opens as many records
        for (String code : List.of("areas-no-crime", "residential-areas", "communes-no-crime", "communes")) {
            Element n = number(country, code);
            assertThat(n.attr("href")).isEqualTo("/statistics/units?unit=all&year=" + YEAR + "&indicator=" + code);
            Document counted = page(admin, n.attr("href"));
            assertThat(counted.select("#counted-units tbody tr")).as(code).hasSize((int) value(n));
            assertThat(counted.selectFirst("#counted-subject").text()).contains("Toàn quốc");
        }
        for (String code : List.of("crimes", "incidents")) {
            Element n = number(country, code);
            assertThat(n.attr("href")).startsWith("/order/incidents?year=" + YEAR);
            assertThat(page(admin, n.attr("href")).select("#incidents > li"))
                    .as(code)
                    .hasSize((int) value(n));
        }
        assertThat(number(country, "households").attr("href"))
                .isEqualTo("/statistics/units?unit=all&year=" + YEAR + "&indicator=residential-areas");
        // no list holds the drug users, mediations or re-education cases of several units: plain numbers
        for (String code : List.of("drug-users-present", "drug-users-new", "mediations", "re-educations")) {
            assertThat(number(country, code).tagName()).as(code).isEqualTo("span");
        }

        // the trend: the country's years, each opening the country's page of that year
        var trend = country.select("#statistics-trend tbody tr");
        Element thisYear = trend.get(trend.size() - 1);
        assertThat(thisYear.selectFirst("th a").attr("href")).isEqualTo("/statistics?unit=all&year=" + YEAR);
        assertThat(value(thisYear.selectFirst(".statistics-number[data-indicator=crimes]")))
                .isEqualTo(value(number(country, "crimes")));

        // the exports: the provinces and the total, the trend
        List<List<String>> rows = Workbooks.rows(
                admin.getBytes(country.selectFirst("#statistics-children-xlsx").attr("href")));
        int crimes = rows.get(1).indexOf("Vụ phạm tội");
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("Tổng cộng");
        assertThat(Long.parseLong(rows.get(rows.size() - 1).get(crimes))).isEqualTo(value(number(country, "crimes")));
        assertThat(rows.size() - 3)
                .isEqualTo(country.select("#statistics-children tbody tr").size());
        List<List<String>> years = Workbooks.rows(
                admin.getBytes(country.selectFirst("#statistics-trend-xlsx").attr("href")));
        assertThat(Long.parseLong(years.get(years.size() - 1).get(crimes))).isEqualTo(value(number(country, "crimes")));
        assertThat(admin.getPage("/statistics?unit=abc&year=" + YEAR).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aScopeOfSeveralCommunesAddsThemUp(@Autowired UserAccounts accounts) {
        TestUsers.withRoles(
                accounts,
                "thong-ke-hai-xa",
                "Cán bộ hai xã",
                StatisticsFixture.PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(StatisticsFixture.haiMinh, StatisticsFixture.namMy)),
                Scope.of(Set.of(StatisticsFixture.haiMinh, StatisticsFixture.namMy)));
        WebSession two = new WebSession(port);
        two.signIn("thong-ke-hai-xa", StatisticsFixture.PASSWORD);
        Document scope = page(two, "/statistics?year=" + YEAR);
        assertThat(scope.selectFirst("#statistics-subject").text()).isEqualTo("Phạm vi của bạn, năm 2019");
        assertThat(scope.select("#statistics-children tbody tr")).hasSize(2);
        Document haiMinh = page(two, "/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR);
        Document namMy = page(two, "/statistics?unit=" + StatisticsFixture.namMy + "&year=" + YEAR);
        for (String code : ADDED_UP) {
            assertThat(value(number(scope, code)))
                    .as(code)
                    .isEqualTo(value(number(haiMinh, code)) + value(number(namMy, code)))
                    .isEqualTo(rowsSum(scope, code));
        }
        assertThat(value(number(scope, "crimes"))).isEqualTo(3);
        assertThat(value(number(scope, "residential-areas"))).isEqualTo(6);
        assertThat(haiMinh.selectFirst("#statistics-up").attr("href"))
                .as("up from a root of the scope: the scope")
                .isEqualTo("/statistics?unit=all&year=" + YEAR);
        Element noCrime = number(scope, "areas-no-crime");
        assertThat(page(two, noCrime.attr("href")).select("#counted-units tbody tr"))
                .hasSize((int) value(noCrime));
        Element incidents = number(scope, "incidents");
        assertThat(page(two, incidents.attr("href")).select("#incidents > li")).hasSize((int) value(incidents));

        HttpResponse<String> response = two.get("/api/v1/statistics/scope?year=" + YEAR + "&indicators=crimes");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aScopeOfTwoDistrictsWithBoundariesIsMapped(@Autowired UserAccounts accounts, @Autowired Units units)
            throws Exception {
        long haiHau = units.find(Scope.WHOLE_COUNTRY, StatisticsFixture.haiMinh, StatisticsFixture.LIST_DATE)
                .orElseThrow()
                .parentId();
        long namTruc = units.find(Scope.WHOLE_COUNTRY, StatisticsFixture.namMy, StatisticsFixture.LIST_DATE)
                .orElseThrow()
                .parentId();
        TestUsers.withRoles(
                accounts,
                "thong-ke-hai-huyen",
                "Cán bộ hai huyện",
                StatisticsFixture.PASSWORD,
                Set.of("PROVINCIAL_OFFICER"),
                Scope.of(Set.of(haiHau, namTruc)),
                Scope.of(Set.of(haiHau, namTruc)));
        WebSession two = new WebSession(port);
        two.signIn("thong-ke-hai-huyen", StatisticsFixture.PASSWORD);
        Document scope = page(two, "/statistics?unit=all&year=" + YEAR + "&chart=crimes");
        assertThat(scope.selectFirst("#statistics-subject").text()).isEqualTo("Phạm vi của bạn, năm 2019");
        assertThat(value(number(scope, "crimes"))).isEqualTo(3);
        JsonNode map = json.readTree(scope.selectFirst("#statistics-map-data").data());
        assertThat(map.path("features")).hasSize(2);
        for (JsonNode feature : map.path("features")) {
            long id = feature.at("/properties/id").asLong();
            assertThat(id).isIn(haiHau, namTruc);
            assertThat(feature.at("/properties/value").asLong()).isEqualTo(id == haiHau ? 2 : 1);
        }
    }

    @Test
    void aCommuneOfficerAskingForTheirScopeGetsTheirCommune() {
        assertThat(page(officer, "/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR)
                        .select("#statistics-up"))
                .as("no way up out of the scope")
                .isEmpty();
        HttpResponse<String> response = officer.getPage("/statistics?unit=all&year=" + YEAR + "&chart=incidents");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR + "&chart=incidents");
        JsonNode body;
        try {
            body = json.readTree(
                    officer.get("/api/v1/statistics/scope?year=" + YEAR).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(body.at("/unit/kind").asText()).isEqualTo("SCOPE");
        assertThat(body.at("/children")).hasSize(1);
        assertThat(body.at("/children/0/unit/id").asLong()).isEqualTo(StatisticsFixture.haiMinh);
    }

    @Test
    void theScopesApiAnswersTheCountryAndIsDescribed() throws Exception {
        HttpResponse<String> response =
                admin.get("/api/v1/statistics/scope?year=" + YEAR + "&indicators=crimes,areas-no-crime");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/unit/id").isNull()).isTrue();
        assertThat(body.at("/unit/name").asText()).isEqualTo("Toàn quốc");
        assertThat(body.at("/unit/kind").asText()).isEqualTo("COUNTRY");
        assertThat(body.at("/indicators/0/code").asText()).isEqualTo("areas-no-crime");
        assertThat(body.at("/indicators/0/records").asText())
                .isEqualTo("/statistics/units?unit=all&year=2019&indicator=areas-no-crime");
        long sum = 0;
        for (JsonNode child : body.at("/children")) {
            sum += child.at("/indicators/1/value").asLong();
        }
        assertThat(body.at("/indicators/1/value").asLong()).isEqualTo(sum).isGreaterThanOrEqualTo(3);
        Document country = page(admin, "/statistics?year=" + YEAR);
        assertThat(body.at("/indicators/1/value").asLong()).isEqualTo(value(number(country, "crimes")));

        JsonNode trend = json.readTree(admin.get("/api/v1/statistics/scope/trend?from=2018&to=2019&indicators=crimes")
                .body());
        assertThat(trend.at("/unit/kind").asText()).isEqualTo("COUNTRY");
        assertThat(trend.at("/years")).hasSize(2);
        assertThat(trend.at("/years/1/year").asInt()).isEqualTo(2019);
        assertThat(trend.at("/years/1/indicators/0/value").asLong()).isEqualTo(sum);
        assertThat(admin.get("/api/v1/statistics/scope?year=1990").statusCode()).isEqualTo(400);

        JsonNode api = json.readTree(admin.get("/v3/api-docs").body());
        assertThat(api.at("/paths").has("/api/v1/statistics/scope")).isTrue();
        assertThat(api.at("/paths").has("/api/v1/statistics/scope/trend")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1statistics~1scope/get/tags/0").asText())
                .isEqualTo("statistics");
    }

    @Test
    void thePageIsInEnglish() {
        Document page = page(english, "/statistics?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR + "&lang=en");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Statistics and reports");
        assertThat(page.selectFirst("#card-areas-no-crime h3").text()).isEqualTo("Residential areas with no crime");
        assertThat(page.selectFirst("#crime-change").text()).isEqualTo("1 more than in 2018");
        assertThat(page.selectFirst("#statistics-subject").text()).contains("year 2019");
        Document units = page(
                english,
                "/statistics/units?unit=" + StatisticsFixture.haiMinh + "&year=" + YEAR
                        + "&indicator=residential-areas&lang=en");
        assertThat(units.selectFirst("h1").text()).isEqualTo("Residential areas");
        assertThat(units.select("#counted-units tbody tr")).hasSize(4);
    }
}
