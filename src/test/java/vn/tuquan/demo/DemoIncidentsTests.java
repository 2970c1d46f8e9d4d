package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.order.IncidentFilter;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.order.Incidents;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The demo's incidents: F13's 1,081 residential areas of Nam Định without crime in the 2017 period, from the records. */
@TuquanTest
@ActiveProfiles("demo")
class DemoIncidentsTests {

    @Autowired
    Units units;

    @Autowired
    Incidents incidents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoIncidents demo;

    @Test
    void exactly1081ResidentialAreasOfNamDinhHadNoCrimeInThe2017Period() {
        Period period = Period.residentialArea(2017);
        UnitView province =
                units.findByCode(Scope.WHOLE_COUNTRY, "36", NamDinh2017.AS_OF).orElseThrow();
        List<Long> areas = new ArrayList<>();
        for (int offset = 0; ; ) {
            Units.Page page = units.subtree(
                    Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.RESIDENTIAL_AREA), period.to(), 2000, offset);
            page.units().forEach(u -> areas.add(u.id()));
            if (!page.more()) {
                break;
            }
            offset += page.units().size();
        }
        long withCrime = jdbc.sql("""
                SELECT count(DISTINCT i.unit_id) FROM incident i JOIN incident_category c ON c.code = i.category_code
                 WHERE c.kind = 'CRIME' AND NOT i.withdrawn AND i.unit_id = ANY (CAST(:areas AS bigint[]))
                   AND i.occurred_at >= :from AND i.occurred_at < :until""")
                .param("areas", areas.toArray(Long[]::new))
                .param("from", Incidents.start(period))
                .param("until", Incidents.end(period))
                .query(Long.class)
                .single();
        assertThat(areas).hasSize(3161);
        assertThat(areas.size() - withCrime).isEqualTo(1081);
    }

    @Test
    void theDemoHasCriterionThreeEventsFiresAccidentsAndSchoolViolenceAndLoadsOnce() {
        Period period = Period.residentialArea(2017);
        for (IncidentKind kind : List.of(
                IncidentKind.SECURITY_EVENT,
                IncidentKind.FIRE,
                IncidentKind.TRAFFIC_ACCIDENT,
                IncidentKind.SCHOOL_VIOLENCE,
                IncidentKind.LABOUR_ACCIDENT,
                IncidentKind.HIGH_VALUE_THEFT)) {
            assertThat(incidents
                            .list(
                                    Scope.WHOLE_COUNTRY,
                                    new IncidentFilter(null, null, period, null, kind, null, null),
                                    0,
                                    1)
                            .total())
                    .as(kind.name())
                    .isPositive();
        }
        long all =
                incidents.list(Scope.WHOLE_COUNTRY, IncidentFilter.all(), 0, 1).total();
        assertThat(all).isBetween(2_000L, 10_000L);
        demo.loadIfAbsent();
        assertThat(incidents
                        .list(Scope.WHOLE_COUNTRY, IncidentFilter.all(), 0, 1)
                        .total())
                .isEqualTo(all);
    }
}
