package vn.tuquan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.tuquan.TuquanTest;
import vn.tuquan.order.PersonStatistics;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** F13 from the demo's records: 807 residential areas and 12 communes of Nam Định with no drug user in 2017. */
@TuquanTest
@ActiveProfiles("demo")
class DemoPersonsTests {

    @Autowired
    Units units;

    @Autowired
    PersonStatistics statistics;

    @Autowired
    DemoPersons persons;

    @Autowired
    JdbcClient jdbc;

    record Status(long drugUserId, String status, LocalDate since) {}

    @Test
    void f13EightHundredSevenAreasAndTwelveCommunesHaveNoDrugUserIn2017() {
        Period period = Period.residentialArea(2017);
        UnitView province =
                units.findByCode(Scope.WHOLE_COUNTRY, "36", period.to()).orElseThrow();
        PersonStatistics.NoDrugUser facts = statistics.noDrugUser(Scope.WHOLE_COUNTRY, province.id(), 2017);
        assertThat(facts).isEqualTo(new PersonStatistics.NoDrugUser(2017, 3161, 807, 229, 12));

        // the same, computed here from the raw records with the definition of docs/order.md
        Map<Long, Long> residence = new HashMap<>();
        Map<Long, LocalDate> detected = new HashMap<>();
        jdbc.sql("SELECT id, residence_unit_id, detected_on FROM drug_user").query((java.sql.ResultSet rs) -> {
            residence.put(rs.getLong(1), rs.getLong(2));
            detected.put(rs.getLong(1), rs.getObject(3, LocalDate.class));
        });
        Map<Long, List<Status>> history = new HashMap<>();
        jdbc.sql("SELECT drug_user_id, status, since FROM drug_user_status ORDER BY drug_user_id, since")
                .query((rs, n) -> new Status(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list()
                .forEach(s -> history.computeIfAbsent(s.drugUserId(), k -> new ArrayList<>())
                        .add(s));
        Set<Long> unitsWithADrugUser = new HashSet<>();
        int inactiveRecords = 0;
        for (long id : residence.keySet()) {
            boolean active = false;
            for (LocalDate day = period.from(); !day.isAfter(period.to()) && !active; day = day.plusDays(1)) {
                if (detected.get(id).isAfter(day)) {
                    continue;
                }
                String status = null;
                for (Status s : history.get(id)) {
                    if (!s.since().isAfter(day)) {
                        status = s.status();
                    }
                }
                active = status != null && !status.equals("RECOVERED");
            }
            if (active) {
                unitsWithADrugUser.add(residence.get(id));
            } else {
                inactiveRecords++;
            }
        }
        assertThat(inactiveRecords)
                .as("records that do not count for 2017 exist")
                .isPositive();
        List<UnitView> communes = units.subtree(
                        Scope.WHOLE_COUNTRY, province.id(), Set.of(UnitKind.COMMUNE), period.to(), 1000, 0)
                .units();
        int areas = 0;
        int areasWithout = 0;
        int communesWithout = 0;
        for (UnitView commune : communes) {
            boolean communeHas = unitsWithADrugUser.contains(commune.id());
            for (UnitView area : units.children(Scope.WHOLE_COUNTRY, commune.id(), period.to())) {
                if (area.kind() != UnitKind.RESIDENTIAL_AREA) {
                    continue;
                }
                areas++;
                boolean has = unitsWithADrugUser.contains(area.id());
                areasWithout += has ? 0 : 1;
                communeHas |= has;
            }
            communesWithout += communeHas ? 0 : 1;
        }
        assertThat(areas).isEqualTo(3161);
        assertThat(communes).hasSize(229);
        assertThat(areasWithout).isEqualTo(807);
        assertThat(communesWithout).isEqualTo(12);

        // loading again adds nothing
        long records =
                jdbc.sql("SELECT count(*) FROM drug_user").query(Long.class).single();
        persons.loadIfAbsent();
        assertThat(jdbc.sql("SELECT count(*) FROM drug_user").query(Long.class).single())
                .isEqualTo(records);
        assertThat(jdbc.sql("SELECT count(*) FROM mediation").query(Long.class).single())
                .isGreaterThan(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM re_education")
                        .query(Long.class)
                        .single())
                .isGreaterThan(100);
    }
}
