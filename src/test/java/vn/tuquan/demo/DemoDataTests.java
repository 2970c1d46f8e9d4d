package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.SearchHit;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The demo holds Nam Định as of 2017, and loading it again adds nothing. */
@TuquanTest
@ActiveProfiles("demo")
class DemoDataTests {

    @Autowired
    Units units;

    @Autowired
    NamDinh2017 namDinh;

    @Autowired
    JdbcClient jdbc;

    @Test
    void namDinhAsOf2017HasItsRealDistrictsAndCommunesAndGeneratedVillages() {
        UnitView province =
                units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF).orElseThrow();
        assertThat(province.name()).isEqualTo("Tỉnh Nam Định");
        Optional<Long> within = Optional.of(province.id());
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.DISTRICT, NamDinh2017.AS_OF, within))
                .isEqualTo(10);
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.COMMUNE, NamDinh2017.AS_OF, within))
                .isEqualTo(229);
        long areas = units.count(Scope.WHOLE_COUNTRY, UnitKind.RESIDENTIAL_AREA, NamDinh2017.AS_OF, within);
        assertThat(areas).isBetween(229L * 6, 229L * 21);
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF.minusDays(1)))
                .as("nothing before 2017")
                .isEmpty();
    }

    @Test
    void theOrganisationsOfTheArticleAreThereWithWhatTheEvaluationNeeds() {
        SearchHit hospital = units.search(
                        Scope.WHOLE_COUNTRY,
                        "benh vien da khoa tinh nam dinh",
                        NamDinh2017.AS_OF,
                        Set.of(UnitKind.HOSPITAL),
                        Optional.empty(),
                        1)
                .get(0);
        assertThat(hospital.fullName()).endsWith("Thành phố Nam Định, Tỉnh Nam Định");
        UnitView zone = units.search(
                        Scope.WHOLE_COUNTRY,
                        "bao minh",
                        NamDinh2017.AS_OF,
                        Set.of(UnitKind.INDUSTRIAL_ZONE),
                        Optional.empty(),
                        1)
                .get(0)
                .unit();
        assertThat(units.children(Scope.WHOLE_COUNTRY, zone.id(), NamDinh2017.AS_OF))
                .extracting(UnitView::kind)
                .hasSizeGreaterThanOrEqualTo(3)
                .containsOnly(UnitKind.ENTERPRISE);
        assertThat(units.search(
                        Scope.WHOLE_COUNTRY,
                        "son nam",
                        NamDinh2017.AS_OF,
                        Set.of(UnitKind.ENTERPRISE),
                        Optional.empty(),
                        5))
                .extracting(h -> h.unit().name())
                .contains("Công ty Cổ phần Dệt may Sơn Nam");
        assertThat(units.search(
                        Scope.WHOLE_COUNTRY,
                        "day thep",
                        NamDinh2017.AS_OF,
                        Set.of(UnitKind.ENTERPRISE),
                        Optional.empty(),
                        5))
                .extracting(h -> h.unit().name())
                .contains("Công ty Cổ phần Dây thép Nam Định");
        List<SearchHit> police = units.search(
                Scope.WHOLE_COUNTRY, "cong an tinh", NamDinh2017.AS_OF, Set.of(UnitKind.AGENCY), Optional.empty(), 1);
        assertThat(police.get(0).unit().organisation().exclusion())
                .isEqualTo(OrganisationDetails.Exclusion.ARMED_FORCES);
        assertThat(units.search(
                                Scope.WHOLE_COUNTRY,
                                "mam non",
                                NamDinh2017.AS_OF,
                                Set.of(UnitKind.SCHOOL),
                                Optional.empty(),
                                1)
                        .get(0)
                        .unit()
                        .organisation()
                        .exclusion())
                .isEqualTo(OrganisationDetails.Exclusion.KINDERGARTEN);
    }

    @Test
    void haiHauHasALivingHouseholdRegisterFor2017(@Autowired vn.tuquan.households.Commitments commitments) {
        UnitView haiHau =
                units.findByCode(Scope.WHOLE_COUNTRY, "366", NamDinh2017.AS_OF).orElseThrow();
        var rates = commitments.rates(Scope.WHOLE_COUNTRY, haiHau.id(), DemoHouseholds.YEAR);
        assertThat(rates).hasSizeGreaterThan(300);
        long complete = rates.stream()
                .filter(vn.tuquan.households.RegistrationRate::complete)
                .count();
        assertThat(complete)
                .as("most villages fully registered")
                .isGreaterThan(rates.size() / 2)
                .as("some not")
                .isLessThan(rates.size());
        UnitView haiMinh = units.findByCode(Scope.WHOLE_COUNTRY, "14233", NamDinh2017.AS_OF)
                .orElseThrow();
        long demoVillage = units.children(Scope.WHOLE_COUNTRY, haiMinh.id(), NamDinh2017.AS_OF).stream()
                .filter(u -> u.kind() == UnitKind.RESIDENTIAL_AREA)
                .findFirst()
                .orElseThrow()
                .id();
        var village = commitments.registrationRate(Scope.WHOLE_COUNTRY, demoVillage, DemoHouseholds.YEAR);
        assertThat(village.residents() - village.registered())
                .as("left for the village head to register")
                .isEqualTo(3);
    }

    @Test
    void loadingAgainAddsNothing() {
        long before =
                jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single();
        namDinh.loadIfAbsent();
        assertThat(jdbc.sql("SELECT count(*) FROM unit_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
