package vn.tuquan.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/** An agency's, enterprise's or school's staff briefed and signed, per period. */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=households")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationCommitmentsTests {

    static final LocalDate IN_2023 = LocalDate.of(2023, 3, 1);

    @Autowired
    OfficialLists lists;

    @Autowired
    Units units;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    OrganisationCommitments organisations;

    long school;
    long commune;

    @BeforeAll
    void anOrganisation() {
        HouseholdsFixture.ensure(lists, units, localUnits);
        commune = HouseholdsFixture.haiMinh();
        school = localUnits
                .create(
                        Caller.SYSTEM,
                        commune,
                        new LocalUnitForm(
                                UnitKind.SCHOOL,
                                null,
                                null,
                                "Trường THCS Hải Minh " + System.nanoTime(),
                                new OrganisationDetails("giáo dục", true, 40, null)),
                        HouseholdsFixture.LIST_DATE)
                .id();
    }

    @Test
    void theStaffBriefedAndSignedAreRecordedOncePerPeriodAndCanBeCorrected() {
        var first = organisations.record(Caller.SYSTEM, school, 2023, 40, 38, 36, IN_2023);
        assertThat(first.complete()).isFalse();
        assertThat(first.briefedPercent()).isEqualTo(95.0);
        var corrected = organisations.record(Caller.SYSTEM, school, 2023, 40, 40, 40, IN_2023.plusDays(10));
        assertThat(corrected.complete()).isTrue();
        assertThat(organisations.find(Scope.WHOLE_COUNTRY, school, 2023)).contains(corrected);
        assertThat(organisations.find(Scope.WHOLE_COUNTRY, school, 2022)).isEmpty();
    }

    @Test
    void wrongCountsADateOutsideThePeriodOrAPlaceAreRefused() {
        assertThatThrownBy(() -> organisations.record(Caller.SYSTEM, school, 2023, 40, 41, 10, IN_2023))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.staffBriefed"));
        assertThatThrownBy(
                        () -> organisations.record(Caller.SYSTEM, school, 2023, 40, 40, 40, LocalDate.of(2023, 11, 20)))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.outsidePeriod"));
        assertThatThrownBy(() -> organisations.record(Caller.SYSTEM, commune, 2023, 40, 40, 40, IN_2023))
                .isInstanceOfSatisfying(
                        HouseholdRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("households.refused.notAnOrganisation"));
    }

    @Test
    void onlyInsideTheCaptureScope() {
        Caller elsewhere = new Caller(
                1,
                "o.noi.khac",
                java.util.EnumSet.allOf(Permission.class),
                Scope.of(java.util.Set.of(HouseholdsFixture.namMy())),
                Scope.of(java.util.Set.of(HouseholdsFixture.namMy())));
        assertThatThrownBy(() -> organisations.record(elsewhere, school, 2023, 40, 40, 40, IN_2023))
                .isInstanceOf(AccessRefusedException.class);
    }
}
