package vn.tuquan.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import vn.tuquan.households.Commitments;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.Households;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Predecessor;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * A trend across the 2025 reform: Nam Định's communes through the official lists and the official mapping,
 * where Xã Hải Anh took in Xã Hải Minh and Xã Hải Đường whole, and — changed for the test — Xã Nam Phong
 * went in part into Phường Vị Khê and in part into Phường Thành Nam. Records of 2019 in the old communes,
 * through the services; the new Hải Anh's 2019 is their sum (counted here by hand), Vị Khê's is not
 * comparable, and a year in which a unit was what it is stays its own. The page and the API say so.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=statistics-reform")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsReformTests {

    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final String ADMIN = "thong-ke-sap-nhap";
    static final String PASSWORD = "mat-khau-sap-nhap-2026";

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Incidents incidents;

    @Autowired
    Households households;

    @Autowired
    Commitments commitments;

    @Autowired
    Statistics statistics;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    WebSession admin;

    long haiMinh;
    long haiAnh;
    long haiDuong;
    long namPhong;
    long viKhe;
    long thanhNam;

    @BeforeAll
    void namDinhThroughTheReform(@Autowired UserAccounts accounts) throws Exception {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        haiMinh = code("14233", LIST_DATE);
        haiAnh = code("14236", LIST_DATE);
        haiDuong = code("14260", LIST_DATE);
        namPhong = code("13696", LIST_DATE);
        viKhe = code("13972", LIST_DATE); // Xã Điền Xá then: Phường Vị Khê kept its code
        thanhNam = code("13699", LIST_DATE); // Phường Mỹ Xá then
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        forms.add(new SimpleEntry<>(haiMinh, area("HM1", "Xóm Hải Minh 1")));
        forms.add(new SimpleEntry<>(haiMinh, area("HM2", "Xóm Hải Minh 2")));
        forms.add(new SimpleEntry<>(haiAnh, area("HA1", "Xóm Hải Anh 1")));
        forms.add(new SimpleEntry<>(haiDuong, area("HD1", "Xóm Hải Đường 1")));
        forms.add(new SimpleEntry<>(namPhong, area("NP1", "Xóm Nam Phong 1")));
        List<Long> areas = localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE);
        long hm1 = areas.get(0);
        long hm2 = areas.get(1);
        long ha1 = areas.get(2);
        long np1 = areas.get(4);

        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/thanglequoc_v2.4.1_simplified.json")),
                LocalDate.of(2025, 3, 1),
                Optional.of("36"));
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/thanglequoc_v4.2.0_full.json")),
                REFORM,
                Optional.empty());
        // the official mapping, but Nam Phong split between Vị Khê and Thành Nam
        Path mapping = Files.createTempFile("mapping-2025-", ".csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv"))) {
            if (line.contains(",13696,Phường Nam Phong,")) {
                lines.add(line.replace("Nhập toàn bộ", "Nhập một phần"));
                lines.add(line.replace("13972,Phường Vị Khê,Nhập toàn bộ", "13699,Phường Thành Nam,Nhập một phần"));
            } else {
                lines.add(line);
            }
        }
        Files.write(mapping, lines);
        lists.importFiles(Caller.SYSTEM, List.of(mapping), REFORM, Optional.empty());
        Files.delete(mapping);

        // 2019 (31/10/2018–31/10/2019), in the old communes
        incident(hm1, "CRIME_THEFT", "LESS_SERIOUS", "2019-03-15T21:00:00+07:00");
        incident(hm1, "CRIME_THEFT", "SERIOUS", "2019-06-02T08:00:00+07:00");
        incident(hm2, "SOCIAL_EVIL_GAMBLING", null, "2019-04-10T22:00:00+07:00");
        incident(ha1, "CRIME_THEFT", "LESS_SERIOUS", "2019-07-20T10:00:00+07:00");
        incident(haiDuong, "SOCIAL_EVIL_GAMBLING", null, "2019-08-08T20:00:00+07:00"); // on the commune itself
        incident(np1, "CRIME_THEFT", "LESS_SERIOUS", "2019-05-05T10:00:00+07:00");
        // 2025 (1/11/2024–31/10/2025): in Hải Anh's area, now of the new Hải Anh
        incident(ha1, "CRIME_THEFT", "LESS_SERIOUS", "2025-09-01T10:00:00+07:00");
        List<Long> inHm1 = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            inHm1.add(households
                    .add(
                            Caller.SYSTEM,
                            hm1,
                            new HouseholdForm("SN-" + i, "Chủ Hộ " + i, "Xóm Hải Minh 1", 3, false),
                            LocalDate.of(2018, 1, 1))
                    .id());
        }
        long inHa1 = households
                .add(
                        Caller.SYSTEM,
                        ha1,
                        new HouseholdForm("SN-3", "Chủ Hộ 3", "Xóm Hải Anh 1", 4, false),
                        LocalDate.of(2018, 1, 1))
                .id();
        commitments.recordAll(Caller.SYSTEM, hm1, 2019, List.of(inHm1.get(0)), LocalDate.of(2019, 3, 1));
        commitments.recordAll(Caller.SYSTEM, ha1, 2019, List.of(inHa1), LocalDate.of(2019, 3, 1));

        TestUsers.administrator(accounts, ADMIN, "Quản trị sáp nhập", PASSWORD);
        admin = new WebSession(port);
        admin.signIn(ADMIN, PASSWORD);
    }

    long code(String code, LocalDate on) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, on).orElseThrow().id();
    }

    static LocalUnitForm area(String code, String name) {
        return new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", code, name, null);
    }

    void incident(long unit, String category, String severity, String at) {
        incidents.record(
                Caller.SYSTEM,
                new IncidentForm(
                        unit, category, severity, null, OffsetDateTime.parse(at), null, "PATROL", null, null, null));
    }

    Trend.Year year(Trend trend, int year) {
        return trend.years().stream()
                .filter(y -> y.year() == year)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no year " + year + " in " + trend));
    }

    @Test
    void aMergedCommunesYearBeforeTheReformIsTheSumOfTheCommunesThatWentWholeIntoIt() {
        Trend.Year y2019 = year(statistics.trendWithPredecessors(Caller.SYSTEM, haiAnh, 2019, 2025), 2019);
        assertThat(y2019.source()).isEqualTo(Trend.Source.PREDECESSORS);
        assertThat(y2019.from())
                .extracting(p -> p.unit().name() + " " + p.share())
                .containsExactlyInAnyOrder("Xã Hải Minh WHOLE", "Xã Hải Anh WHOLE", "Xã Hải Đường WHOLE");
        Figures f = y2019.figures();
        // counted by hand from what was recorded above
        assertThat(f.get(Indicator.CRIMES)).isEqualTo(3);
        assertThat(f.get(Indicator.CRIMES_SERIOUS)).isEqualTo(1);
        assertThat(f.get(Indicator.INCIDENTS)).isEqualTo(5);
        assertThat(f.get(Indicator.SOCIAL_EVILS)).isEqualTo(2);
        assertThat(f.get(Indicator.RESIDENTIAL_AREAS)).isEqualTo(4);
        assertThat(f.get(Indicator.AREAS_NO_CRIME)).isEqualTo(2); // HM2, HD1
        assertThat(f.get(Indicator.COMMUNES)).isEqualTo(3);
        assertThat(f.get(Indicator.COMMUNES_NO_CRIME)).isEqualTo(1); // Hải Đường
        assertThat(f.get(Indicator.HOUSEHOLDS)).isEqualTo(3);
        assertThat(f.get(Indicator.HOUSEHOLDS_REGISTERED)).isEqualTo(2);
        // and the sum of the old communes' own figures, indicator by indicator
        for (Indicator i : Indicator.values()) {
            long sum = statistics.figures(Caller.SYSTEM, haiMinh, 2019).get(i)
                    + statistics.figures(Caller.SYSTEM, haiAnh, 2019).get(i)
                    + statistics.figures(Caller.SYSTEM, haiDuong, 2019).get(i);
            assertThat(f.get(i)).as(i.code()).isEqualTo(sum);
        }
    }

    @Test
    void aYearInWhichTheUnitWasWhatItIsIsItsOwn() {
        Trend trend = statistics.trendWithPredecessors(Caller.SYSTEM, haiAnh, 2019, 2025);
        Trend.Year y2025 = year(trend, 2025);
        assertThat(y2025.source()).isEqualTo(Trend.Source.SELF);
        assertThat(y2025.from()).isEmpty();
        assertThat(y2025.figures().values())
                .isEqualTo(statistics.figures(Caller.SYSTEM, haiAnh, 2025).values());
        assertThat(y2025.figures().get(Indicator.CRIMES)).isEqualTo(1);
        assertThat(y2025.figures().get(Indicator.RESIDENTIAL_AREAS)).isEqualTo(4); // its areas went along
        // every year before the reform is added up, none left out
        assertThat(trend.years())
                .extracting(Trend.Year::year)
                .containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025);
        // an old commune's own years are unchanged, and it has none after it went into Hải Anh
        Trend old = statistics.trendWithPredecessors(Caller.SYSTEM, haiMinh, 2019, 2025);
        assertThat(old.years()).extracting(Trend.Year::year).containsExactly(2019, 2020, 2021, 2022, 2023, 2024);
        assertThat(old.years()).extracting(Trend.Year::source).containsOnly(Trend.Source.SELF);
        assertThat(year(old, 2019).figures().values())
                .isEqualTo(statistics
                        .trend(Caller.SYSTEM, haiMinh, 2019, 2019)
                        .get(2019)
                        .values());
        assertThat(year(old, 2019).figures().get(Indicator.CRIMES)).isEqualTo(2);
    }

    @Test
    void aYearBeforeASplitIsNotComparable() {
        for (long unit : List.of(viKhe, thanhNam)) {
            Trend.Year y2019 = year(statistics.trendWithPredecessors(Caller.SYSTEM, unit, 2019, 2025), 2019);
            assertThat(y2019.source()).isEqualTo(Trend.Source.NOT_COMPARABLE);
            assertThat(y2019.comparable()).isFalse();
            assertThat(y2019.figures()).isNull();
            assertThat(y2019.notComparableBecause())
                    .extracting(p -> p.unit().name(), Predecessor::share)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Xã Nam Phong", Predecessor.Share.PART));
            assertThat(year(statistics.trendWithPredecessors(Caller.SYSTEM, unit, 2019, 2025), 2025)
                            .source())
                    .isEqualTo(Trend.Source.SELF);
        }
        // the comparable years' figures leave it out
        assertThat(statistics
                        .trendWithPredecessors(Caller.SYSTEM, viKhe, 2019, 2025)
                        .figures())
                .doesNotContainKey(2019)
                .containsKey(2025);
    }

    Document page(String path) {
        HttpResponse<String> response = admin.getPage(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void thePageSaysWhereAYearsFiguresComeFrom() {
        Document page = page("/statistics?unit=" + haiAnh + "&year=2025");
        Element y2019 = page.select("#statistics-trend tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("2019"))
                .findFirst()
                .orElseThrow();
        assertThat(y2019.selectFirst(".statistics-trend-note").text())
                .startsWith("Số liệu cộng từ các đơn vị trước sáp nhập: ")
                .contains("Xã Hải Minh", "Xã Hải Anh", "Xã Hải Đường");
        Element crimes = y2019.selectFirst(".statistics-number[data-indicator=crimes]");
        assertThat(crimes.text()).isEqualTo("3");
        // no register's list counts a sum of old communes: the numbers and the year are not links
        assertThat(y2019.select("a")).isEmpty();
        Element y2025 = page.select("#statistics-trend tbody tr").last();
        assertThat(y2025.selectFirst("th a").text()).isEqualTo("2025");
        assertThat(y2025.select(".statistics-trend-note")).isEmpty();

        Document split = page("/statistics?unit=" + viKhe + "&year=2025");
        Element notComparable = split.select("#statistics-trend tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("2019"))
                .findFirst()
                .orElseThrow();
        assertThat(notComparable.selectFirst(".statistics-trend-note").text())
                .isEqualTo("Không so sánh được: Xã Nam Phong đã chia tách");
        assertThat(notComparable.select(".statistics-number")).isEmpty();
        assertThat(split.select(".statistics-bars li").first().text()).contains("không so sánh được");

        // the workbook carries the note
        List<List<String>> rows = Workbooks.rows(
                admin.getBytes(split.selectFirst("#statistics-trend-xlsx").attr("href")));
        List<String> row2019 = rows.stream()
                .filter(r -> !r.isEmpty() && r.get(0).equals("2019"))
                .findFirst()
                .orElseThrow();
        assertThat(row2019.get(row2019.size() - 1)).isEqualTo("Không so sánh được: Xã Nam Phong đã chia tách");
    }

    @Test
    void theApiCarriesThePredecessors() throws Exception {
        JsonNode trend = json.readTree(
                admin.get("/api/v1/statistics/units/" + haiAnh + "/trend?from=2019&to=2025&indicators=crimes")
                        .body());
        assertThat(trend.at("/years")).hasSize(7);
        JsonNode y2019 = trend.at("/years/0");
        assertThat(y2019.at("/year").asInt()).isEqualTo(2019);
        assertThat(y2019.at("/comparable").asBoolean()).isTrue();
        List<String> from = new ArrayList<>();
        y2019.at("/from").forEach(u -> from.add(u.at("/name").asText()));
        assertThat(from).containsExactlyInAnyOrder("Xã Hải Minh", "Xã Hải Anh", "Xã Hải Đường");
        assertThat(y2019.at("/from/0/id").asLong()).isPositive();
        assertThat(y2019.at("/indicators/0/value").asLong()).isEqualTo(3);
        assertThat(y2019.at("/indicators/0/records").isNull()).isTrue();
        JsonNode y2025 = trend.at("/years/6");
        assertThat(y2025.at("/from")).isEmpty();
        assertThat(y2025.at("/indicators/0/value").asLong()).isEqualTo(1);
        assertThat(y2025.at("/indicators/0/records").asText()).contains("unit=" + haiAnh);

        JsonNode split =
                json.readTree(admin.get("/api/v1/statistics/units/" + viKhe + "/trend?from=2019&to=2019&lang=en")
                        .body());
        assertThat(split.at("/years/0/comparable").asBoolean()).isFalse();
        assertThat(split.at("/years/0/indicators")).isEmpty();
        assertThat(split.at("/years/0/split/0/id").asLong()).isEqualTo(namPhong);
        assertThat(split.at("/years/0/note").asText())
                .startsWith("Not comparable: ")
                .contains("Nam Phong", "split");
    }
}
