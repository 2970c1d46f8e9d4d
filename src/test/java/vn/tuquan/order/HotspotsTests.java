package vn.tuquan.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.Workbooks;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * Hotspots and campaigns on the embedded PostgreSQL over real HTTP: the status counts on a date move
 * with one change; a change dated before the last one, a designation without a decision number and
 * writes outside the caller's scope are refused with nothing written; removed hotspots stop counting
 * on their removal day; campaigns' results are summed per period.
 */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=" + HotspotsFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotsTests {

    static final LocalDate F18_DAY = LocalDate.of(2017, 10, 31);

    @LocalServerPort
    int port;

    @Autowired
    Hotspots hotspots;

    @Autowired
    Campaigns campaigns;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    MessageSource messages;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units, @Autowired UserAccounts accounts) {
        HotspotsFixture.ensure(lists, units, accounts);
    }

    WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        session.signIn(username, HotspotsFixture.PASSWORD);
        return session;
    }

    String csrf(WebSession session) {
        return Jsoup.parse(session.getPage("/").body())
                .selectFirst("meta[name=_csrf]")
                .attr("content");
    }

    HttpResponse<String> postJson(WebSession session, String path, String json) {
        return post(session, path, "application/json", json, csrf(session));
    }

    /** A form with repeated fields, as a browser posts a multiple choice (the CSRF token in the body). */
    HttpResponse<String> postRaw(WebSession session, String path, String body) {
        return post(session, path, "application/x-www-form-urlencoded", body, null);
    }

    /** A JSON request of any method with the CSRF header (PUT, DELETE). */
    HttpResponse<String> sendJson(WebSession session, String method, String path, String json) {
        return send(session, method, path, "application/json", json, csrf(session));
    }

    private HttpResponse<String> post(WebSession session, String path, String type, String body, String csrfHeader) {
        return send(session, "POST", path, type, body, csrfHeader);
    }

    private HttpResponse<String> send(
            WebSession session, String method, String path, String type, String body, String csrfHeader) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", type)
                .header("Accept", type.contains("json") ? type : "text/html")
                .header("Accept-Language", "vi")
                .header("Cookie", "TUQUAN_SESSION=" + session.cookie("TUQUAN_SESSION"))
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (csrfHeader != null) {
            request.header("X-CSRF-TOKEN", csrfHeader);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The audit log's entries but the refused requests (each 403 is one, issue 13.13): what was written. */
    long auditedWrites() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action <> 'REFUSED'")
                .query(Long.class)
                .single();
    }

    @Test
    void theCountsOnADateMoveWhenOneStatusChanges() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot first =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy ngõ 12", LocalDate.of(2016, 1, 10));
        HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy bãi sông", LocalDate.of(2016, 2, 1));
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY))
                .extracting(Hotspot.Counts::complex, Hotspot.Counts::contained, Hotspot.Counts::stable)
                .containsExactly(2L, 0L, 0L);

        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(officer));
        form.put("status", "STABLE");
        form.put("from", "2017-03-01");
        form.put("reason", "Không phát sinh vụ việc trong 6 tháng");
        HttpResponse<String> saved =
                officer.postForm("/order/units/" + village + "/hotspots/" + first.id() + "/status", form);
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY))
                .extracting(Hotspot.Counts::complex, Hotspot.Counts::contained, Hotspot.Counts::stable)
                .containsExactly(1L, 0L, 1L);
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, LocalDate.of(2017, 2, 28))
                        .complex())
                .as("the day before the change")
                .isEqualTo(2);
        // the counts also under the commune, through the API and on the list page
        String json = officer.get("/api/v1/order/hotspots/units/" + village + "/counts?on=2017-10-31")
                .body();
        assertThat(json).contains("\"complex\":1").contains("\"stable\":1").contains("\"contained\":0");
        Document page = Jsoup.parse(officer.getPage("/order/hotspots?unit=" + village + "&on=2017-10-31")
                .body());
        assertThat(page.select(".count-COMPLEX").text()).isEqualTo("1");
        assertThat(page.select(".count-STABLE").text()).isEqualTo("1");
        assertThat(page.select(".count-total").text()).isEqualTo("2");
        assertThat(page.select(".order-hotspot").first().text())
                .contains("Ma túy")
                .contains("Tổ dân phố số");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'hotspot' "
                                + "AND entity_id = :id")
                        .param("id", Long.toString(first.id()))
                        .query(Long.class)
                        .single())
                .as("designation and status change audited")
                .isEqualTo(2);
    }

    @Test
    void aStatusDatedBeforeTheLastChangeIsRefused() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot = HotspotsFixture.designate(hotspots, village, "Tụ điểm cờ bạc chợ", LocalDate.of(2016, 1, 10));
        hotspots.changeStatus(
                Caller.SYSTEM,
                village,
                hotspot.id(),
                new Hotspot.StatusForm(Hotspot.Status.CONTAINED, LocalDate.of(2017, 1, 1), "Đã bắt đối tượng cầm đầu"));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long events = auditedWrites();
        HttpResponse<String> refused = postJson(
                officer,
                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id() + "/statuses",
                "{\"status\":\"STABLE\",\"from\":\"2016-12-31\",\"reason\":\"Ổn định\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(refused.body())
                .contains("\"field\":\"from\"")
                .contains("Từ ngày")
                .contains("01/01/2017");
        assertThat(hotspots.history(Scope.WHOLE_COUNTRY, village, hotspot.id())).hasSize(2);
        assertThat(auditedWrites()).isEqualTo(events);
        // on the same day as the last change too; the database holds one status at a time anyway
        assertThatThrownBy(() -> hotspots.changeStatus(
                        Caller.SYSTEM,
                        village,
                        hotspot.id(),
                        new Hotspot.StatusForm(Hotspot.Status.STABLE, LocalDate.of(2017, 1, 1), "Ổn định")))
                .isInstanceOf(HotspotRefusedException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO hotspot_status (hotspot_id, status, valid_from, reason, recorded_by) "
                                        + "VALUES (:id, 'STABLE', DATE '2016-06-01', 'x', 'test')")
                        .param("id", hotspot.id())
                        .update())
                .hasMessageContaining("hotspot_status_one_at_a_time");
    }

    @Test
    void aDesignationNeedsADecisionNumber() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long before = count("hotspot");
        HttpResponse<String> refused =
                postJson(officer, "/api/v1/order/hotspots/units/" + village, """
                {"name":"Tụ điểm lô đề","kind":"GAMBLING","unitIds":[%d],"designatedOn":"2016-05-01",
                 "designatedBy":"Giám đốc Công an tỉnh","designationNumber":" ","status":"COMPLEX","reason":"Ghi lô đề"}
                """.formatted(village));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"designationNumber\"").contains("Số quyết định");
        assertThat(count("hotspot")).isEqualTo(before);
        // the page keeps the input and names the field
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(officer));
        form.put("name", "Tụ điểm lô đề");
        form.put("kind", "GAMBLING");
        form.put("unitIds", Long.toString(village));
        form.put("designatedOn", "2016-05-01");
        form.put("designatedBy", "Giám đốc Công an tỉnh");
        form.put("status", "COMPLEX");
        form.put("reason", "Ghi lô đề");
        Document page = Jsoup.parse(
                officer.postForm("/order/units/" + village + "/hotspots", form).body());
        assertThat(page.select(".order-form-error").text()).contains("Số quyết định");
        assertThat(page.select("#name").val()).isEqualTo("Tụ điểm lô đề");
        assertThat(count("hotspot")).isEqualTo(before);
        // the database refuses it too
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO hotspot (name, kind, designated_on, designated_by, "
                                        + "designation_number, created_by) VALUES ('x', 'DRUGS', DATE '2016-01-01', 'CA', '', 'test')")
                        .update())
                .hasMessageContaining("designation_number");
        // with the number, it is saved
        HttpResponse<String> created =
                postJson(officer, "/api/v1/order/hotspots/units/" + village, """
                {"name":"Tụ điểm lô đề","kind":"GAMBLING","unitIds":[%d],"designatedOn":"2016-05-01",
                 "designatedBy":"Giám đốc Công an tỉnh","designationNumber":"45/QĐ-CAT","status":"COMPLEX","reason":"Ghi lô đề"}
                """.formatted(village));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(count("hotspot")).isEqualTo(before + 1);
    }

    @Test
    void aRemovedHotspotIsNotCountedFromItsRemovalDay() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Khu vực trộm cắp chợ", LocalDate.of(2016, 1, 1));
        hotspots.changeStatus(
                Caller.SYSTEM,
                village,
                hotspot.id(),
                new Hotspot.StatusForm(Hotspot.Status.STABLE, LocalDate.of(2016, 9, 1), "Ổn định"));
        assertThatThrownBy(() -> hotspots.remove(
                        Caller.SYSTEM,
                        village,
                        hotspot.id(),
                        new Hotspot.RemovalForm(LocalDate.of(2017, 6, 1), "Giám đốc Công an tỉnh", "")))
                .isInstanceOf(HotspotRefusedException.class)
                .hasMessageContaining("removalNumber");
        hotspots.remove(
                Caller.SYSTEM,
                village,
                hotspot.id(),
                new Hotspot.RemovalForm(LocalDate.of(2017, 6, 1), "Giám đốc Công an tỉnh", "88/QĐ-CAT"));
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, LocalDate.of(2017, 5, 31))
                        .stable())
                .isEqualTo(1);
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, LocalDate.of(2017, 6, 1))
                        .total())
                .isZero();
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY).total())
                .isZero();
        assertThat(hotspots.under(Scope.WHOLE_COUNTRY, village, F18_DAY, new Hotspot.Filter(null, null, null, false)))
                .isEmpty();
        assertThat(hotspots.under(Scope.WHOLE_COUNTRY, village, F18_DAY, Hotspot.Filter.ALL))
                .hasSize(1);
        assertThatThrownBy(() -> hotspots.changeStatus(
                        Caller.SYSTEM,
                        village,
                        hotspot.id(),
                        new Hotspot.StatusForm(Hotspot.Status.COMPLEX, LocalDate.of(2017, 8, 1), "Tái phát")))
                .isInstanceOf(HotspotRefusedException.class);
    }

    @Test
    void writesOutsideTheCallersScopeAreRefusedAndWriteNothing() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot = HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy cầu", LocalDate.of(2016, 3, 1));
        WebSession other = signedIn(HotspotsFixture.OTHER_OFFICER);
        long events = auditedWrites();
        long statuses = count("hotspot_status");
        long spots = count("hotspot");
        assertThat(postJson(
                                other,
                                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id() + "/statuses",
                                "{\"status\":\"STABLE\",\"from\":\"2017-01-01\",\"reason\":\"Ổn định\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(postJson(
                                other,
                                "/api/v1/order/hotspots/units/" + HotspotsFixture.tranTeXuong + "/" + hotspot.id()
                                        + "/statuses",
                                "{\"status\":\"STABLE\",\"from\":\"2017-01-01\",\"reason\":\"Ổn định\"}")
                        .statusCode())
                .as("from the officer's own ward: the hotspot is not under it")
                .isEqualTo(404);
        assertThat(postJson(other, "/api/v1/order/hotspots/units/" + HotspotsFixture.tranTeXuong, """
                {"name":"Tụ điểm","kind":"DRUGS","unitIds":[%d],"designatedOn":"2016-05-01","designatedBy":"CA tỉnh",
                 "designationNumber":"1/QĐ","status":"COMPLEX","reason":"x"}""".formatted(
                                        village))
                        .statusCode())
                .as("designating a hotspot over a unit outside the capture scope")
                .isEqualTo(403);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(other));
        form.put("removedOn", "2017-01-01");
        form.put("removedBy", "CA tỉnh");
        form.put("removalNumber", "2/QĐ");
        assertThat(other.postForm("/order/units/" + village + "/hotspots/" + hotspot.id() + "/removal", form)
                        .statusCode())
                .isEqualTo(403);
        assertThat(other.getPage("/order/units/" + village + "/hotspots/" + hotspot.id())
                        .statusCode())
                .isEqualTo(403);
        assertThat(auditedWrites()).isEqualTo(events);
        assertThat(count("hotspot_status")).isEqualTo(statuses);
        assertThat(count("hotspot")).isEqualTo(spots);
        assertThat(hotspots.find(Scope.WHOLE_COUNTRY, village, hotspot.id(), Dates.today())
                        .removedOn())
                .isNull();
    }

    @Test
    void aCampaignLinkingAHotspotOutsideTheCallersViewIsRefused() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy bến xe", LocalDate.of(2016, 3, 1));
        WebSession other = signedIn(HotspotsFixture.OTHER_OFFICER);
        long before = count("campaign");
        long events = auditedWrites();
        HttpResponse<String> refused = postJson(
                other, "/api/v1/order/campaigns/units/" + HotspotsFixture.tranTeXuong, """
                {"name":"Truy quét ma túy","kind":"CRACKDOWN","startedOn":"2017-03-01","endedOn":"2017-04-30",
                 "hotspotIds":[%d],"results":{"arrests":3}}""".formatted(hotspot.id()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(count("campaign")).isEqualTo(before);
        assertThat(auditedWrites()).isEqualTo(events);
        // the Hạ Long officer may link it
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        HttpResponse<String> created =
                postJson(officer, "/api/v1/order/campaigns/units/" + HotspotsFixture.haLong, """
                {"name":"Truy quét ma túy","kind":"CRACKDOWN","startedOn":"2017-03-01","endedOn":"2017-04-30",
                 "unitIds":[%d],"forces":"Công an phường","officers":12,"hotspotIds":[%d],"results":{"arrests":3}}
                """.formatted(
                                village, hotspot.id()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(count("campaign")).isEqualTo(before + 1);
        assertThat(campaigns.ofHotspot(Scope.WHOLE_COUNTRY, village, hotspot.id()))
                .extracting(Campaign::name)
                .containsExactly("Truy quét ma túy");
    }

    static final String CAMPAIGN_CORRECTION = """
            {"name":"%s","kind":"PATROL","startedOn":"%s","endedOn":"%s","unitIds":[%d],"forces":"Công an xã",
             "officers":20,"hotspotIds":[%d]}""";

    Campaign campaignIn(long village, String name) {
        return campaignBy(village, village, name);
    }

    Campaign campaignBy(long organiser, long village, String name) {
        return campaigns.record(
                Caller.SYSTEM,
                organiser,
                new Campaign.Form(
                        name,
                        Campaign.Kind.CRACKDOWN,
                        LocalDate.of(2017, 3, 1),
                        LocalDate.of(2017, 3, 31),
                        List.of(village),
                        "Công an phường",
                        8,
                        new Campaign.Results(3, 0, 0, 0, null, null),
                        List.of()));
    }

    long auditOf(Campaign campaign) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'campaign' "
                        + "AND entity_id = :id")
                .param("id", Long.toString(campaign.id()))
                .query(Long.class)
                .single();
    }

    @Test
    void aCampaignCorrectedChangesWhatWasRecordedKeepsItsResultsAndIsAuditedOnce() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        long second = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy bãi sông", LocalDate.of(2016, 2, 1));
        long commune = HotspotsFixture.haLong;
        Campaign campaign = campaignBy(commune, village, "Truy quét ban đầu");
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long audited = auditOf(campaign);
        HttpResponse<String> corrected = sendJson(
                officer,
                "PUT",
                "/api/v1/order/campaigns/units/" + commune + "/" + campaign.id(),
                CAMPAIGN_CORRECTION
                        .formatted("Tuần tra đã sửa", "2017-04-01", "2017-04-15", second, hotspot.id())
                        .replace("\"unitIds\":[" + second + "]", "\"unitIds\":[" + village + "," + second + "]"));
        assertThat(corrected.statusCode()).isEqualTo(200);
        Campaign after = campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id());
        assertThat(after)
                .extracting(
                        Campaign::name,
                        Campaign::kind,
                        Campaign::startedOn,
                        Campaign::endedOn,
                        Campaign::forces,
                        Campaign::officers,
                        Campaign::hotspotIds,
                        Campaign::organisingUnitId)
                .containsExactly(
                        "Tuần tra đã sửa",
                        Campaign.Kind.PATROL,
                        LocalDate.of(2017, 4, 1),
                        LocalDate.of(2017, 4, 15),
                        "Công an xã",
                        20,
                        List.of(hotspot.id()),
                        commune);
        assertThat(after.unitIds()).containsExactlyInAnyOrder(village, second);
        assertThat(after.results().arrests()).isEqualTo(3);
        assertThat(auditOf(campaign)).isEqualTo(audited + 1);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE module = 'order' AND entity_type = 'campaign' "
                                + "AND entity_id = :id ORDER BY id DESC LIMIT 1")
                        .param("id", Long.toString(campaign.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("UPDATED");

        // on the page: the form prefilled, then a correction posted from it
        String list = "/order/campaigns?unit=" + commune + "&from=2017-01-01&to=2017-12-31";
        Document page = Jsoup.parse(officer.getPage(list).body());
        assertThat(page.select("#correct-name-" + campaign.id()).val()).isEqualTo("Tuần tra đã sửa");
        assertThat(page.select("#correct-endedOn-" + campaign.id()).val()).isEqualTo("2017-04-15");
        assertThat(page.select("#correct-hotspots-" + campaign.id() + " option[selected]")
                        .eachText())
                .containsExactly("Tụ điểm ma túy bãi sông");
        HttpResponse<String> saved = postRaw(
                officer,
                "/order/units/" + commune + "/campaigns/" + campaign.id() + "/correction",
                "_csrf=" + csrf(officer) + "&name=" + enc("Tuần tra trên trang") + "&kind=PATROL"
                        + "&startedOn=2017-04-01&endedOn=2017-04-20&unitIds=" + village + "&officers=9");
        assertThat(saved.statusCode()).isEqualTo(302);
        after = campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id());
        assertThat(after)
                .extracting(
                        Campaign::name, Campaign::endedOn, Campaign::unitIds, Campaign::hotspotIds, Campaign::officers)
                .containsExactly("Tuần tra trên trang", LocalDate.of(2017, 4, 20), List.of(village), List.of(), 9);
        assertThat(auditOf(campaign)).isEqualTo(audited + 2);
    }

    @Test
    void aCampaignCorrectionEndingBeforeItStartsIsRefusedNamingTheFieldAndChangesNothing() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm cờ bạc bến phà", LocalDate.of(2016, 2, 1));
        Campaign campaign = campaignIn(village, "Truy quét cờ bạc bến phà");
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long events = auditedWrites();
        HttpResponse<String> refused = sendJson(
                officer,
                "PUT",
                "/api/v1/order/campaigns/units/" + village + "/" + campaign.id(),
                CAMPAIGN_CORRECTION.formatted("Tên mới", "2017-04-15", "2017-04-01", village, hotspot.id()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"endedOn\"").contains("Ngày kết thúc");
        assertThat(campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id())).isEqualTo(campaign);
        assertThat(auditedWrites()).isEqualTo(events);

        Document page = Jsoup.parse(postRaw(
                        officer,
                        "/order/units/" + village + "/campaigns/" + campaign.id() + "/correction",
                        "_csrf=" + csrf(officer) + "&name=" + enc("Tên mới trên trang") + "&kind=PATROL"
                                + "&startedOn=2017-04-15&endedOn=2017-04-01&unitIds=" + village + "&hotspotIds="
                                + hotspot.id())
                .body());
        assertThat(page.select("#campaign-" + campaign.id() + " .order-form-error")
                        .text())
                .contains("Ngày kết thúc");
        assertThat(page.select("#correct-name-" + campaign.id()).val()).isEqualTo("Tên mới trên trang");
        assertThat(page.select("#correct-endedOn-" + campaign.id()).val()).isEqualTo("2017-04-01");
        assertThat(page.select("#correct-hotspots-" + campaign.id() + " option[selected]")
                        .eachText())
                .containsExactly("Tụ điểm cờ bạc bến phà");
        assertThat(page.select(".campaign-correction[open]")).hasSize(1);
        assertThat(campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id())).isEqualTo(campaign);
        assertThat(auditedWrites()).isEqualTo(events);
    }

    @Test
    void aCampaignCorrectedFromOutsideTheScopeOrLinkingAnUnseenHotspotIsRefused() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        long elsewhere = HotspotsFixture.village(localUnits, HotspotsFixture.tranTeXuong);
        Hotspot unseen = HotspotsFixture.designate(
                hotspots, elsewhere, "Tụ điểm trộm cắp chợ Trần Tế Xương", LocalDate.of(2016, 2, 1));
        Campaign campaign = campaignIn(village, "Truy quét trộm cắp");
        WebSession other = signedIn(HotspotsFixture.OTHER_OFFICER);
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long events = auditedWrites();
        long links = count("campaign_hotspot");
        // the Trần Tế Xương officer may not correct a Hạ Long campaign
        HttpResponse<String> outside = sendJson(
                other,
                "PUT",
                "/api/v1/order/campaigns/units/" + village + "/" + campaign.id(),
                CAMPAIGN_CORRECTION.formatted("Tên lạ", "2017-04-01", "2017-04-15", elsewhere, unseen.id()));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id())).isEqualTo(campaign);
        assertThat(auditedWrites()).isEqualTo(events);
        // the Hạ Long officer may not link a hotspot of Trần Tế Xương, which they do not see
        HttpResponse<String> unseenLink = sendJson(
                officer,
                "PUT",
                "/api/v1/order/campaigns/units/" + village + "/" + campaign.id(),
                CAMPAIGN_CORRECTION.formatted("Tên mới", "2017-04-01", "2017-04-15", village, unseen.id()));
        assertThat(unseenLink.statusCode()).isEqualTo(403);
        assertThat(campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id())).isEqualTo(campaign);
        assertThat(count("campaign_hotspot")).isEqualTo(links);
        assertThat(auditedWrites()).isEqualTo(events);
        // nor cover a unit outside their scope
        assertThat(sendJson(
                                officer,
                                "PUT",
                                "/api/v1/order/campaigns/units/" + village + "/" + campaign.id(),
                                CAMPAIGN_CORRECTION
                                        .formatted("Tên mới", "2017-04-01", "2017-04-15", elsewhere, unseen.id())
                                        .replace(",\"hotspotIds\":[" + unseen.id() + "]", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(campaigns.find(Scope.WHOLE_COUNTRY, village, campaign.id())).isEqualTo(campaign);
        assertThat(auditedWrites()).isEqualTo(events);
    }

    @Test
    void campaignResultsAreSummedPerPeriodByTheirLastDay() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Campaign.Form october = new Campaign.Form(
                "Tuần tra đêm",
                Campaign.Kind.PATROL,
                LocalDate.of(2017, 10, 1),
                LocalDate.of(2017, 10, 31),
                List.of(village),
                "Công an phường",
                10,
                new Campaign.Results(4, 1, 0, 7, "2 xe máy", null),
                List.of());
        Campaign.Form november = new Campaign.Form(
                "Truy quét cờ bạc",
                Campaign.Kind.CRACKDOWN,
                LocalDate.of(2017, 10, 20),
                LocalDate.of(2017, 11, 1),
                List.of(village),
                "Công an phường",
                15,
                new Campaign.Results(6, 2, 1, 3, null, null),
                List.of());
        campaigns.record(Caller.SYSTEM, village, october);
        campaigns.record(Caller.SYSTEM, village, november);
        var period2017 = vn.tuquan.shared.Period.residentialArea(2017);
        Campaign.Totals totals = campaigns.totals(Scope.WHOLE_COUNTRY, village, period2017.from(), period2017.to());
        assertThat(totals.campaigns()).isEqualTo(1);
        assertThat(totals.arrests()).isEqualTo(4);
        // the next period from 01/11/2017 (under TT 23 the day 31/10 closes one period: counted there only)
        assertThat(campaigns
                        .totals(Scope.WHOLE_COUNTRY, village, LocalDate.of(2017, 11, 1), LocalDate.of(2018, 10, 31))
                        .arrests())
                .isEqualTo(6);
        assertThat(campaigns.under(Scope.WHOLE_COUNTRY, village, period2017.from(), period2017.to()))
                .hasSize(2);
        assertThatThrownBy(() -> campaigns.record(
                        Caller.SYSTEM,
                        village,
                        new Campaign.Form(
                                "Sai ngày",
                                Campaign.Kind.PATROL,
                                LocalDate.of(2017, 5, 2),
                                LocalDate.of(2017, 5, 1),
                                List.of(),
                                null,
                                null,
                                null,
                                List.of())))
                .isInstanceOf(HotspotRefusedException.class)
                .hasMessageContaining("endedOn");
    }

    @Test
    void theExportsReadBackWithEveryHotspotAndCampaignTheReaderMaySee() throws Exception {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm mại dâm nhà nghỉ", LocalDate.of(2016, 4, 1));
        Hotspot removed =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm cờ bạc bến đò", LocalDate.of(2016, 5, 1));
        hotspots.remove(
                Caller.SYSTEM,
                village,
                removed.id(),
                new Hotspot.RemovalForm(LocalDate.of(2017, 6, 1), "Giám đốc Công an tỉnh Nam Định", "30/QĐ-CAT"));
        campaigns.record(
                Caller.SYSTEM,
                village,
                new Campaign.Form(
                        "Truy quét mại dâm",
                        Campaign.Kind.CRACKDOWN,
                        LocalDate.of(2017, 2, 1),
                        LocalDate.of(2017, 3, 1),
                        List.of(),
                        "Công an phường",
                        8,
                        new Campaign.Results(2, 1, 0, 5, null, null),
                        List.of(hotspot.id())));
        campaigns.record(
                Caller.SYSTEM,
                village,
                new Campaign.Form(
                        "Tuần tra bến đò",
                        Campaign.Kind.PATROL,
                        LocalDate.of(2017, 7, 1),
                        LocalDate.of(2017, 7, 2),
                        List.of(),
                        null,
                        null,
                        new Campaign.Results(null, null, null, null, null, "Không phát hiện vi phạm"),
                        List.of()));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        Scope view = Scope.of(Set.of(HotspotsFixture.haLong));
        String villageName = units.latest(view, village).orElseThrow().name();

        LocalDate on = LocalDate.of(2017, 10, 31);
        List<List<String>> hotspotSheet =
                Workbooks.rows(officer.getBytes("/order/hotspots.xlsx?unit=" + village + "&on=" + on));
        assertThat(hotspotSheet.get(0).get(0))
                .isEqualTo("Địa bàn trọng điểm, phức tạp về ANTT — " + villageName + " — ngày 31/10/2017");
        assertThat(hotspotSheet.get(1))
                .containsExactly(
                        "Tên địa bàn",
                        "Loại địa bàn",
                        "Đơn vị thuộc địa bàn",
                        "Ngày xác định",
                        "Cơ quan quyết định",
                        "Số quyết định",
                        "Tình trạng vào ngày",
                        "Từ ngày",
                        "Ngày đưa ra khỏi danh sách",
                        "Cơ quan quyết định",
                        "Số quyết định",
                        "Vĩ độ",
                        "Kinh độ",
                        "Ghi chú");
        List<Hotspot> spots = hotspots.under(view, village, on, Hotspot.Filter.ALL);
        assertThat(spots).extracting(Hotspot::id).containsExactlyInAnyOrder(hotspot.id(), removed.id());
        assertThat(hotspotSheet.subList(2, hotspotSheet.size()))
                .containsExactlyElementsOf(spots.stream()
                        .map(h -> Workbooks.row(
                                h.name(),
                                message("order.hotspot.kind." + h.kind()),
                                String.join(
                                        "; ",
                                        h.unitIds().stream()
                                                .map(u -> units.latest(view, u)
                                                        .orElseThrow()
                                                        .name())
                                                .toList()),
                                h.designatedOn(),
                                h.designatedBy(),
                                h.designationNumber(),
                                h.onListOn(on) ? message("order.hotspot.status." + h.status()) : null,
                                h.onListOn(on) ? h.statusSince() : null,
                                h.removedOn(),
                                h.removedBy(),
                                h.removalNumber(),
                                h.latitude(),
                                h.longitude(),
                                h.notes()))
                        .toList());
        assertThat(hotspotSheet)
                .contains(Workbooks.row(
                        "Tụ điểm mại dâm nhà nghỉ",
                        "Ma túy",
                        villageName,
                        "01/04/2016",
                        "Giám đốc Công an tỉnh Nam Định",
                        "12/QĐ-CAT",
                        "Phức tạp",
                        "01/04/2016",
                        null,
                        null,
                        null,
                        "20.43",
                        "106.17",
                        null));
        assertThat(hotspotSheet)
                .contains(Workbooks.row(
                        "Tụ điểm cờ bạc bến đò",
                        "Ma túy",
                        villageName,
                        "01/05/2016",
                        "Giám đốc Công an tỉnh Nam Định",
                        "12/QĐ-CAT",
                        null,
                        null,
                        "01/06/2017",
                        "Giám đốc Công an tỉnh Nam Định",
                        "30/QĐ-CAT",
                        "20.43",
                        "106.17",
                        null));

        List<List<String>> campaignSheet = Workbooks.rows(
                officer.getBytes("/order/campaigns.xlsx?unit=" + village + "&from=2017-01-01&to=2017-12-31"));
        assertThat(campaignSheet.get(0).get(0))
                .isEqualTo("Các đợt truy quét, tuần tra — " + villageName + " — từ 01/01/2017 đến 31/12/2017");
        assertThat(campaignSheet.get(1))
                .containsExactly(
                        "Tên đợt",
                        "Hình thức",
                        "Ngày bắt đầu",
                        "Ngày kết thúc",
                        "Đơn vị chủ trì",
                        "Địa bàn triển khai",
                        "Lực lượng tham gia",
                        "Số cán bộ, chiến sĩ",
                        "Số người bị bắt",
                        "Số ổ nhóm bị triệt phá",
                        "Số địa bàn được chuyển hóa",
                        "Số tang vật thu giữ",
                        "Tang vật thu giữ",
                        "Kết quả khác",
                        "Địa bàn trọng điểm nhắm tới");
        List<Campaign> held = campaigns.under(view, village, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31));
        assertThat(held).extracting(Campaign::name).containsExactlyInAnyOrder("Truy quét mại dâm", "Tuần tra bến đò");
        assertThat(campaignSheet.subList(2, campaignSheet.size()))
                .containsExactlyElementsOf(held.stream()
                        .map(c -> Workbooks.row(
                                c.name(),
                                message("order.campaign.kind." + c.kind()),
                                c.startedOn(),
                                c.endedOn(),
                                units.latest(view, c.organisingUnitId())
                                        .orElseThrow()
                                        .name(),
                                String.join(
                                        "; ",
                                        c.unitIds().stream()
                                                .map(u -> units.latest(view, u)
                                                        .orElseThrow()
                                                        .name())
                                                .toList()),
                                c.forces(),
                                c.officers(),
                                c.results().arrests(),
                                c.results().ringsBroken(),
                                c.results().hotspotsCleared(),
                                c.results().itemsSeized(),
                                c.results().seizedDescription(),
                                c.results().summary(),
                                String.join(
                                        "; ",
                                        c.hotspotIds().stream()
                                                .map(h -> hotspots.find(view, village, h, Dates.today())
                                                        .name())
                                                .toList())))
                        .toList());
        assertThat(campaignSheet)
                .contains(Workbooks.row(
                        "Truy quét mại dâm",
                        "Truy quét",
                        "01/02/2017",
                        "01/03/2017",
                        villageName,
                        villageName,
                        "Công an phường",
                        8,
                        2,
                        1,
                        0,
                        5,
                        null,
                        null,
                        "Tụ điểm mại dâm nhà nghỉ"));
        String map = officer.get("/order/units/" + village + "/hotspots/map.json?on=2017-10-31")
                .body();
        assertThat(map).contains("\"status\":\"COMPLEX\"").contains("\"coordinates\":[106.17,20.43]");
    }

    String message(String key) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag("vi"));
    }

    @Test
    void theCampaignPageRecordsACampaignWithItsHotspotsThenItsResults() throws Exception {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy gầm cầu", LocalDate.of(2016, 4, 1));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        String list = "/order/campaigns?unit=" + village + "&from=2017-01-01&to=2017-12-31";
        Document page = Jsoup.parse(officer.getPage(list).body());
        assertThat(page.select("#campaign-hotspots option").eachText()).contains("Tụ điểm ma túy gầm cầu");
        String body = "_csrf=" + csrf(officer) + "&name=" + enc("Tuần tra đêm gầm cầu") + "&kind=PATROL"
                + "&startedOn=2017-02-01&endedOn=2017-01-15&unitIds=" + village + "&hotspotIds=" + hotspot.id()
                + "&officers=6&arrests=2";
        long before = count("campaign");
        Document refused = Jsoup.parse(
                postRaw(officer, "/order/units/" + village + "/campaigns", body).body());
        assertThat(refused.select(".order-form-error").text()).contains("Ngày kết thúc");
        assertThat(refused.select("#campaign-name").val()).isEqualTo("Tuần tra đêm gầm cầu");
        assertThat(refused.select("#campaign-hotspots option[selected]").eachText())
                .contains("Tụ điểm ma túy gầm cầu");
        assertThat(count("campaign")).isEqualTo(before);
        HttpResponse<String> saved = postRaw(
                officer,
                "/order/units/" + village + "/campaigns",
                body.replace("endedOn=2017-01-15", "endedOn=2017-02-28"));
        assertThat(saved.statusCode()).isEqualTo(302);
        page = Jsoup.parse(officer.getPage(list).body());
        assertThat(page.select(".order-campaign").text())
                .contains("Tuần tra đêm gầm cầu")
                .contains("Tụ điểm ma túy gầm cầu");
        assertThat(page.select(".totals-arrests").text()).isEqualTo("2");
        long id = campaigns
                .under(Scope.WHOLE_COUNTRY, village, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31))
                .get(0)
                .id();
        HttpResponse<String> results = postRaw(
                officer,
                "/order/units/" + village + "/campaigns/" + id + "/results",
                "_csrf=" + csrf(officer) + "&arrests=5&ringsBroken=1&hotspotsCleared=1&itemsSeized=12");
        assertThat(results.statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(officer.getPage(list).body())
                        .select(".totals-arrests")
                        .text())
                .isEqualTo("5");
        assertThat(Jsoup.parse(officer.getPage("/order/units/" + village + "/hotspots/" + hotspot.id())
                                .body())
                        .text())
                .contains("Tuần tra đêm gầm cầu");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'campaign' "
                                + "AND entity_id = :id")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theMapDrawsTheBoundaryOfAHotspotsUnitWhenTheUnitsModuleHoldsOne(
            @Autowired vn.tuquan.units.UnitBoundaries boundaries) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ha-long", ".geojson");
        java.nio.file.Files.writeString(file, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"13633"},
                 "geometry":{"type":"Polygon","coordinates":[[[106.17,20.42],[106.19,20.42],[106.19,20.44],[106.17,20.42]]]}}]}
                """);
        boundaries.importFiles(Caller.SYSTEM, List.of(file), HotspotsFixture.LIST_DATE, java.util.Optional.empty());
        Hotspot ward = hotspots.designate(
                Caller.SYSTEM,
                HotspotsFixture.haLong,
                new Hotspot.Form(
                        "Khu vực gây rối chợ Rồng",
                        Hotspot.Kind.PUBLIC_ORDER,
                        List.of(HotspotsFixture.haLong),
                        LocalDate.of(2016, 1, 5),
                        "Giám đốc Công an tỉnh",
                        "7/QĐ-CAT",
                        Hotspot.Status.CONTAINED,
                        "Thanh thiếu niên tụ tập",
                        null,
                        null,
                        null));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        var map = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(officer.get("/order/units/" + HotspotsFixture.haLong + "/hotspots/map.json?on=2017-10-31")
                        .body());
        List<String> drawn = new java.util.ArrayList<>();
        map.path("features")
                .forEach(f -> drawn.add(f.path("properties").path("role").asString() + " "
                        + f.path("geometry").path("type").asString() + " "
                        + f.path("properties").path("id").asString()));
        assertThat(drawn).contains("context Polygon " + HotspotsFixture.haLong, "hotspot Polygon " + ward.id());
        assertThat(map.toString()).contains("\"statusName\":\"Kiềm chế\"");
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static final String CORRECTION = """
            {"name":"%s","kind":"GAMBLING","unitIds":[%d],"designatedOn":"2016-01-05",
             "designatedBy":"Giám đốc Công an tỉnh Nam Định","designationNumber":"%s","notes":"Sửa theo quyết định gốc"}""";

    @Test
    void aCorrectionChangesTheHotspotAndIsAudited() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        long second = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ghi sai tên", LocalDate.of(2016, 1, 10));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long events = auditedWrites();
        HttpResponse<String> corrected = sendJson(
                officer,
                "PUT",
                "/api/v1/order/hotspots/units/" + HotspotsFixture.haLong + "/" + hotspot.id(),
                CORRECTION.formatted("Tụ điểm cờ bạc đầu cầu", second, "13/QĐ-CAT"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        Hotspot after = hotspots.find(Scope.WHOLE_COUNTRY, HotspotsFixture.haLong, hotspot.id(), F18_DAY);
        assertThat(after)
                .extracting(
                        Hotspot::name,
                        Hotspot::kind,
                        Hotspot::unitIds,
                        Hotspot::designatedOn,
                        Hotspot::designationNumber,
                        Hotspot::notes)
                .containsExactly(
                        "Tụ điểm cờ bạc đầu cầu",
                        Hotspot.Kind.GAMBLING,
                        List.of(second),
                        LocalDate.of(2016, 1, 5),
                        "13/QĐ-CAT",
                        "Sửa theo quyết định gốc");
        assertThat(hotspots.history(Scope.WHOLE_COUNTRY, HotspotsFixture.haLong, hotspot.id())
                        .get(0)
                        .from())
                .as("the first status starts on the corrected designation day")
                .isEqualTo(LocalDate.of(2016, 1, 5));
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, second, LocalDate.of(2016, 1, 6))
                        .complex())
                .isEqualTo(1);
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY).complex())
                .isZero();
        assertThat(auditedWrites()).isEqualTo(events + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE module = 'order' AND entity_type = 'hotspot' "
                                + "AND entity_id = ? AND action = 'UPDATED'")
                        .param(Long.toString(hotspot.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String page = "/order/units/" + HotspotsFixture.haLong + "/hotspots/" + hotspot.id();
        Document shown = Jsoup.parse(officer.getPage(page).body());
        assertThat(shown.select("#correct-name").attr("value"))
                .as("the form prefilled")
                .isEqualTo("Tụ điểm cờ bạc đầu cầu");
        assertThat(shown.select("#correct-units option[selected]").eachAttr("value"))
                .containsExactly(Long.toString(second));
        HttpResponse<String> fromPage = postRaw(
                officer,
                page + "/correction",
                "_csrf=" + csrf(officer)
                        + "&name=T%E1%BB%A5+%C4%91i%E1%BB%83m+c%E1%BB%9D+b%E1%BA%A1c&kind=GAMBLING&unitIds=" + village
                        + "&unitIds=" + second
                        + "&designatedOn=2016-01-05&designatedBy=CA+t%E1%BB%89nh&designationNumber=13%2FQ%C4%90");
        assertThat(fromPage.statusCode()).as(fromPage.body()).isEqualTo(302);
        assertThat(hotspots.find(Scope.WHOLE_COUNTRY, HotspotsFixture.haLong, hotspot.id(), F18_DAY))
                .extracting(Hotspot::name, Hotspot::unitIds, Hotspot::notes)
                .containsExactly(
                        "Tụ điểm cờ bạc",
                        List.of(village, second).stream().sorted().toList(),
                        null);
    }

    @Test
    void aCorrectionWithoutADecisionNumberIsRefusedAndChangesNothing() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy bến đò", LocalDate.of(2016, 1, 10));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        long events = auditedWrites();
        HttpResponse<String> refused = sendJson(
                officer,
                "PUT",
                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id(),
                CORRECTION.formatted("Tên mới", village, " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"designationNumber\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(officer));
        form.put("name", "Tên mới trên trang");
        form.put("kind", "THEFT");
        form.put("unitIds", Long.toString(village));
        form.put("designatedOn", "2016-01-05");
        form.put("designatedBy", "Giám đốc Công an tỉnh Nam Định");
        form.put("designationNumber", "");
        HttpResponse<String> page =
                officer.postForm("/order/units/" + village + "/hotspots/" + hotspot.id() + "/correction", form);
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("#correct .order-form-error").text()).contains("Số quyết định");
        assertThat(doc.select("#correct-name").attr("value"))
                .as("the input kept")
                .isEqualTo("Tên mới trên trang");

        Hotspot now = hotspots.find(Scope.WHOLE_COUNTRY, village, hotspot.id(), F18_DAY);
        assertThat(now)
                .extracting(Hotspot::name, Hotspot::kind, Hotspot::designatedOn, Hotspot::designationNumber)
                .containsExactly(hotspot.name(), hotspot.kind(), hotspot.designatedOn(), hotspot.designationNumber());
        assertThat(auditedWrites()).isEqualTo(events);
    }

    @Test
    void anOutOfScopeCorrectionIsRefusedAndChangesNothing() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        long elsewhere = HotspotsFixture.village(localUnits, HotspotsFixture.tranTeXuong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm trộm cắp chợ", LocalDate.of(2016, 1, 10));
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        WebSession other = signedIn(HotspotsFixture.OTHER_OFFICER);
        long events = auditedWrites();
        assertThat(sendJson(
                                officer,
                                "PUT",
                                "/api/v1/order/hotspots/units/" + HotspotsFixture.haLong + "/" + hotspot.id(),
                                CORRECTION.formatted("Tên mới", elsewhere, "13/QĐ"))
                        .statusCode())
                .as("covering a unit outside the officer's capture scope")
                .isEqualTo(403);
        assertThat(sendJson(
                                other,
                                "PUT",
                                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id(),
                                CORRECTION.formatted("Tên mới", village, "13/QĐ"))
                        .statusCode())
                .as("a hotspot outside the other officer's scope")
                .isEqualTo(403);
        assertThat(sendJson(
                                other,
                                "DELETE",
                                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id() + "/statuses/last",
                                "{}")
                        .statusCode())
                .isEqualTo(403);
        Hotspot now = hotspots.find(Scope.WHOLE_COUNTRY, village, hotspot.id(), F18_DAY);
        assertThat(now)
                .extracting(Hotspot::name, Hotspot::unitIds, Hotspot::designationNumber)
                .containsExactly(hotspot.name(), List.of(village), hotspot.designationNumber());
        assertThat(auditedWrites()).isEqualTo(events);
    }

    @Test
    void withdrawingTheLastStatusMovesTheCountsBackButTheFirstStaysPut() {
        long village = HotspotsFixture.village(localUnits, HotspotsFixture.haLong);
        Hotspot hotspot =
                HotspotsFixture.designate(hotspots, village, "Tụ điểm ma túy bãi xe", LocalDate.of(2016, 1, 10));
        hotspots.changeStatus(
                Caller.SYSTEM,
                village,
                hotspot.id(),
                new Hotspot.StatusForm(Hotspot.Status.CONTAINED, LocalDate.of(2017, 1, 1), "Đã bắt đối tượng cầm đầu"));
        hotspots.changeStatus(
                Caller.SYSTEM,
                village,
                hotspot.id(),
                new Hotspot.StatusForm(Hotspot.Status.STABLE, LocalDate.of(2017, 6, 1), "Ghi nhầm địa bàn"));
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY))
                .extracting(Hotspot.Counts::complex, Hotspot.Counts::contained, Hotspot.Counts::stable)
                .containsExactly(0L, 0L, 1L);
        WebSession officer = signedIn(HotspotsFixture.HA_LONG_OFFICER);
        String page = "/order/units/" + village + "/hotspots/" + hotspot.id();
        assertThat(Jsoup.parse(officer.getPage(page).body()).select(".order-withdrawal-form"))
                .hasSize(1);
        long events = auditedWrites();

        HttpResponse<String> withdrawn = sendJson(
                officer,
                "DELETE",
                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id() + "/statuses/last",
                "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY))
                .extracting(Hotspot.Counts::complex, Hotspot.Counts::contained, Hotspot.Counts::stable)
                .containsExactly(0L, 1L, 0L);
        assertThat(auditedWrites()).isEqualTo(events + 1);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(officer));
        assertThat(officer.postForm(page + "/status/withdrawal", form).statusCode())
                .as("from the page")
                .isEqualTo(302);
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY).complex())
                .isEqualTo(1);
        assertThat(hotspots.history(Scope.WHOLE_COUNTRY, village, hotspot.id()))
                .singleElement()
                .extracting(Hotspot.StatusPeriod::to)
                .isNull();
        assertThat(Jsoup.parse(officer.getPage(page).body()).select(".order-withdrawal-form"))
                .as("no button for the first status")
                .isEmpty();

        long before = auditedWrites();
        HttpResponse<String> refused = sendJson(
                officer,
                "DELETE",
                "/api/v1/order/hotspots/units/" + village + "/" + hotspot.id() + "/statuses/last",
                "{}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"status\"");
        assertThat(hotspots.history(Scope.WHOLE_COUNTRY, village, hotspot.id())).hasSize(1);
        assertThat(hotspots.counts(Scope.WHOLE_COUNTRY, village, F18_DAY).complex())
                .isEqualTo(1);
        assertThat(auditedWrites()).isEqualTo(before);
    }
}
