package vn.tuquan.demo;

import vn.tuquan.shared.Scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
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
        UnitView province = units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF).orElseThrow();
        assertThat(province.name()).isEqualTo("Tỉnh Nam Định");
        Optional<Long> within = Optional.of(province.id());
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.DISTRICT, NamDinh2017.AS_OF, within)).isEqualTo(10);
        assertThat(units.count(Scope.WHOLE_COUNTRY, UnitKind.COMMUNE, NamDinh2017.AS_OF, within)).isEqualTo(229);
        long areas = units.count(Scope.WHOLE_COUNTRY, UnitKind.RESIDENTIAL_AREA, NamDinh2017.AS_OF, within);
        assertThat(areas).isBetween(229L * 6, 229L * 21);
        assertThat(units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF.minusDays(1))).as("nothing before 2017").isEmpty();
    }

    @Test
    void theOrganisationsOfTheArticleAreThereWithWhatTheEvaluationNeeds() {
        SearchHit hospital = units.search(Scope.WHOLE_COUNTRY, "benh vien da khoa tinh nam dinh", NamDinh2017.AS_OF,
                Set.of(UnitKind.HOSPITAL), Optional.empty(), 1).get(0);
        assertThat(hospital.fullName()).endsWith("Thành phố Nam Định, Tỉnh Nam Định");
        UnitView zone = units.search(Scope.WHOLE_COUNTRY, "bao minh", NamDinh2017.AS_OF, Set.of(UnitKind.INDUSTRIAL_ZONE), Optional.empty(), 1)
                .get(0).unit();
        assertThat(units.children(Scope.WHOLE_COUNTRY, zone.id(), NamDinh2017.AS_OF)).extracting(UnitView::kind)
                .hasSizeGreaterThanOrEqualTo(3).containsOnly(UnitKind.ENTERPRISE);
        assertThat(units.search(Scope.WHOLE_COUNTRY, "son nam", NamDinh2017.AS_OF, Set.of(UnitKind.ENTERPRISE), Optional.empty(), 5))
                .extracting(h -> h.unit().name()).contains("Công ty Cổ phần Dệt may Sơn Nam");
        assertThat(units.search(Scope.WHOLE_COUNTRY, "day thep", NamDinh2017.AS_OF, Set.of(UnitKind.ENTERPRISE), Optional.empty(), 5))
                .extracting(h -> h.unit().name()).contains("Công ty Cổ phần Dây thép Nam Định");
        List<SearchHit> police = units.search(Scope.WHOLE_COUNTRY, "cong an tinh", NamDinh2017.AS_OF, Set.of(UnitKind.AGENCY),
                Optional.empty(), 1);
        assertThat(police.get(0).unit().organisation().exclusion())
                .isEqualTo(OrganisationDetails.Exclusion.ARMED_FORCES);
        assertThat(units.search(Scope.WHOLE_COUNTRY, "mam non", NamDinh2017.AS_OF, Set.of(UnitKind.SCHOOL), Optional.empty(), 1).get(0)
                .unit().organisation().exclusion()).isEqualTo(OrganisationDetails.Exclusion.KINDERGARTEN);
    }

    @Test
    void loadingAgainAddsNothing() {
        long before = jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single();
        namDinh.loadIfAbsent();
        assertThat(jdbc.sql("SELECT count(*) FROM unit_version").query(Long.class).single()).isEqualTo(before);
    }
}
