package vn.tuquan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.evaluation.Classifications;
import vn.tuquan.evaluation.Evaluation;
import vn.tuquan.evaluation.EvaluationRuns;
import vn.tuquan.evaluation.Evaluations;
import vn.tuquan.evaluation.RecognisingUnits;
import vn.tuquan.evaluation.StoredClassification;
import vn.tuquan.evaluation.SubmittingSelfAssessments;
import vn.tuquan.households.CommitmentForm;
import vn.tuquan.households.Commitments;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdForm;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.Households;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.Conferences;
import vn.tuquan.movement.Models;
import vn.tuquan.movement.MovementCounts;
import vn.tuquan.movement.MovementModel;
import vn.tuquan.movement.Title;
import vn.tuquan.movement.Titles;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Campaigns;
import vn.tuquan.order.DrugUser;
import vn.tuquan.order.DrugUsers;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.Hotspots;
import vn.tuquan.order.Incident;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.Incidents;
import vn.tuquan.order.Mediation;
import vn.tuquan.order.Mediations;
import vn.tuquan.order.PersonDetails;
import vn.tuquan.order.ReEducation;
import vn.tuquan.order.ReEducations;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.statistics.internal.BackgroundFill;
import vn.tuquan.statistics.internal.ScheduledRecount;
import vn.tuquan.statistics.internal.Summaries;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The statistics' summaries against the registers: a hand-built commune's indicators equal their
 * count by hand; a write is visible in the next read; and after each of a few hundred random writes
 * through the services — every write path the summaries follow — the stored rows equal a recount.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=statistics")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTests {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Households households;

    @Autowired
    Commitments commitments;

    @Autowired
    HouseholdImports householdImports;

    @Autowired
    Incidents incidents;

    @Autowired
    DrugUsers drugUsers;

    @Autowired
    Mediations mediations;

    @Autowired
    ReEducations reEducations;

    @Autowired
    Statistics statistics;

    @Autowired
    BackgroundFill backgroundFill;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Models models;

    @Autowired
    Titles titles;

    @Autowired
    Conferences conferences;

    @Autowired
    SubmittingSelfAssessments selfAssessments;

    @Autowired
    RecognisingUnits recognising;

    @Autowired
    Summaries summaries;

    @Autowired
    Hotspots hotspots;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Classifications classifications;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    OrganisationCommitments organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScheduledRecount recount;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    long province;
    long haiMinh;
    long quatLam;
    long namMy;
    /** Hải Minh's six areas for the hand-counted test (nobody else writes there). */
    List<Long> counted = new ArrayList<>();
    /** The areas of Nam Mỹ and Hải Bắc the random writes use. */
    List<Long> random = new ArrayList<>();
    /** The areas the random writes created (and may move or close). */
    List<Long> created = new ArrayList<>();

    @BeforeAll
    void units() {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        province = code("36");
        haiMinh = code("14233");
        namMy = code("13969");
        quatLam = code("14152");
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            forms.add(new SimpleEntry<>(haiMinh, area("HM" + i, "Xóm " + i)));
        }
        counted.addAll(localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE));
        List<Map.Entry<Long, LocalUnitForm>> more = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            more.add(new SimpleEntry<>(i <= 2 ? namMy : quatLam, area("R" + i, "Thôn " + i)));
        }
        random.addAll(localUnits.createAll(Caller.SYSTEM, more, LIST_DATE));
    }

    long code(String code) {
        return units.findByCode(Scope.WHOLE_COUNTRY, code, LIST_DATE)
                .orElseThrow()
                .id();
    }

    static LocalUnitForm area(String code, String name) {
        return new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", code, name, null);
    }

    String category(String kind) {
        return jdbc.sql("SELECT min(code) FROM incident_category WHERE kind = :kind")
                .param("kind", kind)
                .query(String.class)
                .single();
    }

    Incident incident(long unit, String kind, String severity, OffsetDateTime at) {
        return incidents.record(
                Caller.SYSTEM,
                new IncidentForm(unit, category(kind), severity, null, at, at, "PATROL", null, null, null));
    }

    static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 10, 0, 0, 0, VN);
    }

    /** What a commune's police officer of Hải Minh has: reports, in Hải Minh only. */
    Caller officerOf(long commune) {
        return new Caller(
                7, "cong.an", Set.of(Permission.REPORTS_READ), Scope.of(Set.of(commune)), Scope.of(Set.of(commune)));
    }

    @Test
    void aHandBuiltCommunesIndicatorsEqualTheirCountByHand() {
        // 2017 (TT 23): 31/10/2016 – 31/10/2017. Area 0: 3 households, all registered, 2 signed, one crime;
        // area 1: 2 households, 1 registered; a drug user detected in area 1; areas 2–5 nothing but households.
        long a0 = counted.get(0);
        long a1 = counted.get(1);
        List<Household> in0 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            in0.add(households.add(
                    Caller.SYSTEM, a0, new HouseholdForm("A0-" + i, "Chủ hộ " + i, null, 4, false), LIST_DATE));
        }
        Household h10 =
                households.add(Caller.SYSTEM, a1, new HouseholdForm("A1-0", "Chủ hộ", null, 3, false), LIST_DATE);
        households.add(Caller.SYSTEM, a1, new HouseholdForm("A1-1", "Chủ hộ", null, 3, false), LIST_DATE);
        for (int i = 2; i <= 5; i++) {
            Household h = households.add(
                    Caller.SYSTEM, counted.get(i), new HouseholdForm("A" + i, "Chủ hộ", null, 2, false), LIST_DATE);
            commitments.record(Caller.SYSTEM, h.id(), 2017, CommitmentForm.full(LocalDate.of(2017, 2, 1)));
        }
        LocalDate registered = LocalDate.of(2017, 2, 1);
        commitments.record(Caller.SYSTEM, in0.get(0).id(), 2017, CommitmentForm.full(registered));
        commitments.record(Caller.SYSTEM, in0.get(1).id(), 2017, CommitmentForm.full(registered));
        commitments.record(
                Caller.SYSTEM, in0.get(2).id(), 2017, new CommitmentForm(registered, false, true, true, true));
        commitments.record(Caller.SYSTEM, h10.id(), 2017, CommitmentForm.full(registered));
        incident(a0, "CRIME", "SERIOUS", at(2017, 3, 4));
        incident(a0, "SOCIAL_EVIL", null, at(2017, 5, 6));
        // outside the period: 1 November 2017 belongs to 2018
        incident(a1, "CRIME", "LESS_SERIOUS", OffsetDateTime.of(2017, 11, 1, 0, 0, 0, 0, VN));
        drugUsers.record(
                Caller.SYSTEM,
                a1,
                new DrugUser.Form(new PersonDetails("Người Thử", null, null, null), LocalDate.of(2017, 6, 1)));
        mediations.record(
                Caller.SYSTEM,
                a0,
                new Mediation.Form(
                        LocalDate.of(2017, 7, 1), "Hai hộ", "Tranh chấp", Mediation.Outcome.RECONCILED, "Tổ hòa giải"));

        Figures f = statistics.figures(Caller.SYSTEM, haiMinh, 2017);
        assertThat(f.get(Indicator.RESIDENTIAL_AREAS)).isEqualTo(6);
        assertThat(f.get(Indicator.HOUSEHOLDS)).isEqualTo(3 + 2 + 4);
        assertThat(f.get(Indicator.HOUSEHOLDS_REGISTERED)).isEqualTo(3 + 1 + 4);
        assertThat(f.get(Indicator.HOUSEHOLDS_SIGNED)).isEqualTo(2 + 1 + 4);
        assertThat(f.get(Indicator.AREAS_ALL_REGISTERED))
                .as("area 0 and areas 2–5")
                .isEqualTo(5);
        assertThat(f.get(Indicator.INCIDENTS)).isEqualTo(2);
        assertThat(f.get(Indicator.CRIMES)).isEqualTo(1);
        assertThat(f.get(Indicator.CRIMES_SERIOUS)).isEqualTo(1);
        assertThat(f.get(Indicator.SOCIAL_EVILS)).isEqualTo(1);
        assertThat(f.get(Indicator.AREAS_NO_CRIME)).isEqualTo(5);
        assertThat(f.get(Indicator.AREAS_NO_DRUG_USER)).isEqualTo(5);
        assertThat(f.get(Indicator.DRUG_USERS_NEW)).isEqualTo(1);
        assertThat(f.get(Indicator.DRUG_USERS_PRESENT)).isEqualTo(1);
        assertThat(f.get(Indicator.MEDIATIONS)).isEqualTo(1);
        assertThat(f.get(Indicator.MEDIATIONS_RECONCILED)).isEqualTo(1);
        assertThat(f.get(Indicator.COMMUNES)).isEqualTo(1);
        assertThat(f.get(Indicator.COMMUNES_NO_CRIME)).isZero();
        assertThat(statistics.countedUnits(Caller.SYSTEM, haiMinh, 2017, Indicator.AREAS_NO_CRIME))
                .extracting(UnitView::id)
                .containsExactlyElementsOf(counted.subList(1, 6));

        Figures next = statistics.figures(Caller.SYSTEM, haiMinh, 2018);
        assertThat(next.get(Indicator.CRIMES))
                .as("the crime at 00:00 on 1/11/2017")
                .isEqualTo(1);
        assertThat(next.get(Indicator.HOUSEHOLDS_REGISTERED))
                .as("no 2018 commitment")
                .isZero();
        assertThat(next.get(Indicator.DRUG_USERS_PRESENT)).as("still present").isEqualTo(1);
        assertThat(next.get(Indicator.DRUG_USERS_NEW)).isZero();

        // the district and the province add up their communes: Hải Minh is one of them
        Statistics.Breakdown district = statistics.children(
                Caller.SYSTEM,
                units.find(Scope.WHOLE_COUNTRY, haiMinh, LIST_DATE)
                        .orElseThrow()
                        .parentId(),
                2017);
        ChildFigures row = district.children().stream()
                .filter(c -> c.unit().id() == haiMinh)
                .findFirst()
                .orElseThrow();
        assertThat(row.figures().values()).isEqualTo(f.values());
        long communesNoCrime = district.children().stream()
                .filter(c -> c.unit().kind() == UnitKind.COMMUNE)
                .filter(c -> c.figures().get(Indicator.CRIMES) == 0)
                .count();
        assertThat(district.total().get(Indicator.COMMUNES_NO_CRIME)).isEqualTo(communesNoCrime);
        assertThat(district.total().get(Indicator.COMMUNES))
                .isEqualTo(district.children().stream()
                        .filter(c -> c.unit().kind() == UnitKind.COMMUNE)
                        .count());
        assertThat(summaries.verify(province, false).drifts()).isEmpty();
    }

    @Test
    void concurrentWritersOfOneCommuneLoseNothingOfTheRowsNorOfItsRollUp() throws Exception {
        long commune = units.find(Scope.WHOLE_COUNTRY, random.get(0), Statistics.treeOn(2021))
                .orElseThrow()
                .parentId();
        List<Long> areas = units.findAll(Scope.WHOLE_COUNTRY, random, Statistics.treeOn(2021)).stream()
                .filter(u -> u.parentId() == commune)
                .map(UnitView::id)
                .limit(4)
                .toList();
        assertThat(areas).hasSizeGreaterThanOrEqualTo(2);
        long before = statistics.figures(Caller.SYSTEM, commune, 2021).get(Indicator.INCIDENTS);
        long householdsBefore = statistics.figures(Caller.SYSTEM, commune, 2021).get(Indicator.HOUSEHOLDS);
        int writers = 8;
        int each = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        long area = areas.get((writer + i) % areas.size());
                        if (i % 3 == 2) {
                            households.add(
                                    Caller.SYSTEM,
                                    area,
                                    new HouseholdForm("CC-" + writer + "-" + i, "Chủ hộ", null, 2, false),
                                    LocalDate.of(2021, 3, 1));
                        } else {
                            incident(area, "CRIME", "LESS_SERIOUS", at(2021, 5, 1 + i));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get(); // a writer that failed (a duplicate roll-up, a deadlock) fails the test
            }
        } finally {
            pool.shutdownNow();
        }
        Figures after = statistics.figures(Caller.SYSTEM, commune, 2021);
        assertThat(after.get(Indicator.INCIDENTS)).isEqualTo(before + writers * 4);
        assertThat(after.get(Indicator.HOUSEHOLDS)).isEqualTo(householdsBefore + writers * 2);
        assertThat(summaries.verify(commune, false).drifts()).isEmpty();
    }

    @Test
    void aServerFillsTheLatestYearsInTheBackgroundThePeriodInForceFirst() {
        summaries.forgetAll();
        int current = Statistics.currentYear();
        assertThat(backgroundFill.fillLatestYears(3)).containsExactly(current, current - 1, current - 2);
        assertThat(summaries.filledYears()).containsExactly(current - 2, current - 1, current);
        assertThat(summaries.verify(province, false).drifts()).isEmpty();
    }

    @Test
    void theScheduledRecountReportsADriftedRowAsAMetricAndTheRepairReplacesIt() throws Exception {
        long area = counted.get(4);
        statistics.figures(Caller.SYSTEM, area, 2020);
        assertThat(recount.recount()).isZero();
        assertThat(meters.get("tuquan.statistics.drifted.rows").gauge().value()).isZero();
        // a row changed behind the statistics' back (a restore of another day's table, a bug): the recount names it
        jdbc.sql("UPDATE statistics_unit_year SET crimes = crimes + 5 WHERE year = 2020 AND unit_id = :unit")
                .param("unit", area)
                .update();
        assertThat(statistics.figures(Caller.SYSTEM, area, 2020).get(Indicator.CRIMES))
                .isEqualTo(5);
        assertThat(recount.recount()).isEqualTo(1);
        assertThat(meters.get("tuquan.statistics.drifted.rows").gauge().value()).isEqualTo(1);
        assertThat(meters.get("tuquan.statistics.recount.last").gauge().value()).isPositive();
        Summaries.Verification found = summaries.verify(area, false);
        assertThat(found.drifts()).singleElement().satisfies(d -> {
            assertThat(d.year()).isEqualTo(2020);
            assertThat(d.unitId()).isEqualTo(area);
            assertThat(d.columns()).containsExactly("crimes");
        });
        Summaries.Verification repaired = summaries.verify(area, true);
        assertThat(repaired.repaired()).isTrue();
        assertThat(statistics.figures(Caller.SYSTEM, area, 2020).get(Indicator.CRIMES))
                .isZero();
        assertThat(recount.recount()).isZero();

        // one node at a time: while another holds the turn, this one skips it
        try (Connection other = dataSource.getConnection();
                var lock = other.prepareStatement("SELECT pg_advisory_lock(16, 0)")) {
            lock.execute();
            assertThat(recount.recount()).isEqualTo(-1);
            other.prepareStatement("SELECT pg_advisory_unlock(16, 0)").execute();
        }
    }

    @Test
    void aRecognitionCountsInItsYearAndAReopeningTakesItBack() {
        long area = counted.get(3);
        long before = statistics.figures(Caller.SYSTEM, haiMinh, 2017).get(Indicator.AREAS_RECOGNISED);
        selfAssessments.register(Caller.SYSTEM, area, 2017, LocalDate.of(2017, 2, 10));
        for (Evaluation.Line line :
                evaluations.process(Scope.WHOLE_COUNTRY, area, 2017).lines()) {
            if (line.toEnter()) {
                selfAssessments.enter(Caller.SYSTEM, area, 2017, line.criterion(), true, "Biên bản họp xóm số 3");
            }
        }
        selfAssessments.submit(Caller.SYSTEM, area, 2017);
        recognising.accept(Caller.SYSTEM, area, 2017);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2017).get(Indicator.AREAS_RECOGNISED))
                .as("accepted is not yet recognised")
                .isEqualTo(before);
        recognising.recognise(
                Caller.SYSTEM,
                area,
                2017,
                new Evaluation.Decision("12/QĐ-UBND", LocalDate.of(2017, 12, 20), "Trần Văn Xã"));
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2017).get(Indicator.AREAS_RECOGNISED))
                .isEqualTo(before + 1);
        assertThat(statistics.countedUnits(Caller.SYSTEM, haiMinh, 2017, Indicator.AREAS_RECOGNISED))
                .extracting(UnitView::id)
                .contains(area);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2018).get(Indicator.AREAS_RECOGNISED))
                .as("another year")
                .isZero();
        recognising.reopen(Caller.SYSTEM, area, 2017, "Quyết định bị hủy để xem xét lại");
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2017).get(Indicator.AREAS_RECOGNISED))
                .isEqualTo(before);
        assertThat(summaries.verify(haiMinh, false).drifts()).isEmpty();
    }

    @Test
    void theMovementsModelsCamerasAndTitlesCountInTheirYear() {
        long area = counted.get(2);
        Figures before = statistics.figures(Caller.SYSTEM, haiMinh, 2017);
        MovementModel model = models.create(
                Caller.SYSTEM,
                area,
                new MovementModel.Form(
                        "PEOPLES_SECURITY_TEAM",
                        "Tổ an ninh xóm 3",
                        LocalDate.of(2016, 3, 1),
                        null,
                        null,
                        7,
                        List.of()));
        models.assess(Caller.SYSTEM, area, model.id(), 2017, true, "Bắt quả tang 2 vụ trộm");
        models.register(
                Caller.SYSTEM,
                area,
                new Camera.Form(model.id(), 20.1, 106.3, "Tổ an ninh xóm 3", null, LocalDate.of(2017, 5, 1)));
        models.register(
                Caller.SYSTEM,
                area,
                new Camera.Form(null, 20.1, 106.3, "Nhà văn hóa", null, LocalDate.of(2017, 12, 1)));
        Title.Award award = titles.award(
                Caller.SYSTEM,
                area,
                new Title.AwardForm("CULTURAL_STANDARD_AREA", 2017, null, "UBND huyện Hải Hậu", "45/QĐ-UBND", null));
        Figures after = statistics.figures(Caller.SYSTEM, haiMinh, 2017);
        assertThat(after.get(Indicator.MODELS) - before.get(Indicator.MODELS)).isEqualTo(1);
        assertThat(after.get(Indicator.MODELS_EFFECTIVE) - before.get(Indicator.MODELS_EFFECTIVE))
                .isEqualTo(1);
        assertThat(after.get(Indicator.CAMERAS) - before.get(Indicator.CAMERAS))
                .as("the camera installed after 31/10/2017 is not yet counted")
                .isEqualTo(1);
        assertThat(after.get(Indicator.AREAS_CULTURAL_STANDARD) - before.get(Indicator.AREAS_CULTURAL_STANDARD))
                .isEqualTo(1);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2018).get(Indicator.CAMERAS))
                .isEqualTo(2);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2018).get(Indicator.MODELS_EFFECTIVE))
                .as("assessed for 2017 only")
                .isZero();
        // by type: read from the register, adding up to the summaries' counts
        List<MovementCounts.TypeCount> byType = statistics.modelsByType(Caller.SYSTEM, haiMinh, 2017);
        assertThat(byType.stream().mapToLong(MovementCounts.TypeCount::running).sum())
                .isEqualTo(after.get(Indicator.MODELS));
        assertThat(byType.stream()
                        .mapToLong(MovementCounts.TypeCount::effective)
                        .sum())
                .isEqualTo(after.get(Indicator.MODELS_EFFECTIVE));
        assertThat(byType)
                .filteredOn(t -> t.typeCode().equals("PEOPLES_SECURITY_TEAM"))
                .singleElement()
                .satisfies(t -> assertThat(t.running()).isPositive());
        assertThat(models.runningUnder(
                        Scope.WHOLE_COUNTRY, haiMinh, LocalDate.of(2017, 10, 31), "PEOPLES_SECURITY_TEAM"))
                .hasSize(byType.stream()
                        .filter(t -> t.typeCode().equals("PEOPLES_SECURITY_TEAM"))
                        .findFirst()
                        .orElseThrow()
                        .running());
        titles.remove(Caller.SYSTEM, area, award.id());
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2017).get(Indicator.AREAS_CULTURAL_STANDARD))
                .isEqualTo(before.get(Indicator.AREAS_CULTURAL_STANDARD));
        assertThat(summaries.verify(haiMinh, false).drifts()).isEmpty();
    }

    Hotspot hotspot(long from, List<Long> on, LocalDate day, Hotspot.Status status, String name) {
        return hotspots.designate(
                Caller.SYSTEM,
                from,
                new Hotspot.Form(
                        name,
                        Hotspot.Kind.THEFT,
                        on,
                        day,
                        "UBND huyện Hải Hậu",
                        name + "/QĐ-UBND",
                        status,
                        "Trộm cắp tài sản kéo dài",
                        null,
                        null,
                        null));
    }

    @Test
    void hotspotsCountByTheirStatusOn31OctoberOnceEachAtTheirFirstUnit() {
        // 2019: 1/11/2018 – 31/10/2019 (TT 124), on Hải Minh's areas 0–2
        long a0 = counted.get(0);
        long a1 = counted.get(1);
        long a2 = counted.get(2);
        Figures before = statistics.figures(Caller.SYSTEM, haiMinh, 2019);
        Hotspot h1 = hotspot(haiMinh, List.of(a0), LocalDate.of(2019, 1, 10), Hotspot.Status.COMPLEX, "HS1");
        hotspots.changeStatus(
                Caller.SYSTEM,
                haiMinh,
                h1.id(),
                new Hotspot.StatusForm(Hotspot.Status.CONTAINED, LocalDate.of(2019, 6, 1), "Đã kiềm chế"));
        // two areas, counted once, at the first (a1)
        hotspot(haiMinh, List.of(a2, a1), LocalDate.of(2019, 2, 1), Hotspot.Status.STABLE, "HS2");
        Hotspot h3 = hotspot(haiMinh, List.of(a0), LocalDate.of(2019, 3, 1), Hotspot.Status.COMPLEX, "HS3");
        hotspots.changeStatus(
                Caller.SYSTEM,
                haiMinh,
                h3.id(),
                new Hotspot.StatusForm(Hotspot.Status.STABLE, LocalDate.of(2019, 11, 5), "Ổn định sau 31/10"));
        Hotspot h4 = hotspot(haiMinh, List.of(a2), LocalDate.of(2019, 3, 1), Hotspot.Status.COMPLEX, "HS4");
        hotspots.remove(
                Caller.SYSTEM,
                haiMinh,
                h4.id(),
                new Hotspot.RemovalForm(LocalDate.of(2019, 9, 1), "UBND huyện Hải Hậu", "HS4-R/QĐ-UBND"));
        hotspot(haiMinh, List.of(a1), LocalDate.of(2019, 11, 15), Hotspot.Status.COMPLEX, "HS5");

        Figures after = statistics.figures(Caller.SYSTEM, haiMinh, 2019);
        assertThat(after.get(Indicator.HOTSPOTS_COMPLEX) - before.get(Indicator.HOTSPOTS_COMPLEX))
                .as("HS3 (stable only from 5/11); HS4 removed, HS5 designated after 31/10")
                .isEqualTo(1);
        assertThat(after.get(Indicator.HOTSPOTS_CONTAINED) - before.get(Indicator.HOTSPOTS_CONTAINED))
                .isEqualTo(1);
        assertThat(after.get(Indicator.HOTSPOTS_STABLE) - before.get(Indicator.HOTSPOTS_STABLE))
                .isEqualTo(1);
        assertThat(after.get(Indicator.HOTSPOTS) - before.get(Indicator.HOTSPOTS))
                .isEqualTo(3);
        assertThat(statistics.figures(Caller.SYSTEM, a1, 2019).get(Indicator.HOTSPOTS_STABLE))
                .isEqualTo(1);
        assertThat(statistics.figures(Caller.SYSTEM, a2, 2019).get(Indicator.HOTSPOTS))
                .as("HS2 counts at a1 only; HS4 was removed")
                .isZero();
        Figures next = statistics.figures(Caller.SYSTEM, a0, 2020);
        assertThat(next.get(Indicator.HOTSPOTS_STABLE)).as("HS3 in 2020").isEqualTo(1);
        assertThat(next.get(Indicator.HOTSPOTS_CONTAINED)).as("HS1 in 2020").isEqualTo(1);
        // the list behind the numbers: as many hotspots, each once
        LocalDate on = LocalDate.of(2019, 10, 31);
        assertThat(hotspots.under(
                        Scope.WHOLE_COUNTRY,
                        a1,
                        on,
                        on,
                        new Hotspot.Filter(null, Hotspot.Status.STABLE, null, false, false, true)))
                .hasSize(1);
        assertThat(hotspots.under(
                        Scope.WHOLE_COUNTRY,
                        a2,
                        on,
                        on,
                        new Hotspot.Filter(null, Hotspot.Status.STABLE, null, false, false, true)))
                .as("HS2 counts at a1")
                .isEmpty();
        assertThat(summaries.verify(haiMinh, false).drifts()).isEmpty();
    }

    Campaign campaign(long by, List<Long> on, LocalDate from, LocalDate to, int officers, int arrests, String name) {
        return campaigns.record(
                Caller.SYSTEM,
                by,
                new Campaign.Form(
                        name,
                        Campaign.Kind.CRACKDOWN,
                        from,
                        to,
                        on,
                        "Công an xã",
                        officers,
                        new Campaign.Results(arrests, 1, 1, 5, null, null),
                        List.of()));
    }

    @Test
    void campaignsCountWithTheirResultsAtTheirOrganiserInThePeriodTheyEnded() {
        // 2019: 1/11/2018 – 31/10/2019; Hải Minh and its areas organise, Nam Mỹ covers one of Hải Minh's areas
        long a3 = counted.get(3);
        Figures before = statistics.figures(Caller.SYSTEM, haiMinh, 2019);
        Figures before2020 = statistics.figures(Caller.SYSTEM, haiMinh, 2020);
        campaign(haiMinh, List.of(), LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 10), 20, 3, "Truy quét tháng 3");
        Campaign byArea =
                campaign(a3, List.of(), LocalDate.of(2019, 10, 25), LocalDate.of(2019, 10, 31), 5, 1, "Tuần tra xóm");
        campaign(haiMinh, List.of(), LocalDate.of(2019, 10, 30), LocalDate.of(2019, 11, 2), 10, 0, "Qua 31/10");
        campaign(province, List.of(a3), LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 2), 50, 7, "Của tỉnh");
        campaigns.recordResults(
                Caller.SYSTEM, a3, byArea.id(), new Campaign.Results(2, 0, 0, 1, null, "Bắt 2 đối tượng"));

        Figures after = statistics.figures(Caller.SYSTEM, haiMinh, 2019);
        assertThat(after.get(Indicator.CAMPAIGNS) - before.get(Indicator.CAMPAIGNS))
                .as("ended on 2/11/2019: 2020; organised by the province: not Hải Minh's")
                .isEqualTo(2);
        assertThat(after.get(Indicator.CAMPAIGN_OFFICERS) - before.get(Indicator.CAMPAIGN_OFFICERS))
                .isEqualTo(25);
        assertThat(after.get(Indicator.CAMPAIGN_ARRESTS) - before.get(Indicator.CAMPAIGN_ARRESTS))
                .isEqualTo(3 + 2);
        assertThat(after.get(Indicator.CAMPAIGN_RINGS_BROKEN) - before.get(Indicator.CAMPAIGN_RINGS_BROKEN))
                .isEqualTo(1);
        assertThat(after.get(Indicator.CAMPAIGN_HOTSPOTS_CLEARED) - before.get(Indicator.CAMPAIGN_HOTSPOTS_CLEARED))
                .isEqualTo(1);
        assertThat(after.get(Indicator.CAMPAIGN_ITEMS_SEIZED) - before.get(Indicator.CAMPAIGN_ITEMS_SEIZED))
                .isEqualTo(5 + 1);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2020).get(Indicator.CAMPAIGNS)
                        - before2020.get(Indicator.CAMPAIGNS))
                .isEqualTo(1);
        // the list behind the number: as many campaigns, with the same totals
        List<Campaign> listed = campaigns.organisedIn(
                Scope.WHOLE_COUNTRY, haiMinh, Period.residentialArea(2019), LocalDate.of(2019, 10, 31));
        assertThat(listed).hasSize((int) after.get(Indicator.CAMPAIGNS));
        assertThat(Campaign.Totals.of(haiMinh, null, null, listed).arrests())
                .isEqualTo(after.get(Indicator.CAMPAIGN_ARRESTS));
        assertThat(summaries.verify(haiMinh, false).drifts()).isEmpty();
    }

    @Test
    void catholicHouseholdsCountOn31OctoberBesideTheTitledOnes() {
        // 2022 (1/11/2021 – 31/10/2022) in Hải Minh's area 5: three Catholic households and one not; one moves
        // to area 4 after 31/10, one comes after it
        long area = counted.get(5);
        Figures before = statistics.figures(Caller.SYSTEM, haiMinh, 2022);
        List<Household> catholic = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            catholic.add(households.add(
                    Caller.SYSTEM,
                    area,
                    new HouseholdForm("CG-" + i, "Giuse " + i, null, 4, true),
                    LocalDate.of(2021, 1, 1)));
        }
        households.add(
                Caller.SYSTEM, area, new HouseholdForm("CG-X", "Không đạo", null, 2, false), LocalDate.of(2021, 1, 1));
        households.move(Caller.SYSTEM, catholic.get(2).id(), counted.get(4), "CG-2b", LocalDate.of(2022, 11, 5));
        households.add(
                Caller.SYSTEM, area, new HouseholdForm("CG-3", "Maria", null, 3, true), LocalDate.of(2022, 11, 10));
        titles.awardHouseholds(
                Caller.SYSTEM,
                haiMinh,
                new Title.HouseholdAwardForm(
                        "EXEMPLARY_CATHOLIC_FAMILY",
                        2022,
                        List.of(catholic.get(0).id(), catholic.get(1).id()),
                        "UBND xã Hải Minh",
                        "77/QĐ-UBND",
                        LocalDate.of(2022, 12, 20)));
        Figures after = statistics.figures(Caller.SYSTEM, haiMinh, 2022);
        assertThat(after.get(Indicator.HOUSEHOLDS_CATHOLIC) - before.get(Indicator.HOUSEHOLDS_CATHOLIC))
                .isEqualTo(3);
        assertThat(after.get(Indicator.CATHOLIC_FAMILIES_TITLED) - before.get(Indicator.CATHOLIC_FAMILIES_TITLED))
                .isEqualTo(2);
        assertThat(statistics.figures(Caller.SYSTEM, area, 2022).get(Indicator.HOUSEHOLDS_CATHOLIC))
                .isEqualTo(3);
        assertThat(statistics.figures(Caller.SYSTEM, area, 2023).get(Indicator.HOUSEHOLDS_CATHOLIC))
                .as("one moved out, one came")
                .isEqualTo(3);
        assertThat(statistics.figures(Caller.SYSTEM, counted.get(4), 2023).get(Indicator.HOUSEHOLDS_CATHOLIC))
                .isEqualTo(1);
        assertThat(summaries.verify(haiMinh, false).drifts()).isEmpty();
    }

    @Test
    void theClassificationAndTheOrganisationsStaffCountInTheirYear() {
        // every area of Hải Minh evaluated and classified for 2021; the levels counted from what is stored
        Figures before = statistics.figures(Caller.SYSTEM, haiMinh, 2021);
        assertThat(before.get(Indicator.UNITS_CLASSIFIED)).isZero();
        runs.run(Caller.SYSTEM, haiMinh, 2021);
        for (long area : counted) {
            classifications.compute(Caller.SYSTEM, area, 2021);
        }
        List<StoredClassification> stored = classifications.list(Scope.WHOLE_COUNTRY, haiMinh, 2021);
        assertThat(stored).hasSize(counted.size());
        Figures f = statistics.figures(Caller.SYSTEM, haiMinh, 2021);
        assertThat(f.get(Indicator.UNITS_CLASSIFIED)).isEqualTo(counted.size());
        List<Indicator> levels = List.of(
                Indicator.UNITS_CLASSIFIED_EXCELLENT,
                Indicator.UNITS_CLASSIFIED_GOOD,
                Indicator.UNITS_CLASSIFIED_AVERAGE,
                Indicator.UNITS_CLASSIFIED_WEAK);
        for (Indicator level : levels) {
            String name = level.name().substring("UNITS_CLASSIFIED_".length());
            List<Long> byHand = stored.stream()
                    .filter(c -> c.level().name().equals(name))
                    .map(StoredClassification::unitId)
                    .toList();
            assertThat(f.get(level)).as(name).isEqualTo(byHand.size());
            assertThat(statistics.countedUnits(Caller.SYSTEM, haiMinh, 2021, level))
                    .extracting(UnitView::id)
                    .containsExactlyInAnyOrderElementsOf(byHand);
        }
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2020).get(Indicator.UNITS_CLASSIFIED))
                .as("another year")
                .isZero();

        // an organisation's staff: 40, 38 briefed, 35 signed for 2021, then corrected
        UnitView school = localUnits.create(
                Caller.SYSTEM,
                haiMinh,
                new LocalUnitForm(UnitKind.SCHOOL, null, "HM-THCS", "Trường THCS Hải Minh", null),
                LIST_DATE);
        LocalDate recorded = Period.organisation(2021).from().plusDays(30);
        organisations.record(Caller.SYSTEM, school.id(), 2021, 40, 38, 35, recorded);
        Figures staff = statistics.figures(Caller.SYSTEM, haiMinh, 2021);
        assertThat(staff.get(Indicator.STAFF)).isEqualTo(40);
        assertThat(staff.get(Indicator.STAFF_BRIEFED)).isEqualTo(38);
        assertThat(staff.get(Indicator.STAFF_SIGNED)).isEqualTo(35);
        assertThat(staff.get(Indicator.ORGANISATIONS_COMMITTED)).isEqualTo(1);
        organisations.record(Caller.SYSTEM, school.id(), 2021, 41, 41, 40, recorded);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2021).get(Indicator.STAFF_SIGNED))
                .isEqualTo(40);
        assertThat(statistics.figures(Caller.SYSTEM, haiMinh, 2022).get(Indicator.STAFF))
                .as("recorded for 2021 only")
                .isZero();
        assertThat(summaries.verify(haiMinh, false).drifts()).isEmpty();
    }

    @Test
    void aWriteIsVisibleInTheNextRead() {
        long area = counted.get(5);
        long before = statistics.figures(Caller.SYSTEM, area, 2019).get(Indicator.CRIMES);
        Incident crime = incident(area, "CRIME", "LESS_SERIOUS", at(2019, 4, 1));
        assertThat(statistics.figures(Caller.SYSTEM, area, 2019).get(Indicator.CRIMES))
                .isEqualTo(before + 1);
        incidents.withdraw(Caller.SYSTEM, crime.id(), "Ghi nhầm");
        assertThat(statistics.figures(Caller.SYSTEM, area, 2019).get(Indicator.CRIMES))
                .isEqualTo(before);
    }

    @Test
    void aCommuneOfficerSeesTheirCommuneAndIsRefusedAnother() {
        assertThat(statistics.figures(officerOf(haiMinh), haiMinh, 2017).unitId())
                .isEqualTo(haiMinh);
        assertThatThrownBy(() -> statistics.figures(officerOf(haiMinh), namMy, 2017))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> statistics.figures(officerOf(haiMinh), province, 2017))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> statistics.figures(Caller.SYSTEM, haiMinh, 1999))
                .isInstanceOf(StatisticsRefusedException.class);
    }

    @Test
    void afterEachOfHundredsOfRandomWritesTheSummariesEqualARecount() {
        Random rnd = new Random(16);
        int[] years = {2016, 2017, 2018};
        for (int year : years) {
            statistics.figures(Caller.SYSTEM, province, year); // filled before the writes
        }
        List<Household> living = new ArrayList<>();
        List<Incident> recorded = new ArrayList<>();
        List<DrugUser> users = new ArrayList<>();
        List<Long> areas = new ArrayList<>(random);
        created.clear();
        Set<String> done = new TreeSet<>();
        List<Long> spots = new ArrayList<>();
        List<Long> organised = new ArrayList<>();
        long school = localUnits
                .create(
                        Caller.SYSTEM,
                        namMy,
                        new LocalUnitForm(UnitKind.SCHOOL, null, "NM-TH", "Trường Tiểu học Nam Mỹ", null),
                        LIST_DATE)
                .id();
        int operations = 360;
        for (int op = 0; op < operations; op++) {
            int year = years[rnd.nextInt(years.length)];
            long area = areas.get(rnd.nextInt(areas.size()));
            LocalDate day = LocalDate.of(year, 1 + rnd.nextInt(9), 1 + rnd.nextInt(28));
            String what = "?";
            try {
                switch (rnd.nextInt(25)) {
                    case 0, 1 -> {
                        what = "household added";
                        living.add(households.add(
                                Caller.SYSTEM,
                                area,
                                new HouseholdForm("H" + op, "Chủ hộ " + op, null, 3, rnd.nextBoolean()),
                                day));
                    }
                    case 2 -> {
                        if (living.isEmpty()) {
                            continue;
                        }
                        what = "household moved";
                        Household h = living.get(rnd.nextInt(living.size()));
                        long to = areas.get(rnd.nextInt(areas.size()));
                        Optional<Household> now =
                                households.find(Scope.WHOLE_COUNTRY, h.id(), LocalDate.of(2019, 1, 1));
                        if (now.isEmpty() || now.get().areaId() == to) {
                            continue;
                        }
                        LocalDate on = now.get().validFrom().plusDays(1 + rnd.nextInt(200));
                        if (on.isAfter(LocalDate.of(2018, 10, 1))) {
                            continue;
                        }
                        households.move(Caller.SYSTEM, h.id(), to, "M" + op, on);
                    }
                    case 3, 4 -> {
                        if (living.isEmpty()) {
                            continue;
                        }
                        what = "commitment";
                        Household h = living.get(rnd.nextInt(living.size()));
                        if (commitments.find(Scope.WHOLE_COUNTRY, h.id(), year).isPresent()) {
                            if (rnd.nextBoolean()) {
                                commitments.withdraw(Caller.SYSTEM, h.id(), year);
                            } else {
                                commitments.change(
                                        Caller.SYSTEM,
                                        h.id(),
                                        year,
                                        new CommitmentForm(day, rnd.nextBoolean(), true, true, true));
                            }
                        } else {
                            try {
                                commitments.record(Caller.SYSTEM, h.id(), year, CommitmentForm.full(day));
                            } catch (RuntimeException refused) {
                                continue; // not living anywhere that period: refused, nothing written
                            }
                        }
                    }
                    case 5, 6 -> {
                        what = "incident";
                        String[] kinds = {"CRIME", "SOCIAL_EVIL", "SECURITY_EVENT", "FIRE"};
                        String kind = kinds[rnd.nextInt(kinds.length)];
                        String severity =
                                kind.equals("CRIME") ? "LESS_SERIOUS" : kind.equals("FIRE") ? "SERIOUS" : null;
                        recorded.add(
                                incident(area, kind, severity, day.atTime(12, 0).atOffset(VN)));
                    }
                    case 7 -> {
                        what = "incidents recorded at once";
                        List<IncidentForm> forms = new ArrayList<>();
                        for (int i = 0; i < 3; i++) {
                            OffsetDateTime when =
                                    day.plusDays(i * 40L).atTime(9, 0).atOffset(VN);
                            forms.add(new IncidentForm(
                                    areas.get(rnd.nextInt(areas.size())),
                                    category("CRIME"),
                                    "SERIOUS",
                                    null,
                                    when,
                                    when,
                                    "PATROL",
                                    null,
                                    null,
                                    null));
                        }
                        incidents.recordAll(Caller.SYSTEM, "thử", forms, null);
                    }
                    case 8 -> {
                        if (recorded.isEmpty()) {
                            continue;
                        }
                        what = "incident withdrawn";
                        Incident i = recorded.remove(rnd.nextInt(recorded.size()));
                        incidents.withdraw(Caller.SYSTEM, i.id(), "Ghi nhầm");
                    }
                    case 9 -> {
                        what = "drug user";
                        if (users.isEmpty() || rnd.nextBoolean()) {
                            users.add(drugUsers.record(
                                    Caller.SYSTEM,
                                    area,
                                    new DrugUser.Form(new PersonDetails("Người " + op, null, null, null), day)));
                        } else {
                            DrugUser u = users.get(rnd.nextInt(users.size()));
                            try {
                                drugUsers.changeStatus(
                                        Caller.SYSTEM,
                                        u.residenceUnitId(),
                                        u.id(),
                                        rnd.nextBoolean() ? DrugUser.Status.RECOVERED : DrugUser.Status.RELAPSED,
                                        LocalDate.of(2018, 10, 1).plusDays(op),
                                        null);
                            } catch (RuntimeException refused) {
                                continue;
                            }
                        }
                    }
                    case 10 -> {
                        what = "mediation";
                        mediations.record(
                                Caller.SYSTEM,
                                area,
                                new Mediation.Form(
                                        day,
                                        "Hai hộ",
                                        "Tranh chấp",
                                        rnd.nextBoolean()
                                                ? Mediation.Outcome.RECONCILED
                                                : Mediation.Outcome.NOT_RECONCILED,
                                        "Tổ hòa giải"));
                    }
                    case 12 -> {
                        what = "households imported";
                        String file = "area,code,head_name,address,members,catholic\n"
                                + "R1,I" + op + "a,Chủ hộ nhập,,3,\n"
                                + "R2,I" + op + "b,Chủ hộ nhập,,2,có\n";
                        householdImports.importCsv(
                                Caller.SYSTEM,
                                namMy,
                                "ho.csv",
                                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                                day);
                    }
                    case 13 -> {
                        if (created.isEmpty()) {
                            continue;
                        }
                        what = "area moved";
                        long moving = created.get(rnd.nextInt(created.size()));
                        UnitView now = units.latest(Scope.WHOLE_COUNTRY, moving).orElseThrow();
                        LocalDate on = now.validFrom().plusDays(1 + rnd.nextInt(300));
                        localUnits.move(Caller.SYSTEM, moving, now.parentId() == namMy ? quatLam : namMy, on);
                    }
                    case 14 -> {
                        if (created.isEmpty()) {
                            continue;
                        }
                        what = "area closed";
                        long closing = created.remove(rnd.nextInt(created.size()));
                        UnitView now =
                                units.latest(Scope.WHOLE_COUNTRY, closing).orElseThrow();
                        localUnits.close(Caller.SYSTEM, closing, now.validFrom().plusDays(1 + rnd.nextInt(300)));
                    }
                    case 15 -> {
                        what = "mediations recorded at once";
                        mediations.recordAll(
                                Caller.SYSTEM,
                                namMy,
                                List.of(
                                        new SimpleEntry<>(
                                                random.get(0),
                                                new Mediation.Form(
                                                        day,
                                                        "Hai hộ",
                                                        "Ranh giới",
                                                        Mediation.Outcome.RECONCILED,
                                                        "Tổ hòa giải")),
                                        new SimpleEntry<>(
                                                random.get(1),
                                                new Mediation.Form(
                                                        day,
                                                        "Hai hộ",
                                                        "Lối đi",
                                                        Mediation.Outcome.NOT_RECONCILED,
                                                        "Tổ hòa giải"))));
                    }
                    case 16 -> {
                        what = "model";
                        MovementModel model = models.create(
                                Caller.SYSTEM,
                                area,
                                new MovementModel.Form(
                                        "PEOPLES_SECURITY_TEAM", "Tổ " + op, day, null, null, 5, List.of()));
                        models.assess(Caller.SYSTEM, area, model.id(), year, rnd.nextBoolean(), "Đánh giá cuối năm");
                    }
                    case 17 -> {
                        what = "conference";
                        conferences.record(
                                Caller.SYSTEM,
                                rnd.nextBoolean() ? namMy : quatLam,
                                new Conference.Form(
                                        rnd.nextBoolean() ? Conference.Kind.INTERIM : Conference.Kind.FINAL,
                                        "Sơ kết phong trào " + op,
                                        day.plusDays(3),
                                        day.minusMonths(6),
                                        day,
                                        40,
                                        null,
                                        List.of()));
                    }
                    case 18 -> {
                        if (!living.isEmpty() && rnd.nextBoolean()) {
                            what = "household title";
                            Household h = living.get(rnd.nextInt(living.size()));
                            try {
                                titles.awardHouseholds(
                                        Caller.SYSTEM,
                                        province,
                                        new Title.HouseholdAwardForm(
                                                "EXEMPLARY_CATHOLIC_FAMILY",
                                                year,
                                                List.of(h.id()),
                                                "UBND xã",
                                                "GD" + op + "/QĐ-UBND",
                                                LocalDate.of(year, 12, 1)));
                            } catch (RuntimeException refused) {
                                continue; // not Catholic, not living there then, awarded already: nothing written
                            }
                            break;
                        }
                        what = "title";
                        titles.award(
                                Caller.SYSTEM,
                                area,
                                new Title.AwardForm(
                                        "CULTURAL_STANDARD_AREA", year, null, "UBND huyện", op + "/QĐ-UBND", null));
                    }
                    case 19, 20 -> {
                        LocalDate on = day.plusDays(rnd.nextInt(60));
                        try {
                            if (spots.isEmpty() || rnd.nextInt(3) == 0) {
                                what = "hotspot designated";
                                List<Long> on2 = rnd.nextBoolean()
                                        ? List.of(area)
                                        : List.of(area, areas.get(rnd.nextInt(areas.size())));
                                spots.add(hotspot(province, on2, on, Hotspot.Status.values()[rnd.nextInt(3)], "RS" + op)
                                        .id());
                            } else {
                                long spot = spots.get(rnd.nextInt(spots.size()));
                                Hotspot now =
                                        hotspots.find(Scope.WHOLE_COUNTRY, province, spot, LocalDate.of(2030, 1, 1));
                                LocalDate next = now.statusSince().plusDays(1 + rnd.nextInt(200));
                                switch (rnd.nextInt(4)) {
                                    case 3 -> {
                                        what = "hotspot status withdrawn";
                                        hotspots.withdrawLastStatus(Caller.SYSTEM, province, spot);
                                    }
                                    case 0 -> {
                                        what = "hotspot status";
                                        Hotspot.Status status = Hotspot.Status.values()[
                                                (now.status().ordinal() + 1 + rnd.nextInt(2)) % 3];
                                        hotspots.changeStatus(
                                                Caller.SYSTEM,
                                                province,
                                                spot,
                                                new Hotspot.StatusForm(status, next, "Thay đổi " + op));
                                    }
                                    case 1 -> {
                                        what = "hotspot corrected";
                                        hotspots.correct(
                                                Caller.SYSTEM,
                                                province,
                                                spot,
                                                new Hotspot.Correction(
                                                        now.name(),
                                                        now.kind(),
                                                        List.of(areas.get(rnd.nextInt(areas.size()))),
                                                        now.designatedOn(),
                                                        now.designatedBy(),
                                                        now.designationNumber(),
                                                        null));
                                    }
                                    default -> {
                                        what = "hotspot removed";
                                        hotspots.remove(
                                                Caller.SYSTEM,
                                                province,
                                                spot,
                                                new Hotspot.RemovalForm(next, "UBND huyện", "R" + op));
                                        spots.remove(spot);
                                    }
                                }
                            }
                        } catch (RuntimeException refused) {
                            continue; // a closed area, a day before the last status: refused, nothing written
                        }
                    }
                    case 21 -> {
                        what = "organisation commitment";
                        int staff = 10 + rnd.nextInt(50);
                        organisations.record(
                                Caller.SYSTEM,
                                school,
                                year,
                                staff,
                                staff - rnd.nextInt(5),
                                staff - rnd.nextInt(10),
                                Period.organisation(year).from().plusDays(1 + rnd.nextInt(300)));
                    }
                    case 23, 24 -> {
                        try {
                            if (organised.isEmpty() || rnd.nextBoolean()) {
                                what = "campaign";
                                organised.add(campaign(
                                                area,
                                                List.of(),
                                                day,
                                                day.plusDays(rnd.nextInt(90)),
                                                rnd.nextInt(30),
                                                rnd.nextInt(5),
                                                "Đợt " + op)
                                        .id());
                            } else {
                                long id = organised.get(rnd.nextInt(organised.size()));
                                Campaign c = campaigns.find(Scope.WHOLE_COUNTRY, province, id);
                                if (rnd.nextBoolean()) {
                                    what = "campaign results";
                                    campaigns.recordResults(
                                            Caller.SYSTEM,
                                            c.organisingUnitId(),
                                            id,
                                            new Campaign.Results(
                                                    rnd.nextInt(9),
                                                    rnd.nextInt(3),
                                                    rnd.nextInt(3),
                                                    rnd.nextInt(20),
                                                    null,
                                                    null));
                                } else {
                                    what = "campaign corrected";
                                    LocalDate to = c.endedOn().plusDays(rnd.nextInt(120) - 60);
                                    campaigns.correct(
                                            Caller.SYSTEM,
                                            c.organisingUnitId(),
                                            id,
                                            new Campaign.Correction(
                                                    c.name(),
                                                    c.kind(),
                                                    c.startedOn(),
                                                    to.isBefore(c.startedOn()) ? c.startedOn() : to,
                                                    c.unitIds(),
                                                    c.forces(),
                                                    rnd.nextInt(40),
                                                    c.hotspotIds()));
                                }
                            }
                        } catch (RuntimeException refused) {
                            continue; // a closed area: refused, nothing written
                        }
                    }
                    case 22 -> {
                        what = "classification";
                        try {
                            runs.run(Caller.SYSTEM, area, year);
                            classifications.compute(Caller.SYSTEM, area, year);
                        } catch (RuntimeException refused) {
                            continue; // an area created after the year: nothing to classify
                        }
                    }
                    default -> {
                        what = rnd.nextBoolean() ? "re-education" : "area created";
                        if (what.equals("re-education")) {
                            reEducations.record(
                                    Caller.SYSTEM,
                                    area,
                                    new ReEducation.Form(
                                            new PersonDetails("Người " + op, null, null, null), day, "Trưởng thôn"));
                        } else {
                            UnitView created = localUnits.create(
                                    Caller.SYSTEM,
                                    rnd.nextBoolean() ? namMy : quatLam,
                                    area("N" + op, "Xóm mới " + op),
                                    day);
                            areas.add(created.id());
                            this.created.add(created.id());
                        }
                    }
                }
            } catch (FieldRefusedException refused) {
                what += " refused (" + refused.getMessage() + ")"; // nothing written: the summaries must still match
            }
            if (!what.contains("refused")) {
                done.add(what);
            }
            if (what.equals("model")) {
                // models by type are read from the register: they add up to the summaries' count
                assertThat(statistics.modelsByType(Caller.SYSTEM, province, year).stream()
                                .mapToLong(MovementCounts.TypeCount::running)
                                .sum())
                        .as("models by type after operation %d", op)
                        .isEqualTo(statistics
                                .figures(Caller.SYSTEM, province, year)
                                .get(Indicator.MODELS));
            }
            Summaries.Verification v = summaries.verify(province, false);
            assertThat(v.drifts()).as("after operation %d (%s)", op, what).isEmpty();
            assertThat(v.rows()).isPositive();
        }
        assertThat(done)
                .as("every write path was taken at least once")
                .contains(
                        "household added",
                        "household moved",
                        "commitment",
                        "incident",
                        "incidents recorded at once",
                        "incident withdrawn",
                        "drug user",
                        "mediation",
                        "re-education",
                        "area created",
                        "households imported",
                        "area moved",
                        "area closed",
                        "mediations recorded at once",
                        "hotspot designated",
                        "hotspot status",
                        "hotspot status withdrawn",
                        "hotspot corrected",
                        "hotspot removed",
                        "organisation commitment",
                        "classification",
                        "campaign",
                        "campaign results",
                        "campaign corrected",
                        "household title");
    }
}
