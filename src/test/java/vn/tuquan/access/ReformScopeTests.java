package vn.tuquan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.TestUsers;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.audit.AuditAction;
import vn.tuquan.audit.AuditEntry;
import vn.tuquan.audit.AuditLog;
import vn.tuquan.audit.AuditRecord;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * What a commune officer reads through the 2025 reform, over HTTP and through the services, with
 * Nam Định's official lists and reform mapping. On 1 July 2025 eight wards of the city — among them
 * Phường Vị Xuyên (13636), Phường Trần Hưng Đạo (13666) and Phường Cửa Bắc (13669) — went whole into
 * Phường Nam Định, which kept Cửa Bắc's code 13669 (and so its unit); Phường Lộc Hạ (13684) went
 * into Phường Thiên Trường.
 *
 * <p>Decision (docs/security.md, V4): a scope unit stands for what it is today and, on any date,
 * for everything that then lay in what it became or in what that was made of. So an officer scoped
 * to Phường Vị Xuyên (merged away) and an officer scoped to Phường Nam Định (the new ward) read the
 * same: after the reform, Phường Nam Định; before it, the eight wards it was made of — and never
 * Phường Lộc Hạ, whose successor is another ward.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=reform-scope")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReformScopeTests {

    static final LocalDate LIST_2022 = LocalDate.of(2022, 10, 1);
    static final LocalDate FINAL_PRE_REFORM = LocalDate.of(2025, 3, 1);
    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final String PASSWORD = "mat-khau-sap-nhap-2026";
    static final String MERGED_AWAY = "canbo.vixuyen";
    static final String NEW_WARD = "canbo.phuongnamdinh";
    /** Readers of the audit log scoped to Phường Nam Định, to Phường Vị Xuyên, to Phường Thiên Trường, to the city (a district until the reform). */
    static final String AUDITOR_NEW_WARD = "kiemtra.phuongnamdinh";

    static final String AUDITOR_MERGED_AWAY = "kiemtra.vixuyen";
    static final String AUDITOR_THIEN_TRUONG = "kiemtra.thientruong";
    static final String AUDITOR_CITY = "kiemtra.thanhpho";
    static final String PROBES = "reform-probe";

    @LocalServerPort
    int port;

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Incidents incidents;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Callers callers;

    @Autowired
    AuditLog log;

    final JsonMapper json = JsonMapper.builder().build();

    long viXuyen;
    long tranHungDao;
    long locHa;
    long phuongNamDinh;
    long thienTruong;
    /** Thành phố Nam Định, a district abolished by the reform (with no successor), and the province, merged into Ninh Bình. */
    long city;

    long namDinh;
    /** Residential areas: of Vị Xuyên, of Cửa Bắc, of Trần Hưng Đạo (all now in Phường Nam Định), of Lộc Hạ. */
    long areaViXuyen;

    long areaCuaBac;
    long areaTranHungDao;
    long areaLocHa;
    /** Incidents of 2024 and of September 2025 on those areas, in the same order. */
    final List<Long> in2024 = new ArrayList<>();

    final List<Long> in2025 = new ArrayList<>();

    @BeforeAll
    void namDinhThroughTheReform() {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_2022,
                Optional.empty());
        viXuyen = code("13636", LIST_2022).id();
        tranHungDao = code("13666", LIST_2022).id();
        locHa = code("13684", LIST_2022).id();
        long cuaBac = code("13669", LIST_2022).id();
        List<Long> areas = localUnits.createAll(
                Caller.SYSTEM,
                List.of(
                        area(viXuyen, "Tổ dân phố Hàng Sắt"),
                        area(cuaBac, "Tổ dân phố Cửa Bắc"),
                        area(tranHungDao, "Tổ dân phố Hàng Đồng"),
                        area(locHa, "Tổ dân phố Lộc Hạ Ba")),
                LIST_2022);
        areaViXuyen = areas.get(0);
        areaCuaBac = areas.get(1);
        areaTranHungDao = areas.get(2);
        areaLocHa = areas.get(3);
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/thanglequoc_v2.4.1_simplified.json")),
                FINAL_PRE_REFORM,
                Optional.of("36"));
        // entries of the audit log made before the reform's lists were imported, today (after 1 July 2025):
        // placed by the tree as it was known then, placed again when the reform is imported
        city = units.find(Scope.WHOLE_COUNTRY, viXuyen, FINAL_PRE_REFORM)
                .orElseThrow()
                .parentId();
        namDinh = code("36", FINAL_PRE_REFORM).id();
        Map.of(
                        "before:vi-xuyen",
                        viXuyen,
                        "before:tran-hung-dao",
                        tranHungDao,
                        "before:cua-bac",
                        cuaBac,
                        "before:loc-ha",
                        locHa,
                        "before:area-vi-xuyen",
                        areaViXuyen,
                        "before:area-loc-ha",
                        areaLocHa,
                        "before:city",
                        city,
                        "before:nam-dinh",
                        namDinh)
                .forEach(this::probe);
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/thanglequoc_v4.2.0_full.json")),
                REFORM,
                Optional.empty());
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("post2025/nam_dinh_36_old_to_new_mapping.csv")),
                REFORM,
                Optional.empty());
        phuongNamDinh = code("13669", REFORM).id();
        thienTruong = code("13684", REFORM).id();
        Map.of(
                        "after:phuong-nam-dinh",
                        phuongNamDinh,
                        "after:thien-truong",
                        thienTruong,
                        "after:vi-xuyen",
                        viXuyen,
                        "after:area-vi-xuyen",
                        areaViXuyen,
                        "after:city",
                        city)
                .forEach(this::probe);
        for (var reader : Map.of(
                        AUDITOR_NEW_WARD,
                        phuongNamDinh,
                        AUDITOR_MERGED_AWAY,
                        viXuyen,
                        AUDITOR_THIEN_TRUONG,
                        thienTruong,
                        AUDITOR_CITY,
                        city)
                .entrySet()) {
            Scope scope = Scope.of(Set.of(reader.getValue()));
            TestUsers.withRoles(
                    accounts,
                    reader.getKey(),
                    "Kiểm Tra " + reader.getKey(),
                    PASSWORD,
                    Set.of("PROVINCIAL_OFFICER"),
                    scope,
                    scope); // the provincial officer's role reads the audit log
        }
        for (long area : areas) {
            in2024.add(incident(area, "2024-05-10T09:00:00+07:00"));
            in2025.add(incident(area, "2025-09-10T09:00:00+07:00"));
        }
        TestUsers.withRoles(
                accounts,
                MERGED_AWAY,
                "Cán Bộ Vị Xuyên",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(viXuyen)),
                Scope.of(Set.of(viXuyen)));
        TestUsers.withRoles(
                accounts,
                NEW_WARD,
                "Cán Bộ Phường Nam Định",
                PASSWORD,
                Set.of("COMMUNE_OFFICER"),
                Scope.of(Set.of(phuongNamDinh)),
                Scope.of(Set.of(phuongNamDinh)));
    }

    @Test
    void theDataIsWhatTheReformSays() {
        assertThat(code("13636", FINAL_PRE_REFORM).name()).isEqualTo("Phường Vị Xuyên");
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "13636", REFORM)).isEmpty();
        assertThat(phuongNamDinh)
                .as("the new ward kept Cửa Bắc's code, and so its unit")
                .isEqualTo(code("13669", LIST_2022).id());
        assertThat(units.find(Scope.WHOLE_COUNTRY, phuongNamDinh, REFORM)
                        .orElseThrow()
                        .name())
                .isEqualTo("Phường Nam Định");
        assertThat(units.find(Scope.WHOLE_COUNTRY, thienTruong, REFORM)
                        .orElseThrow()
                        .name())
                .isEqualTo("Phường Thiên Trường");
        assertThat(units.predecessors(Scope.WHOLE_COUNTRY, phuongNamDinh))
                .extracting(s -> s.predecessorCode())
                .contains("13636", "13666")
                .doesNotContain("13684")
                .hasSize(7);
        assertThat(units.find(Scope.WHOLE_COUNTRY, areaTranHungDao, REFORM)
                        .orElseThrow()
                        .parentId())
                .as("a ward that went whole takes its residential areas along")
                .isEqualTo(phuongNamDinh);
        assertThat(units.find(Scope.WHOLE_COUNTRY, areaLocHa, REFORM)
                        .orElseThrow()
                        .parentId())
                .isEqualTo(thienTruong);
    }

    @Test
    void bothOfficersReadTheNewWardAfterTheReformAndNothingElse() {
        for (String officer : List.of(MERGED_AWAY, NEW_WARD)) {
            WebSession web = signIn(officer);
            for (String asOf :
                    List.of(REFORM.toString(), vn.tuquan.shared.Dates.today().toString())) {
                assertThat(ids(json(web, "/api/v1/units?asOf=" + asOf)))
                        .as(officer + " " + asOf)
                        .containsExactly(phuongNamDinh);
                for (long unit : List.of(phuongNamDinh, areaViXuyen, areaCuaBac, areaTranHungDao)) {
                    assertThat(web.get("/api/v1/units/" + unit + "?asOf=" + asOf)
                                    .statusCode())
                            .as(officer + " " + unit)
                            .isEqualTo(200);
                }
                for (long unit : List.of(thienTruong, areaLocHa)) {
                    assertThat(web.get("/api/v1/units/" + unit + "?asOf=" + asOf)
                                    .statusCode())
                            .as(officer + " " + unit)
                            .isEqualTo(403);
                }
                assertThat(names(json(web, "/api/v1/units/search?q=to%20dan%20pho&asOf=" + asOf)))
                        .as(officer + ": search")
                        .containsExactlyInAnyOrder("Tổ dân phố Hàng Sắt", "Tổ dân phố Cửa Bắc", "Tổ dân phố Hàng Đồng");
            }
            assertThat(web.getPage("/units/" + areaTranHungDao).statusCode()).isEqualTo(200);
            assertThat(web.getPage("/units/" + areaLocHa).statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(web.getPage("/units?q=phuong").body())
                            .select("#search-results a")
                            .eachText())
                    .as(officer + ": the units page's search")
                    .anyMatch(t -> t.contains("Phường Nam Định"))
                    .noneMatch(t -> t.contains("Thiên Trường"));
            // the incidents of today's ward, whenever they happened; none of Lộc Hạ's
            assertThat(incidentIds(json(web, "/api/v1/order/incidents")))
                    .as(officer)
                    .containsExactlyInAnyOrder(
                            in2024.get(0), in2024.get(1), in2024.get(2), in2025.get(0), in2025.get(1), in2025.get(2));
            assertThat(web.get("/api/v1/order/incidents?unit=" + thienTruong).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void bothOfficersReadEveryWardTheNewOneWasMadeOfBeforeTheReformAndNeverAnother() {
        for (String officer : List.of(MERGED_AWAY, NEW_WARD)) {
            WebSession web = signIn(officer);
            for (LocalDate date : List.of(LIST_2022, FINAL_PRE_REFORM, BEFORE)) {
                String asOf = "?asOf=" + date;
                List<Long> roots = ids(json(web, "/api/v1/units" + asOf));
                assertThat(roots)
                        .as(officer + " " + date + ": the wards Phường Nam Định was made of")
                        .hasSize(8)
                        .contains(viXuyen, tranHungDao, phuongNamDinh)
                        .doesNotContain(locHa);
                for (long unit :
                        List.of(viXuyen, tranHungDao, phuongNamDinh, areaViXuyen, areaCuaBac, areaTranHungDao)) {
                    assertThat(web.get("/api/v1/units/" + unit + asOf).statusCode())
                            .as(officer + " " + date + " " + unit)
                            .isEqualTo(200);
                }
                for (long unit : List.of(locHa, areaLocHa)) {
                    assertThat(web.get("/api/v1/units/" + unit + asOf).statusCode())
                            .as(officer + " " + date + " " + unit)
                            .isEqualTo(403);
                }
                assertThat(names(json(web, "/api/v1/units/search?q=to%20dan%20pho&asOf=" + date)))
                        .as(officer + " " + date + ": search")
                        .containsExactlyInAnyOrder("Tổ dân phố Hàng Sắt", "Tổ dân phố Cửa Bắc", "Tổ dân phố Hàng Đồng");
                assertThat(names(json(web, "/api/v1/units/search?q=loc%20ha&asOf=" + date)))
                        .as(officer)
                        .isEmpty();
                assertThat(json(web, "/api/v1/units/" + tranHungDao + "/children" + asOf)
                                .findValues("id"))
                        .extracting(JsonNode::asLong)
                        .contains(areaTranHungDao);
            }
            assertThat(web.getPage("/units/" + tranHungDao + "?asOf=" + FINAL_PRE_REFORM)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(web.getPage("/units/" + locHa + "?asOf=" + FINAL_PRE_REFORM)
                            .statusCode())
                    .isEqualTo(403);
            // the 2024 period is read on the tree of 2024: the three wards' incidents, not Lộc Hạ's
            assertThat(incidentIds(json(web, "/api/v1/order/incidents?year=2024")))
                    .as(officer + ": the 2024 period")
                    .containsExactlyInAnyOrder(in2024.get(0), in2024.get(1), in2024.get(2));
            assertThat(web.get("/api/v1/order/incidents?year=2024&unit=" + locHa)
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void theServicesAnswerTheSameAndSoDoesTheManagerOfTheNewProvince() {
        for (String officer : List.of(MERGED_AWAY, NEW_WARD)) {
            Caller caller = callers.forUsername(officer).orElseThrow();
            assertThat(units.roots(caller.view(), BEFORE))
                    .extracting(UnitView::id)
                    .hasSize(8)
                    .contains(viXuyen, tranHungDao);
            assertThat(units.roots(caller.view(), REFORM))
                    .extracting(UnitView::id)
                    .containsExactly(phuongNamDinh);
            assertThat(units.find(caller.view(), areaTranHungDao, BEFORE)).isPresent();
            assertThat(units.contains(caller.capture(), areaTranHungDao, REFORM))
                    .as("capture follows too")
                    .isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> units.find(caller.view(), areaLocHa, BEFORE))
                    .isInstanceOf(AccessRefusedException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> units.find(caller.view(), thienTruong, REFORM))
                    .isInstanceOf(AccessRefusedException.class);
        }
        // the officer of the merged ward lies inside Ninh Bình now: its provincial officer may manage them, Hà Nội's
        // not
        long ninhBinh = code("37", REFORM).id();
        long haNoi = code("01", REFORM).id();
        TestUsers.withRoles(
                accounts,
                "canbo.ninhbinh",
                "Cán Bộ Ninh Bình",
                PASSWORD,
                Set.of("PROVINCIAL_OFFICER"),
                Scope.of(Set.of(ninhBinh)),
                Scope.of(Set.of(ninhBinh)));
        TestUsers.withRoles(
                accounts,
                "canbo.hanoi",
                "Cán Bộ Hà Nội",
                PASSWORD,
                Set.of("PROVINCIAL_OFFICER"),
                Scope.of(Set.of(haNoi)),
                Scope.of(Set.of(haNoi)));
        var officer = accounts.findByUsername(MERGED_AWAY).orElseThrow().id();
        Scope scope = Scope.of(Set.of(viXuyen));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.assign(
                        callers.forUsername("canbo.hanoi").orElseThrow(),
                        officer,
                        Set.of("COMMUNE_OFFICER"),
                        scope,
                        scope))
                .isInstanceOf(AccessRefusedException.class);
        accounts.assign(
                callers.forUsername("canbo.ninhbinh").orElseThrow(), officer, Set.of("COMMUNE_OFFICER"), scope, scope);
        assertThat(accounts.visibleTo(callers.forUsername("canbo.ninhbinh").orElseThrow()))
                .extracting(p -> p.account().username())
                .contains(MERGED_AWAY, NEW_WARD);
    }

    /**
     * What a scope covers over time, as one list of paths with their days ({@link Units#periods}, which
     * the audit log's search reads in SQL), is on every day what the scope covers that day.
     */
    @Test
    void aScopesPeriodsCoverOnEachDayWhatTheScopeCoversThatDay() {
        LocalDate today = vn.tuquan.shared.Dates.today();
        List<LocalDate> days =
                new ArrayList<>(List.of(LocalDate.of(2000, 1, 1), today, today.plusDays(1), today.plusYears(5)));
        for (LocalDate change : List.of(LIST_2022, FINAL_PRE_REFORM, REFORM)) {
            days.addAll(List.of(change.minusDays(1), change, change.plusDays(1)));
        }
        int compared = 0;
        for (long unit : List.of(
                viXuyen,
                phuongNamDinh,
                locHa,
                thienTruong,
                city,
                namDinh,
                code("37", REFORM).id(),
                areaViXuyen)) {
            Scope scope = Scope.of(Set.of(unit));
            List<vn.tuquan.units.ScopePeriod> periods = units.periods(scope);
            for (LocalDate day : days) {
                Set<String> covered = new java.util.TreeSet<>();
                periods.stream().filter(p -> p.covers(p.path(), day)).forEach(p -> covered.add(p.path()));
                Set<String> roots = new java.util.TreeSet<>();
                units.roots(scope, day).forEach(r -> roots.add(r.path()));
                assertThat(covered).as("scope of unit " + unit + " on " + day).isEqualTo(roots);
                compared += roots.size();
            }
        }
        assertThat(compared).as("paths compared").isGreaterThan(50);
        assertThat(units.periods(Scope.WHOLE_COUNTRY)).isNull();
    }

    /**
     * The audit log through the reform: the reader of Phường Nam Định — and the reader of Phường Vị Xuyên,
     * merged into it — reads the entries about the wards it was made of and their residential areas,
     * whenever they were made, and never Lộc Hạ's, which went into Phường Thiên Trường; the reader of
     * the city (abolished without successor) reads the entries about what lay in it while it existed.
     * The entries made before the reform's lists were imported (today, on the tree as then known) are
     * placed again by the import. Each reader gets exactly what the scope's rule (ScopePaths) gives for
     * the place of each entry's unit on the entry's day, through the service and on /audit.
     */
    @Test
    void auditReadersThroughTheReformReadWhatTheirScopeCoveredWhereTheEntrysUnitWasOnItsDay() {
        Map<String, Set<String>> expected = Map.of(
                AUDITOR_NEW_WARD,
                        Set.of(
                                "before:vi-xuyen",
                                "before:tran-hung-dao",
                                "before:cua-bac",
                                "before:area-vi-xuyen",
                                "after:phuong-nam-dinh",
                                "after:vi-xuyen",
                                "after:area-vi-xuyen"),
                AUDITOR_MERGED_AWAY,
                        Set.of(
                                "before:vi-xuyen",
                                "before:tran-hung-dao",
                                "before:cua-bac",
                                "before:area-vi-xuyen",
                                "after:phuong-nam-dinh",
                                "after:vi-xuyen",
                                "after:area-vi-xuyen"),
                AUDITOR_THIEN_TRUONG, Set.of("before:loc-ha", "before:area-loc-ha", "after:thien-truong"),
                // Lộc Hạ kept its code, and so its unit, as Phường Thiên Trường: today it lies in no district
                AUDITOR_CITY,
                        Set.of(
                                "before:vi-xuyen",
                                "before:tran-hung-dao",
                                "before:city",
                                "after:vi-xuyen",
                                "after:city"));
        AuditLog.Search probes = new AuditLog.Search(null, null, PROBES, null, null);
        List<AuditRecord> every = log.search(Caller.SYSTEM, probes, 0).entries();
        assertThat(every).hasSize(13);
        for (var reader : expected.entrySet()) {
            Caller caller = callers.forUsername(reader.getKey()).orElseThrow();
            List<String> found = log.search(caller, probes, 0).entries().stream()
                    .map(AuditRecord::entityId)
                    .toList();
            assertThat(found).as(reader.getKey()).containsExactlyInAnyOrderElementsOf(reader.getValue());
            // the rule itself: where the unit was on the entry's day, in what the scope covered that day
            List<String> byTheRule = every.stream()
                    .filter(e -> inScopeByTheRule(caller.view(), e))
                    .map(AuditRecord::entityId)
                    .toList();
            assertThat(found).as(reader.getKey() + ", by the rule").containsExactlyInAnyOrderElementsOf(byTheRule);
            WebSession web = signIn(reader.getKey());
            assertThat(Jsoup.parse(web.getPage("/audit?module=" + PROBES).body())
                            .select("#audit-entries tbody tr td:nth-child(6) span.text-body-secondary")
                            .eachText())
                    .as(reader.getKey() + " on the page")
                    .containsExactlyInAnyOrderElementsOf(reader.getValue());
        }
    }

    /**
     * Searching by unit: a unit that lay in the reader's scope on some day may be asked for (the answer
     * holds what of it is theirs), one that never did is refused. The city's reader may ask for Phường
     * Trần Hưng Đạo (closed by the reform, in the city until then) and for Phường Nam Định (which, as
     * Cửa Bắc, lay in the city before the reform — today's entries about it are not theirs); not for the
     * province of Ninh Bình, which never lay in the city.
     */
    @Test
    void auditReadersMayAskForAUnitThatLayInTheirScopeOnSomeDay() {
        Caller cityReader = callers.forUsername(AUDITOR_CITY).orElseThrow();
        assertThat(log.search(cityReader, new AuditLog.Search(null, tranHungDao, PROBES, null, null), 0)
                        .entries())
                .extracting(AuditRecord::entityId)
                .containsExactly("before:tran-hung-dao");
        assertThat(log.search(cityReader, new AuditLog.Search(null, phuongNamDinh, PROBES, null, null), 0)
                        .entries())
                .as("in the city as Cửa Bắc until the reform; its entries since are Phường Nam Định's")
                .isEmpty();
        long ninhBinh = code("37", REFORM).id();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> log.search(cityReader, new AuditLog.Search(null, ninhBinh, PROBES, null, null), 0))
                .isInstanceOf(AccessRefusedException.class);
        WebSession web = signIn(AUDITOR_CITY);
        assertThat(web.getPage("/audit?unitId=" + phuongNamDinh).statusCode()).isEqualTo(200);
        assertThat(web.getPage("/audit?unitId=" + ninhBinh).statusCode()).isEqualTo(403);
    }

    /** Where the entry's unit was on the entry's day (or as it last was, or first was), in the scope on that day. */
    private boolean inScopeByTheRule(Scope scope, AuditRecord entry) {
        LocalDate day = LocalDate.ofInstant(entry.occurredAt(), vn.tuquan.shared.Dates.VIETNAM);
        List<UnitView> history = units.history(Scope.WHOLE_COUNTRY, entry.unitId());
        UnitView version = history.stream()
                .filter(v -> v.validOn(day))
                .findFirst()
                .or(() -> history.stream()
                        .filter(v -> !v.validFrom().isAfter(day))
                        .reduce((a, b) -> b))
                .orElse(history.get(0));
        LocalDate on = version.validOn(day)
                ? day
                : version.validFrom().isAfter(day)
                        ? version.validFrom()
                        : version.validTo().minusDays(1);
        return units.roots(scope, on).stream().anyMatch(r -> version.path().startsWith(r.path()));
    }

    private void probe(String entity, long unit) {
        log.recordFor(null, new AuditEntry(AuditAction.UPDATED, PROBES, "probe", entity, unit, null, null));
    }

    private WebSession signIn(String username) {
        WebSession web = new WebSession(port);
        assertThat(web.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
        return web;
    }

    private JsonNode json(WebSession web, String path) {
        HttpResponse<String> response = web.get(path, "Accept", "application/json");
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<Long> ids(JsonNode units) {
        List<Long> ids = new ArrayList<>();
        units.forEach(u -> ids.add(u.get("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode hits) {
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(h.get("unit").get("name").asString()));
        return names;
    }

    private static List<Long> incidentIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("incidents").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private UnitView code(String code, LocalDate asOf) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, asOf).orElseThrow();
    }

    private static Map.Entry<Long, LocalUnitForm> area(long ward, String name) {
        return Map.entry(ward, new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "TO_DAN_PHO", null, name, null));
    }

    private long incident(long area, String at) {
        return incidents
                .record(
                        Caller.SYSTEM,
                        new IncidentForm(
                                area,
                                "CRIME_THEFT",
                                "LESS_SERIOUS",
                                null,
                                OffsetDateTime.parse(at),
                                null,
                                "PATROL",
                                null,
                                null,
                                "Trộm cắp ở " + area))
                .id();
    }
}
