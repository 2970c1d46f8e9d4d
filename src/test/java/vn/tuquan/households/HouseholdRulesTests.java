package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdRulesTests {

    static final LocalDate JAN_2023 = LocalDate.of(2023, 1, 10);

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
    JdbcClient jdbc;

    @BeforeAll
    void units() {
        HouseholdsFixture.ensure(lists, units, localUnits);
    }

    @Test
    void everyWriteLandsInTheAuditLog(@Autowired vn.tuquan.audit.AuditLog log) {
        long area = HouseholdsFixture.area(3);
        Household h = households.add(
                Caller.SYSTEM,
                area,
                new HouseholdForm("AU-1", "Lý Thị Kiểm", "Xóm 3", 3, false),
                HouseholdsFixture.LIST_DATE);
        var entries = log.search(
                        Caller.SYSTEM, new vn.tuquan.audit.AuditLog.Search(null, area, "households", null, null), 0)
                .entries();
        org.assertj.core.api.Assertions.assertThat(entries).anySatisfy(e -> {
            org.assertj.core.api.Assertions.assertThat(e.entityType()).isEqualTo("household");
            org.assertj.core.api.Assertions.assertThat(e.entityId()).isEqualTo(Long.toString(h.id()));
            org.assertj.core.api.Assertions.assertThat(e.action()).isEqualTo("CREATED");
        });
    }

    @Test
    void aHouseholdMovesKeepingItsHistoryAndIsNeverInTwoAreasAtOnce() {
        long a = HouseholdsFixture.area(1);
        long b = HouseholdsFixture.area(2);
        Household h = households.add(
                Caller.SYSTEM, a, new HouseholdForm("MV-1", "Trần Văn Chuyển", "Xóm 2", 4, false), JAN_2023);
        households.move(Caller.SYSTEM, h.id(), b, null, LocalDate.of(2023, 6, 1));

        assertThat(households
                        .find(Scope.WHOLE_COUNTRY, h.id(), LocalDate.of(2023, 5, 31))
                        .orElseThrow()
                        .areaId())
                .isEqualTo(a);
        assertThat(households
                        .find(Scope.WHOLE_COUNTRY, h.id(), LocalDate.of(2023, 6, 1))
                        .orElseThrow()
                        .areaId())
                .isEqualTo(b);
        assertThat(households.history(Scope.WHOLE_COUNTRY, h.id()))
                .extracting(Household::areaId)
                .containsExactly(a, b);

        // the service: a move back to a before the stay in b begins would overlap it
        assertThatThrownBy(() -> households.move(
                        Caller.SYSTEM, h.id(), HouseholdsFixture.area(3), null, LocalDate.of(2023, 3, 1)))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.twoAreas"));
        assertThat(households.history(Scope.WHOLE_COUNTRY, h.id())).hasSize(2);

        // the database itself, whatever the code does
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO household_residence (household_id, area_id, code, valid_from)"
                                + " VALUES (:id, :area, 'X-1', :from)")
                        .param("id", h.id())
                        .param("area", HouseholdsFixture.area(4))
                        .param("from", LocalDate.of(2023, 7, 1))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_residence_one_area");

        // a household that never moved: a second unmarked stay is refused (one unmarked stay per household) …
        Household still =
                households.add(Caller.SYSTEM, a, new HouseholdForm("MV-2", "Trần Thị Ở", null, 2, false), JAN_2023);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO household_residence (household_id, area_id, code, valid_from)"
                                + " VALUES (:id, :area, 'X-2', :from)")
                        .param("id", still.id())
                        .param("area", HouseholdsFixture.area(4))
                        .param("from", LocalDate.of(2023, 7, 1))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_residence_household");
        // … and a marked one marks the first stay, and the constraint checks both
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO household_residence (household_id, area_id, code, valid_from, moved)"
                                        + " VALUES (:id, :area, 'X-2', :from, true)")
                        .param("id", still.id())
                        .param("area", HouseholdsFixture.area(4))
                        .param("from", LocalDate.of(2023, 7, 1))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_residence_one_area");
        // a stay of no household is refused like a foreign key would
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO household_residence (household_id, area_id, code, valid_from)"
                                + " VALUES (-1, :area, 'X-3', :from)")
                        .param("area", HouseholdsFixture.area(4))
                        .param("from", LocalDate.of(2023, 7, 1))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_residence_household_id_fkey");
        // and a household with stays cannot be deleted
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM household WHERE id = :id")
                        .param("id", still.id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_residence_household_id_fkey");
        assertThat(households.history(Scope.WHOLE_COUNTRY, still.id())).hasSize(1);
    }

    @Test
    void aCodeIsUniqueInItsArea() {
        long a = HouseholdsFixture.area(5);
        households.add(Caller.SYSTEM, a, new HouseholdForm("D-1", "Lê Thị Một", null, 2, false), JAN_2023);
        assertThatThrownBy(() -> households.add(
                        Caller.SYSTEM, a, new HouseholdForm("D-1", "Lê Thị Hai", null, 3, false), JAN_2023))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.duplicateCode"));
        assertThatThrownBy(() -> households.add(
                        Caller.SYSTEM, a, new HouseholdForm("D-2", "Lê Thị Ba", null, 0, false), JAN_2023))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.members"));
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void aCommitmentOutsideItsPeriodIsRefused() {
        long a = HouseholdsFixture.area(6);
        Household h =
                households.add(Caller.SYSTEM, a, new HouseholdForm("P-1", "Phạm Văn Kỳ", null, 3, true), JAN_2023);
        // period 2023 under TT 124/2021: 1 Nov 2022 – 31 Oct 2023
        assertThatThrownBy(() ->
                        commitments.record(Caller.SYSTEM, h.id(), 2023, CommitmentForm.full(LocalDate.of(2023, 11, 1))))
                .isInstanceOfSatisfying(HouseholdRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("households.refused.outsidePeriod");
                    assertThat(messages.getMessage(e.messageKey(), e.args(), java.util.Locale.forLanguageTag("vi")))
                            .isEqualTo("Ngày 01/11/2023 nằm ngoài kỳ đánh giá 2023 (01/11/2022 – 31/10/2023).");
                });
        commitments.record(Caller.SYSTEM, h.id(), 2023, CommitmentForm.full(LocalDate.of(2023, 10, 31)));
        assertThatThrownBy(() -> commitments.record(Caller.SYSTEM, h.id(), 2023, CommitmentForm.full(JAN_2023)))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.alreadyCommitted"));
        // and the database refuses a date no regulation's window holds
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO commitment VALUES (:id, 2024, '2022-06-01', true, true, true,"
                                + " true, 'x')")
                        .param("id", h.id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theRateMovesWhenOneCommitmentIsAdded() {
        long a = HouseholdsFixture.area(7);
        Household h1 =
                households.add(Caller.SYSTEM, a, new HouseholdForm("R-1", "Vũ Văn An", null, 4, false), JAN_2023);
        Household h2 =
                households.add(Caller.SYSTEM, a, new HouseholdForm("R-2", "Vũ Văn Bình", null, 5, false), JAN_2023);
        households.add(Caller.SYSTEM, a, new HouseholdForm("R-3", "Vũ Thị Cúc", null, 1, false), JAN_2023);
        households.add(Caller.SYSTEM, a, new HouseholdForm("R-4", "Vũ Thị Dung", null, 6, true), JAN_2023);

        assertThat(commitments.registrationRate(Scope.WHOLE_COUNTRY, a, 2023).percent())
                .isZero();
        commitments.record(Caller.SYSTEM, h1.id(), 2023, CommitmentForm.full(LocalDate.of(2023, 2, 1)));
        RegistrationRate rate = commitments.registrationRate(Scope.WHOLE_COUNTRY, a, 2023);
        assertThat(rate.residents()).isEqualTo(4);
        assertThat(rate.registered()).isEqualTo(1);
        assertThat(rate.percent()).isEqualTo(25.0);
        assertThat(commitments.notRegistered(Scope.WHOLE_COUNTRY, a, 2023))
                .extracting(Household::code)
                .containsExactly("R-2", "R-3", "R-4");

        commitments.recordAll(Caller.SYSTEM, a, 2023, List.of(h1.id(), h2.id()), LocalDate.of(2023, 3, 1));
        assertThat(commitments.registrationRate(Scope.WHOLE_COUNTRY, a, 2023).percent())
                .isEqualTo(50.0);

        List<RegistrationRate> rates = commitments.rates(Scope.WHOLE_COUNTRY, HouseholdsFixture.namMy(), 2023);
        assertThat(rates).extracting(RegistrationRate::areaId).contains(a, HouseholdsFixture.area(6));
        assertThat(rates)
                .filteredOn(r -> r.areaId() == a)
                .singleElement()
                .extracting(RegistrationRate::registered)
                .isEqualTo(2L);
    }

    /**
     * The 100% rule counts the households living in the area on the period's last day (31/10 under TT 124):
     * one that moves out on 31/10 no longer counts there, one that moves out on 1/11 still does, one that
     * moves in on 31/10 counts in its new area and may register that day; each area's rate, its list of
     * households not registered and the criterion computed from the rate agree.
     */
    @Test
    void aHouseholdMovingInOrOutOn31OctoberCountsWhereItLivesThatDay() {
        for (int year : new int[] {2023, 2024}) {
            List<Long> areas = new java.util.ArrayList<>();
            for (String name : List.of("P", "Q", "R")) {
                areas.addAll(localUnits.createAll(
                        Caller.SYSTEM,
                        List.of(java.util.Map.entry(
                                HouseholdsFixture.haiMinh(),
                                new vn.tuquan.units.LocalUnitForm(
                                        vn.tuquan.units.UnitKind.RESIDENTIAL_AREA,
                                        "XOM",
                                        "BD-" + name + year,
                                        "Xóm Biên " + name + " " + year,
                                        null))),
                        HouseholdsFixture.LIST_DATE));
            }
            long p = areas.get(0);
            long q = areas.get(1);
            long r = areas.get(2);
            LocalDate end = vn.tuquan.shared.Period.residentialArea(year).to();
            assertThat(end).isEqualTo(LocalDate.of(year, 10, 31));
            LocalDate arrived = LocalDate.of(year - 1, 11, 1);
            Household stays = households.add(
                    Caller.SYSTEM, p, new HouseholdForm("BD-" + year + "-1", "Hộ Ở Lại P", null, 3, false), arrived);
            Household leavesOnTheLastDay = households.add(
                    Caller.SYSTEM,
                    p,
                    new HouseholdForm("BD-" + year + "-2", "Hộ Đi Ngày Cuối", null, 2, false),
                    arrived);
            Household staysInQ = households.add(
                    Caller.SYSTEM, q, new HouseholdForm("BD-" + year + "-3", "Hộ Ở Lại Q", null, 3, false), arrived);
            Household leavesTheDayAfter = households.add(
                    Caller.SYSTEM, q, new HouseholdForm("BD-" + year + "-4", "Hộ Đi Hôm Sau", null, 4, false), arrived);
            Household staysInR = households.add(
                    Caller.SYSTEM, r, new HouseholdForm("BD-" + year + "-5", "Hộ Ở Lại R", null, 5, false), arrived);
            commitments.recordAll(Caller.SYSTEM, p, year, List.of(stays.id()), LocalDate.of(year, 1, 1));
            commitments.recordAll(Caller.SYSTEM, q, year, List.of(staysInQ.id()), LocalDate.of(year, 1, 1));
            commitments.recordAll(Caller.SYSTEM, r, year, List.of(staysInR.id()), LocalDate.of(year, 1, 1));
            households.move(Caller.SYSTEM, leavesOnTheLastDay.id(), r, null, end); // out of P, into R on 31/10
            households.move(Caller.SYSTEM, leavesTheDayAfter.id(), r, null, end.plusDays(1)); // out of Q on 1/11

            RegistrationRate rateP = commitments.registrationRate(Scope.WHOLE_COUNTRY, p, year);
            assertThat(rateP.residents()).as(year + ": P on 31/10").isEqualTo(1);
            assertThat(rateP.complete()).isTrue();
            assertThat(commitments.notRegistered(Scope.WHOLE_COUNTRY, p, year)).isEmpty();

            RegistrationRate rateQ = commitments.registrationRate(Scope.WHOLE_COUNTRY, q, year);
            assertThat(rateQ.residents()).as(year + ": Q on 31/10").isEqualTo(2);
            assertThat(rateQ.registered()).isEqualTo(1);
            assertThat(rateQ.complete()).isFalse();
            assertThat(commitments.notRegistered(Scope.WHOLE_COUNTRY, q, year))
                    .extracting(Household::id)
                    .containsExactly(leavesTheDayAfter.id());

            RegistrationRate rateR = commitments.registrationRate(Scope.WHOLE_COUNTRY, r, year);
            assertThat(rateR.residents())
                    .as(year + ": R on 31/10, the arrival of that day included")
                    .isEqualTo(2);
            assertThat(rateR.complete()).isFalse();
            assertThat(commitments.notRegistered(Scope.WHOLE_COUNTRY, r, year))
                    .extracting(Household::id)
                    .containsExactly(leavesOnTheLastDay.id());
            assertThat(criterion(rateR)).isEqualTo(vn.tuquan.evaluation.rules.Result.NOT_MET);
            // the arrival registers on its first day in R, the period's last: R is at 100%
            commitments.recordAll(Caller.SYSTEM, r, year, List.of(leavesOnTheLastDay.id()), end);
            assertThat(commitments
                            .registrationRate(Scope.WHOLE_COUNTRY, r, year)
                            .complete())
                    .isTrue();
            assertThat(criterion(commitments.registrationRate(Scope.WHOLE_COUNTRY, r, year)))
                    .isEqualTo(vn.tuquan.evaluation.rules.Result.MET);
            assertThat(criterion(rateP)).isEqualTo(vn.tuquan.evaluation.rules.Result.MET);
            assertThat(criterion(rateQ)).isEqualTo(vn.tuquan.evaluation.rules.Result.NOT_MET);
            // the commune's list of rates says the same
            assertThat(commitments.rates(Scope.WHOLE_COUNTRY, HouseholdsFixture.haiMinh(), year))
                    .filteredOn(rate -> areas.contains(rate.areaId()))
                    .extracting(RegistrationRate::areaId, RegistrationRate::residents, RegistrationRate::registered)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(p, 1L, 1L),
                            org.assertj.core.groups.Tuple.tuple(q, 2L, 1L),
                            org.assertj.core.groups.Tuple.tuple(r, 2L, 2L));
        }
    }

    /** A registration dated 1 January belongs to the period that runs over it (1/11 – 31/10), never to the year before's. */
    @Test
    void aRegistrationOn1JanuaryBelongsToThePeriodEndingThatOctober() {
        long a = HouseholdsFixture.area(5);
        Household h = households.add(
                Caller.SYSTEM, a, new HouseholdForm("JAN-1", "Đào Văn Tết", null, 3, false), LocalDate.of(2022, 11, 1));
        LocalDate newYear = LocalDate.of(2023, 1, 1);
        assertThatThrownBy(() -> commitments.record(Caller.SYSTEM, h.id(), 2022, CommitmentForm.full(newYear)))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.outsidePeriod"));
        commitments.record(Caller.SYSTEM, h.id(), 2023, CommitmentForm.full(newYear));
        assertThat(commitments
                        .find(Scope.WHOLE_COUNTRY, h.id(), 2023)
                        .orElseThrow()
                        .registeredOn())
                .isEqualTo(newYear);
        assertThat(commitments.registered(Scope.WHOLE_COUNTRY, a, 2023)).contains(h.id());
        assertThat(commitments.registered(Scope.WHOLE_COUNTRY, a, 2022)).doesNotContain(h.id());
    }

    private static vn.tuquan.evaluation.rules.Result criterion(RegistrationRate rate) {
        vn.tuquan.evaluation.rules.Facts facts = new vn.tuquan.evaluation.rules.Facts(
                "RESIDENTIAL_AREA",
                rate.year(),
                vn.tuquan.shared.Period.residentialArea(rate.year()).from(),
                vn.tuquan.shared.Period.residentialArea(rate.year()).to(),
                java.util.Map.of(
                        vn.tuquan.evaluation.rules.Fact.HOUSEHOLDS_TOTAL,
                        rate.residents(),
                        vn.tuquan.evaluation.rules.Fact.HOUSEHOLDS_REGISTERED,
                        rate.registered()),
                java.util.Map.of());
        return new vn.tuquan.evaluation.rules.HouseholdsRegistered()
                .evaluate(facts, new vn.tuquan.evaluation.rules.Params(java.util.Map.of("minPercent", "100")))
                .result();
    }

    @Test
    void writesStayInsideTheCaptureScope() {
        Caller head = new Caller(
                99,
                "truongthon.test",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(HouseholdsFixture.area(0))),
                Scope.of(Set.of(HouseholdsFixture.area(0))));
        households.add(
                head, HouseholdsFixture.area(0), new HouseholdForm("S-1", "Đỗ Văn Sơn", null, 2, false), JAN_2023);
        assertThatThrownBy(() -> households.add(
                        head,
                        HouseholdsFixture.area(1),
                        new HouseholdForm("S-2", "Đỗ Văn Tùng", null, 2, false),
                        JAN_2023))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> commitments.rates(head.view(), HouseholdsFixture.haiMinh(), 2023))
                .isInstanceOf(AccessRefusedException.class);
    }
}
