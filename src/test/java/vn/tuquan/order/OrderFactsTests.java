package vn.tuquan.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The facts of the registers per unit and period, computed from records: period boundaries in
 * Vietnam's time (TT 23 and TT 124 windows), "no crime" and "no drug user" for residential areas and
 * communes moving with one record, crimes by class, the change against the previous period.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=order-facts")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderFactsTests {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final LocalDate LIST_DATE = LocalDate.of(2016, 1, 1);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    OrderFacts facts;

    @Autowired
    JdbcClient jdbc;

    long province;
    long haiMinh;
    long namMy;
    List<Long> areas = new ArrayList<>();

    @BeforeAll
    void units() {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        province = units.findByCode(Scope.WHOLE_COUNTRY, "36", LIST_DATE)
                .orElseThrow()
                .id();
        haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", LIST_DATE)
                .orElseThrow()
                .id();
        namMy = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE)
                .orElseThrow()
                .id();
        List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            forms.add(new SimpleEntry<>(
                    i <= 6 ? haiMinh : namMy,
                    new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", "F" + i, "Xóm " + i, null)));
        }
        areas.addAll(localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE));
    }

    /** A category of the catalogue of that kind (the first by code). */
    String code(String kind) {
        return jdbc.sql("SELECT min(code) FROM incident_category WHERE kind = :kind")
                .param("kind", kind)
                .query(String.class)
                .single();
    }

    long incident(long unitId, String kind, String severity, OffsetDateTime at) {
        String category = code(kind);
        return jdbc.sql("""
                INSERT INTO incident (unit_id, category_code, severity, occurred_at, reported_at, status, source, created_by)
                VALUES (:unit, :category, :severity, :at, :at, 'REPORTED', 'PATROL', 'test') RETURNING id""")
                .param("unit", unitId)
                .param("category", category)
                .param("severity", severity)
                .param("at", at)
                .query(Long.class)
                .single();
    }

    UnitFacts of(long unitId, int year, long root) {
        return facts.forSubtree(Scope.WHOLE_COUNTRY, root, year).stream()
                .filter(f -> f.unitId() == unitId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anIncidentAtTheLastMinuteOfOctober31BelongsToThatPeriodAndOneAtMidnightToTheNext() {
        long area = areas.get(0);
        // TT 23 (2017): 31/10/2016 – 31/10/2017
        incident(area, "CRIME", "LESS_SERIOUS", OffsetDateTime.of(2017, 10, 31, 23, 59, 0, 0, VN));
        incident(area, "CRIME", "LESS_SERIOUS", OffsetDateTime.of(2017, 11, 1, 0, 0, 0, 0, VN));
        // 23:59 in Vietnam is 16:59 UTC: the same instant written in UTC stays in the period
        incident(area, "SOCIAL_EVIL", null, OffsetDateTime.of(2017, 10, 31, 16, 59, 0, 0, ZoneOffset.UTC));
        // 00:00 on 1 Nov in Vietnam is 17:00 UTC on 31 Oct: not in the period although the UTC date is 31 Oct
        incident(area, "SOCIAL_EVIL", null, OffsetDateTime.of(2017, 10, 31, 17, 0, 0, 0, ZoneOffset.UTC));
        UnitFacts y2017 = of(area, 2017, haiMinh);
        assertThat(y2017.period().from()).isEqualTo(LocalDate.of(2016, 10, 31));
        assertThat(y2017.current().crimes()).isEqualTo(1);
        assertThat(y2017.current().kind("SOCIAL_EVIL")).isEqualTo(1);
        UnitFacts y2018 = of(area, 2018, haiMinh);
        // TT 23's 2018 period begins on 31/10/2017 by the regulation, but 31/10/2017 is counted once, in 2017
        assertThat(y2018.current().crimes()).isEqualTo(1);
        assertThat(y2018.current().kind("SOCIAL_EVIL")).isEqualTo(1);
        assertThat(y2018.previous().crimes()).isEqualTo(1);
        assertThat(y2018.change("CRIME")).isZero();

        // TT 124 (2023): 01/11/2022 – 31/10/2023; the first minute of 1 Nov 2022 is in, 31 Oct 2022 23:59 is not
        long other = areas.get(1);
        incident(other, "CRIME", "SERIOUS", OffsetDateTime.of(2022, 10, 31, 23, 59, 0, 0, VN));
        incident(other, "CRIME", "SERIOUS", OffsetDateTime.of(2022, 11, 1, 0, 0, 0, 0, VN));
        incident(other, "CRIME", "VERY_SERIOUS", OffsetDateTime.of(2023, 10, 31, 23, 59, 0, 0, VN));
        UnitFacts y2023 = of(other, 2023, haiMinh);
        assertThat(y2023.period().from()).isEqualTo(LocalDate.of(2022, 11, 1));
        assertThat(y2023.current().crimes()).isEqualTo(2);
        assertThat(y2023.current().crimes("SERIOUS")).isEqualTo(1);
        assertThat(y2023.current().crimes("VERY_SERIOUS")).isEqualTo(1);
        assertThat(y2023.previous().crimes()).isEqualTo(1);
        assertThat(y2023.change("CRIME")).isEqualTo(1);

        // the commune counts its areas over its own window (TT 124: 16/11/2022 – 15/11/2023)
        incident(other, "FIRE", null, OffsetDateTime.of(2023, 11, 10, 12, 0, 0, 0, VN));
        assertThat(of(other, 2023, haiMinh).current().kind("FIRE")).isZero();
        UnitFacts commune = of(haiMinh, 2023, haiMinh);
        assertThat(commune.period().to()).isEqualTo(LocalDate.of(2023, 11, 15));
        assertThat(commune.current().kind("FIRE")).isEqualTo(1);
        // of the crimes of 01/11/2022 and 31/10/2023 only the second is in the commune's window
        assertThat(commune.current().crimes()).isEqualTo(1);
    }

    @Test
    void noCrimeAndNoDrugUserPerAreaAndCommuneMoveWithOneRecord() {
        int year = 2019;
        OffsetDateTime in = OffsetDateTime.of(2019, 3, 1, 10, 0, 0, 0, VN);
        long a7 = areas.get(6);
        long a8 = areas.get(7);
        OrderFacts.Headline before = facts.headline(Scope.WHOLE_COUNTRY, namMy, year);
        assertThat(before.residentialAreas()).isEqualTo(2);
        assertThat(before.residentialAreasWithNoCrime()).isEqualTo(2);
        assertThat(before.communesWithNoCrime()).isEqualTo(1);

        long crime = incident(a7, "CRIME", "LESS_SERIOUS", in);
        OrderFacts.Headline one = facts.headline(Scope.WHOLE_COUNTRY, namMy, year);
        assertThat(one.residentialAreasWithNoCrime()).isEqualTo(1);
        assertThat(one.communesWithNoCrime()).isZero();
        assertThat(of(a8, year, namMy).noCrime()).isTrue();
        assertThat(of(a7, year, namMy).noCrime()).isFalse();

        // a crime recorded in error is withdrawn: it no longer counts
        jdbc.sql("UPDATE incident SET withdrawn = true WHERE id = :id")
                .param("id", crime)
                .update();
        assertThat(facts.headline(Scope.WHOLE_COUNTRY, namMy, year).residentialAreasWithNoCrime())
                .isEqualTo(2);

        // a social evil is not a crime
        incident(a8, "SOCIAL_EVIL", null, in);
        assertThat(facts.headline(Scope.WHOLE_COUNTRY, namMy, year).residentialAreasWithNoCrime())
                .isEqualTo(2);

        // one drug user detected in the period: the area and the commune have a drug user, one new
        assertThat(before.residentialAreasWithNoDrugUser()).isEqualTo(2);
        long user = jdbc.sql("""
                INSERT INTO drug_user (residence_unit_id, detected_on, status, status_since, full_name_enc, recorded_by)
                VALUES (:unit, DATE '2019-05-02', 'NEW', DATE '2019-05-02', 'not-read-here', 'test') RETURNING id""").param("unit", a8).query(Long.class).single();
        jdbc.sql(
                        "INSERT INTO drug_user_status (drug_user_id, status, since, recorded_by) VALUES (:id, 'NEW', DATE '2019-05-02', 'test')")
                .param("id", user)
                .update();
        OrderFacts.Headline drugs = facts.headline(Scope.WHOLE_COUNTRY, namMy, year);
        assertThat(drugs.residentialAreasWithNoDrugUser()).isEqualTo(1);
        assertThat(drugs.communesWithNoDrugUser()).isZero();
        assertThat(of(a8, year, namMy).current().newDrugUsers()).isEqualTo(1);
        assertThat(of(namMy, year, namMy).current().newDrugUsers()).isEqualTo(1);
        assertThat(of(namMy, year + 1, namMy).current().newDrugUsers()).isZero();
        assertThat(of(namMy, year + 1, namMy).previous().newDrugUsers()).isEqualTo(1);
        // still a drug user in the next period (not recovered) …
        assertThat(of(a8, year + 1, namMy).noDrugUser()).isFalse();
        // … until recovered before it began (TT 23: the residential areas' 2020 period starts on 31/10/2019)
        jdbc.sql(
                        "INSERT INTO drug_user_status (drug_user_id, status, since, recorded_by) VALUES (:id, 'RECOVERED', DATE '2019-09-30', 'test')")
                .param("id", user)
                .update();
        assertThat(of(a8, year + 1, namMy).noDrugUser()).isTrue();
        assertThat(of(a8, year, namMy).noDrugUser()).isFalse();

        // mediations held and reconciled count for the area and the commune
        jdbc.sql("""
                INSERT INTO mediation (unit_id, held_on, parties_enc, subject, outcome, mediator, recorded_by)
                VALUES (:unit, DATE '2019-06-01', 'x', 'Tranh chấp ranh giới', 'RECONCILED', 'Tổ hòa giải', 'test'),
                       (:unit, DATE '2019-07-01', 'x', 'Tranh chấp lối đi', 'NOT_RECONCILED', 'Tổ hòa giải', 'test')""").param("unit", a7).update();
        assertThat(of(a7, year, namMy).current().mediations()).isEqualTo(2);
        assertThat(of(namMy, year, namMy).current().reconciled()).isEqualTo(1);
    }

    @Test
    void aProvinceSeesEveryUnitAndACommuneOfficerNotAnotherCommune() {
        List<UnitFacts> all = facts.forSubtree(Scope.WHOLE_COUNTRY, province, 2017);
        assertThat(all.get(0).unitId()).isEqualTo(province);
        assertThat(all).extracting(UnitFacts::unitId).contains(haiMinh, namMy, areas.get(0));
        UnitFacts provinceFacts = all.get(0);
        long underHaiMinh = all.stream()
                .filter(f -> f.parentId() != null && f.parentId() == haiMinh)
                .mapToLong(f -> f.current().crimes())
                .sum();
        assertThat(provinceFacts.current().crimes()).isGreaterThanOrEqualTo(underHaiMinh);

        Scope haiMinhOnly = Scope.of(Set.of(haiMinh));
        assertThat(facts.forSubtree(haiMinhOnly, haiMinh, 2017))
                .extracting(UnitFacts::unitId)
                .doesNotContain(namMy);
        assertThatThrownBy(() -> facts.forSubtree(haiMinhOnly, namMy, 2017)).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void seriousSubjectiveFiresAndAccidentsAndDrugHotspotsNotStableAtThePeriodsEnd() {
        long area = areas.get(3);
        for (Object[] row : new Object[][] {
            {"FIRE", "SERIOUS", true, OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 0, VN)}, // counts
            {"FIRE", "SERIOUS", false, OffsetDateTime.of(2025, 3, 2, 10, 0, 0, 0, VN)}, // cause not subjective
            {"FIRE", null, true, OffsetDateTime.of(2025, 3, 3, 10, 0, 0, 0, VN)}, // not serious
            {"TRAFFIC_ACCIDENT", "SERIOUS", true, OffsetDateTime.of(2025, 11, 10, 10, 0, 0, 0, VN)}
        }) { // commune's window only
            jdbc.sql("""
                    INSERT INTO incident (unit_id, category_code, severity, subjective_cause, occurred_at, reported_at, status,
                                          source, created_by)
                    VALUES (:unit, :category, :severity, :subjective, :at, :at, 'REPORTED', 'PATROL', 'test')""")
                    .param("unit", area)
                    .param("category", row[0])
                    .param("severity", row[1])
                    .param("subjective", row[2])
                    .param("at", row[3])
                    .update();
        }
        // two drug hotspots over the area: one complex to the end, one stable from 01/10/2025; a gambling one
        long[] ids = new long[3];
        String[] kinds = {"DRUGS", "DRUGS", "GAMBLING"};
        for (int i = 0; i < 3; i++) {
            ids[i] = jdbc.sql("""
                    INSERT INTO hotspot (name, kind, designated_on, designated_by, designation_number, created_by)
                    VALUES (:name, :kind, DATE '2024-06-01', 'UBND', '1/QĐ', 'test') RETURNING id""")
                    .param("name", "Điểm " + i)
                    .param("kind", kinds[i])
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO hotspot_unit (hotspot_id, unit_id) VALUES (:h, :u)")
                    .param("h", ids[i])
                    .param("u", area)
                    .update();
            jdbc.sql("""
                    INSERT INTO hotspot_status (hotspot_id, status, valid_from, valid_to, reason, recorded_by)
                    VALUES (:h, 'COMPLEX', DATE '2024-06-01', :to, 'thử', 'test')""")
                    .param("h", ids[i])
                    .param("to", i == 1 ? LocalDate.of(2025, 10, 1) : null)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO hotspot_status (hotspot_id, status, valid_from, reason, recorded_by)
                VALUES (:h, 'STABLE', DATE '2025-10-01', 'thử', 'test')""").param("h", ids[1]).update();
        UnitFacts y2025 = of(area, 2025, haiMinh);
        assertThat(y2025.current().seriousSubjective()).isEqualTo(1);
        assertThat(y2025.current().drugSpots()).isEqualTo(1);
        // the year before ended on 31/10/2024: both drug hotspots were complex
        assertThat(y2025.previous().drugSpots()).isEqualTo(2);
        UnitFacts commune = of(haiMinh, 2025, haiMinh);
        assertThat(commune.current().seriousSubjective()).isEqualTo(2);
        assertThat(commune.current().drugSpots()).isEqualTo(1);
    }

    /**
     * Drug users around a period's first and last day (the {@code until} boundary of a status interval),
     * under TT 23 (2021: 31/10/2020 – 31/10/2021) and TT 124 (2023: 01/11/2022 – 31/10/2023): the counts
     * per area and the headline's "areas with no drug user" equal a count made day by day from the same
     * status histories, independent of the SQL.
     */
    @Test
    void drugUsersPresentOnAPeriodsFirstOrLastDayCountAsADayByDayRecountSays() {
        long commune = units.findByCode(Scope.WHOLE_COUNTRY, "13933", LIST_DATE)
                .orElseThrow()
                .id();
        Map<Long, List<Map.Entry<String, LocalDate>>> recorded = new java.util.LinkedHashMap<>();
        for (int year : new int[] {2021, 2023}) {
            vn.tuquan.shared.Period period = vn.tuquan.shared.Period.residentialArea(year);
            LocalDate f = period.from();
            LocalDate t = period.to();
            // each history: (status, since) in order, the first since being the day detected
            List<List<Map.Entry<String, LocalDate>>> histories = List.of(
                    List.of(Map.entry("NEW", f.minusDays(30)), Map.entry("RECOVERED", f)), // recovered on the first day
                    List.of(
                            Map.entry("NEW", f.minusDays(30)),
                            Map.entry("RECOVERED", f.plusDays(1))), // using on the first day
                    List.of(Map.entry("NEW", t)), // detected on the last day
                    List.of(Map.entry("NEW", t.plusDays(1))), // detected the day after
                    List.of(
                            Map.entry("NEW", f.minusDays(60)),
                            Map.entry("RECOVERED", f.minusDays(10)),
                            Map.entry("RELAPSED", t)), // relapsed on the last day
                    List.of(
                            Map.entry("NEW", f.minusDays(60)),
                            Map.entry("RECOVERED", f.minusDays(10)),
                            Map.entry("RELAPSED", t.plusDays(1))), // relapsed the day after
                    List.of(
                            Map.entry("NEW", f.minusDays(100)),
                            Map.entry("RECOVERED", f.minusDays(1))), // recovered the day before
                    List.of(Map.entry("NEW", f), Map.entry("RECOVERED", f.plusDays(1)))); // one day in the period
            List<Map.Entry<Long, LocalUnitForm>> forms = new ArrayList<>();
            for (int i = 0; i < histories.size(); i++) {
                forms.add(new SimpleEntry<>(
                        commune,
                        new LocalUnitForm(
                                UnitKind.RESIDENTIAL_AREA,
                                "XOM",
                                "B" + year + "-" + i,
                                "Xóm biên " + year + " " + i,
                                null)));
            }
            List<Long> boundaryAreas = localUnits.createAll(Caller.SYSTEM, forms, LIST_DATE);
            for (int i = 0; i < histories.size(); i++) {
                List<Map.Entry<String, LocalDate>> history = histories.get(i);
                Map.Entry<String, LocalDate> last = history.get(history.size() - 1);
                long user = jdbc.sql("""
                        INSERT INTO drug_user (residence_unit_id, detected_on, status, status_since, full_name_enc, recorded_by)
                        VALUES (:unit, :detected, :status, :since, 'not-read-here', 'test') RETURNING id""")
                        .param("unit", boundaryAreas.get(i))
                        .param("detected", history.get(0).getValue())
                        .param("status", last.getKey())
                        .param("since", last.getValue())
                        .query(Long.class)
                        .single();
                for (Map.Entry<String, LocalDate> status : history) {
                    jdbc.sql(
                                    "INSERT INTO drug_user_status (drug_user_id, status, since, recorded_by) VALUES (:id, :status, :since, 'test')")
                            .param("id", user)
                            .param("status", status.getKey())
                            .param("since", status.getValue())
                            .update();
                }
                recorded.put(boundaryAreas.get(i), history);
            }

            // the recount, day by day over the period (a state: any day of [from, to]); new: detected from its first
            // event day
            long present = 0;
            for (Map.Entry<Long, List<Map.Entry<String, LocalDate>>> area : recorded.entrySet()) {
                List<Map.Entry<String, LocalDate>> history = area.getValue();
                boolean presentHere = presentOnSomeDay(history, f, t);
                LocalDate detected = history.get(0).getValue();
                boolean newHere = !detected.isBefore(period.firstEventDay()) && !detected.isAfter(t);
                present += presentHere ? 1 : 0;
                UnitFacts facts = of(area.getKey(), year, commune);
                assertThat(facts.current().drugUsers()).as(year + " " + history).isEqualTo(presentHere ? 1 : 0);
                assertThat(facts.noDrugUser()).as(year + " " + history).isEqualTo(!presentHere);
                assertThat(facts.current().newDrugUsers())
                        .as(year + " new: " + history)
                        .isEqualTo(newHere ? 1 : 0);
            }
            OrderFacts.Headline headline = facts.headline(Scope.WHOLE_COUNTRY, commune, year);
            assertThat(headline.residentialAreas()).isEqualTo(recorded.size());
            assertThat(headline.residentialAreasWithNoDrugUser())
                    .as(year + " headline")
                    .isEqualTo(recorded.size() - present);
            assertThat(headline.communesWithNoDrugUser()).isZero();
            assertThat(of(commune, year, commune).current().drugUsers()).isEqualTo(present);
            assertThat(present).as("the cases give both answers").isBetween(1L, (long) recorded.size() - 1);
        }
    }

    /** Whether the status on some day of [from, to] — the latest status whose day has come — is not RECOVERED. */
    private static boolean presentOnSomeDay(List<Map.Entry<String, LocalDate>> history, LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String status = null;
            for (Map.Entry<String, LocalDate> change : history) {
                if (!change.getValue().isAfter(day)) {
                    status = change.getKey();
                }
            }
            if (status != null && !status.equals("RECOVERED")) {
                return true;
            }
        }
        return false;
    }
}
