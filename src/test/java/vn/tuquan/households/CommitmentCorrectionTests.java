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
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.audit.AuditLog;
import vn.tuquan.audit.AuditRecord;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/** A village head corrects or withdraws a commitment ticked by mistake; the rate and the audit log follow. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentCorrectionTests {

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
    AuditLog log;

    long area;
    Household first;
    Household second;
    Caller head;

    @BeforeAll
    void anAreaOfItsOwn() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        area = localUnits
                .create(
                        Caller.SYSTEM,
                        HouseholdsFixture.haiMinh(),
                        new LocalUnitForm(
                                UnitKind.RESIDENTIAL_AREA, "XOM", "HMS" + System.nanoTime() % 100_000, "Xóm Sửa", null),
                        HouseholdsFixture.LIST_DATE)
                .id();
        first = households.add(
                Caller.SYSTEM, area, new HouseholdForm("CS-1", "Hoàng Văn Nhầm", null, 3, false), JAN_2023);
        second = households.add(
                Caller.SYSTEM, area, new HouseholdForm("CS-2", "Hoàng Thị Đúng", null, 2, false), JAN_2023);
        head = new Caller(
                77,
                "truongthon.xomsua",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(area)),
                Scope.of(Set.of(area)));
    }

    @Test
    void withdrawingACommitmentMovesTheRateBackAndTheLogSaysWhatWasRemoved() {
        commitments.recordAll(head, area, 2024, List.of(first.id()), LocalDate.of(2024, 3, 5));
        assertThat(commitments.registrationRate(Scope.WHOLE_COUNTRY, area, 2024))
                .extracting(RegistrationRate::registered, RegistrationRate::residents)
                .containsExactly(1L, 2L);

        Commitment removed = commitments.withdraw(head, first.id(), 2024);

        assertThat(removed.registeredOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        RegistrationRate rate = commitments.registrationRate(Scope.WHOLE_COUNTRY, area, 2024);
        assertThat(rate.registered()).isZero();
        assertThat(rate.percent()).isZero();
        assertThat(commitments.notRegistered(Scope.WHOLE_COUNTRY, area, 2024))
                .extracting(Household::code)
                .containsExactly("CS-1", "CS-2");
        assertThat(commitments.find(Scope.WHOLE_COUNTRY, first.id(), 2024)).isEmpty();
        AuditRecord entry = entry("DELETED", first.id() + "/2024");
        assertThat(entry.before()).contains("\"registeredOn\": \"2024-03-05\"", "\"signed\": true");
        assertThat(entry.after()).isNull();

        assertThatThrownBy(() -> commitments.withdraw(head, first.id(), 2024))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.notCommitted"));
    }

    @Test
    void aCorrectionStaysInsideThePeriodAndTheLogHoldsBeforeAndAfter() {
        commitments.record(head, second.id(), 2025, CommitmentForm.full(LocalDate.of(2025, 2, 1)));

        // period 2025: 01/11/2024 – 31/10/2025
        assertThatThrownBy(() -> commitments.change(
                        head,
                        second.id(),
                        2025,
                        new CommitmentForm(LocalDate.of(2025, 11, 1), true, true, false, true)))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.outsidePeriod"));
        assertThatThrownBy(() -> commitments.change(
                        head,
                        second.id(),
                        2025,
                        new CommitmentForm(LocalDate.of(2024, 10, 31), true, true, false, true)))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.outsidePeriod"));
        assertThat(commitments
                        .find(Scope.WHOLE_COUNTRY, second.id(), 2025)
                        .orElseThrow()
                        .form())
                .as("nothing changed")
                .isEqualTo(CommitmentForm.full(LocalDate.of(2025, 2, 1)));

        Commitment after = commitments.change(
                head, second.id(), 2025, new CommitmentForm(LocalDate.of(2025, 1, 20), false, true, false, true));

        assertThat(commitments.find(Scope.WHOLE_COUNTRY, second.id(), 2025)).contains(after);
        assertThat(commitments.registrationRate(Scope.WHOLE_COUNTRY, area, 2025))
                .extracting(RegistrationRate::registered, RegistrationRate::signed)
                .containsExactly(1L, 0L);
        AuditRecord entry = entry("UPDATED", second.id() + "/2025");
        assertThat(entry.before())
                .contains("\"registeredOn\": \"2025-02-01\"", "\"signed\": true", "\"selfPrevent\": true");
        assertThat(entry.after())
                .contains("\"registeredOn\": \"2025-01-20\"", "\"signed\": false", "\"selfPrevent\": false");
    }

    @Test
    void onlyInsideTheCaptureScope() {
        commitments.record(Caller.SYSTEM, first.id(), 2026, CommitmentForm.full(LocalDate.of(2026, 1, 2)));
        Caller elsewhere = new Caller(
                78,
                "truongthon.khac",
                Set.of(Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE),
                Scope.of(Set.of(HouseholdsFixture.area(0))),
                Scope.of(Set.of(HouseholdsFixture.area(0))));
        assertThatThrownBy(() -> commitments.withdraw(elsewhere, first.id(), 2026))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> commitments.change(
                        elsewhere,
                        first.id(),
                        2026,
                        new CommitmentForm(LocalDate.of(2026, 1, 3), false, false, false, false)))
                .isInstanceOf(AccessRefusedException.class);
        Caller reader = new Caller(
                79, "canbo.chixem", Set.of(Permission.MOVEMENT_READ), Scope.of(Set.of(area)), Scope.of(Set.of(area)));
        assertThatThrownBy(() -> commitments.withdraw(reader, first.id(), 2026))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(commitments
                        .find(Scope.WHOLE_COUNTRY, first.id(), 2026)
                        .orElseThrow()
                        .form())
                .isEqualTo(CommitmentForm.full(LocalDate.of(2026, 1, 2)));
    }

    private AuditRecord entry(String action, String entityId) {
        return log
                .search(Caller.SYSTEM, new AuditLog.Search(null, area, "households", null, null), 0)
                .entries()
                .stream()
                .filter(e -> e.action().equals(action)
                        && "commitment".equals(e.entityType())
                        && entityId.equals(e.entityId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " entry for " + entityId));
    }
}
