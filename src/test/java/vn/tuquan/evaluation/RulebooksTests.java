package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.evaluation.rules.Rule;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.Units;

/**
 * Rulebooks on the embedded PostgreSQL: the rulebook in force by year across the changes of
 * regulation; a provincial version adjusts only editable criteria and adds the province's own, is
 * picked for the province's periods from its date, leaves every earlier version as it was and is
 * audited; refusals write nothing.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-rulebooks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulebooksTests {

    @Autowired
    Rulebooks rulebooks;

    @Autowired
    AdoptingRulebooks adopting;

    @Autowired
    JdbcClient jdbc;

    RulebooksFixture nd;

    @BeforeAll
    void setUp(@Autowired OfficialLists lists, @Autowired Units units, @Autowired UserAccounts accounts) {
        nd = RulebooksFixture.ensure(lists, units, accounts);
    }

    String rows() {
        return jdbc.sql("""
                SELECT string_agg(concat_ws('|', r.id, r.code, r.version, r.effective_from, c.unit_kind, c.position, c.criterion,
                                            c.params::text, c.editable, c.provincial, c.article, c.name_vi, c.name_en), E'\\n'
                                  ORDER BY r.id, c.unit_kind, c.position)
                  FROM rulebook r JOIN rulebook_criterion c ON c.rulebook_id = r.id""").query(String.class).single();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theRulebookInForceFollowsTheYearAcrossTheChangesOfRegulation() {
        // a province without its own version: Thái Bình (34), never adopted anything in these tests
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", 2021, 99L)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT23_2012");
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", 2022, 99L)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT124_2021");
        assertThat(rulebooks
                        .inForce("COMMUNE", 2021, 99L)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT23_2012");
        assertThat(rulebooks
                        .inForce("COMMUNE", 2022, 99L)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT124_2021");
        assertThat(rulebooks
                        .inForce("SCHOOL", 2024, null)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT124_2021");
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", 2025, null)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT48_2025");
        assertThat(rulebooks
                        .inForce("COMMUNE", 2021, null)
                        .orElseThrow()
                        .criteria()
                        .rules())
                .extracting(Rule::criterion)
                .contains("POLICE_RATED_ADVANCED")
                .doesNotContain("POLICE_NOT_DISCIPLINED");
    }

    @Test
    void aProvincialVersionAdjustsEditableThresholdsAddsItsOwnAndIsInForceFromItsDate() {
        String before = rows();
        long audited =
                count("SELECT count(*) FROM audit_event WHERE module = 'evaluation' AND entity_type = 'rulebook'");
        LocalDate from = LocalDate.of(2026, 1, 1);
        RulebookVersionDetail adopted = adopting.adopt(
                nd.provincialOfficer(),
                nd.province(),
                new RulebookAdoption(
                        from,
                        List.of(
                                new CriterionAdjustment(
                                        "RESIDENTIAL_AREA", "DISPUTES_MEDIATED", Map.of("minPercent", "80")),
                                new CriterionAdjustment(
                                        "COMMUNE", "NO_SERIOUS_CRIME", Map.of("fromClass", "LESS_SERIOUS"))),
                        List.of(new CriterionAddition(
                                "RESIDENTIAL_AREA",
                                "INTERNAL_RULES",
                                Map.of(),
                                "QĐ 15/2025/QĐ-UBND",
                                "Có hương ước, quy ước về an ninh, trật tự",
                                "Village rules on security adopted"))));

        assertThat(adopted.rulebook().code()).isEqualTo("TT48_2025-36");
        assertThat(adopted.rulebook().provinceId()).isEqualTo(nd.province());
        assertThat(adopted.rulebook().effectiveFrom()).isEqualTo(from);
        assertThat(adopted.createdBy()).isEqualTo(RulebooksFixture.PROVINCIAL);
        long tt48 = rulebooks
                .inForce("RESIDENTIAL_AREA", LocalDate.of(2025, 12, 31), nd.province())
                .orElseThrow()
                .rulebook()
                .id();
        assertThat(adopted.basedOn()).isEqualTo(tt48);
        List<RulebookCriterion> areas = adopted.criteria().get("RESIDENTIAL_AREA");
        RulebookCriterion disputes = areas.stream()
                .filter(l -> l.criterion().equals("DISPUTES_MEDIATED"))
                .findFirst()
                .orElseThrow();
        assertThat(disputes.params()).containsEntry("minPercent", "80");
        RulebookCriterion added = areas.get(areas.size() - 1);
        assertThat(added.criterion()).isEqualTo("INTERNAL_RULES");
        assertThat(added.provincial()).isTrue();
        assertThat(added.position()).isEqualTo(areas.size());
        assertThat(areas.stream().filter(RulebookCriterion::provincial)).hasSize(1);

        // earlier versions: every row as it was, the new rows beside them
        assertThat(rows()).startsWith(before);
        // in force for the province's periods ending on or after its date, and only for the province
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", 2026, nd.province())
                        .orElseThrow()
                        .rulebook()
                        .id())
                .isEqualTo(adopted.rulebook().id());
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", LocalDate.of(2025, 12, 31), nd.province())
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT48_2025");
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", 2026, null)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT48_2025");
        assertThat(rulebooks
                        .inForce("RESIDENTIAL_AREA", 2026, nd.province())
                        .orElseThrow()
                        .criteria()
                        .rules())
                .extracting(Rule::criterion)
                .endsWith("RE_EDUCATION", "INTERNAL_RULES");
        // audited, with what changed
        assertThat(count("SELECT count(*) FROM audit_event WHERE module = 'evaluation' AND entity_type = 'rulebook'"))
                .isEqualTo(audited + 1);
        assertThat(jdbc.sql("""
                SELECT after->>'code' FROM audit_event WHERE module = 'evaluation' AND entity_type = 'rulebook'
                 AND entity_id = :id""")
                        .param("id", Long.toString(adopted.rulebook().id()))
                        .query(String.class)
                        .single())
                .isEqualTo("TT48_2025-36");

        // a second version is based on the first, numbered after it, and keeps the province's addition
        RulebookVersionDetail second = adopting.adopt(
                nd.provincialOfficer(),
                nd.province(),
                new RulebookAdoption(
                        LocalDate.of(2027, 1, 1),
                        List.of(new CriterionAdjustment(
                                "RESIDENTIAL_AREA", "DISPUTES_MEDIATED", Map.of("minPercent", "90"))),
                        List.of()));
        assertThat(second.rulebook().code()).isEqualTo("TT48_2025-36");
        assertThat(second.rulebook().version()).isEqualTo(adopted.rulebook().version() + 1);
        assertThat(second.basedOn()).isEqualTo(adopted.rulebook().id());
        assertThat(second.criteria().get("RESIDENTIAL_AREA"))
                .extracting(RulebookCriterion::criterion)
                .endsWith("INTERNAL_RULES");
        assertThat(
                        rulebooks
                                .version(Scope.WHOLE_COUNTRY, adopted.rulebook().id())
                                .criteria()
                                .get("RESIDENTIAL_AREA")
                                .stream()
                                .filter(l -> l.criterion().equals("DISPUTES_MEDIATED"))
                                .findFirst()
                                .orElseThrow()
                                .params())
                .containsEntry("minPercent", "80");
    }

    @Test
    void aChangeOfACriterionThatIsNotEditableIsRefusedNamingIt() {
        String before = rows();
        assertThatThrownBy(() -> adopting.adopt(
                        nd.provincialOfficer(),
                        nd.province(),
                        new RulebookAdoption(
                                LocalDate.of(2026, 3, 1),
                                List.of(new CriterionAdjustment(
                                        "RESIDENTIAL_AREA", "HOUSEHOLDS_REGISTERED", Map.of("minPercent", "90"))),
                                List.of())))
                .isInstanceOfSatisfying(RulebookRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("adjustments");
                    assertThat(e.messageKey()).isEqualTo("evaluation.rulebooks.error.notEditable");
                    assertThat(e.args()).contains("HOUSEHOLDS_REGISTERED");
                });
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void badAdjustmentsAndAdditionsAreRefusedWithNothingWritten() {
        String before = rows();
        LocalDate day = LocalDate.of(2026, 3, 1);
        record Case(RulebookAdoption adoption, String field, String key) {}
        for (Case c : List.of(
                new Case(
                        new RulebookAdoption(
                                null,
                                List.of(new CriterionAdjustment("COMMUNE", "NO_DRUG_SPOT", Map.of("max", "1"))),
                                List.of()),
                        "effectiveFrom",
                        "evaluation.rulebooks.error.dateRequired"),
                new Case(
                        new RulebookAdoption(day, List.of(), List.of()),
                        "adjustments",
                        "evaluation.rulebooks.error.nothingChanged"),
                new Case(
                        new RulebookAdoption(
                                day,
                                List.of(new CriterionAdjustment("COMMUNE", "NO_DRUG_SPOT", Map.of("max", "một"))),
                                List.of()),
                        "adjustments",
                        "evaluation.rulebooks.error.badParam"),
                new Case(
                        new RulebookAdoption(
                                day,
                                List.of(new CriterionAdjustment("COMMUNE", "NO_DRUG_SPOT", Map.of("maximum", "1"))),
                                List.of()),
                        "adjustments",
                        "evaluation.rulebooks.error.unknownParam"),
                new Case(
                        new RulebookAdoption(
                                day, List.of(new CriterionAdjustment("COMMUNE", "STAFF_SIGNED", Map.of())), List.of()),
                        "adjustments",
                        "evaluation.rulebooks.error.notInRulebook"),
                new Case(
                        new RulebookAdoption(
                                day, List.of(new CriterionAdjustment("PAGODA", "NO_DRUG_SPOT", Map.of())), List.of()),
                        "adjustments",
                        "evaluation.rulebooks.error.unitKind"),
                new Case(
                        new RulebookAdoption(
                                day,
                                List.of(),
                                List.of(new CriterionAddition(
                                        "SCHOOL", "NO_SUCH_CRITERION", Map.of(), null, "x", "x"))),
                        "additions",
                        "evaluation.rulebooks.error.unknownCriterion"),
                new Case(
                        new RulebookAdoption(
                                day,
                                List.of(),
                                List.of(new CriterionAddition(
                                        "SCHOOL", "NO_SCHOOL_VIOLENCE", Map.of(), null, "x", "x"))),
                        "additions",
                        "evaluation.rulebooks.error.alreadyThere"),
                new Case(
                        new RulebookAdoption(
                                day,
                                List.of(),
                                List.of(new CriterionAddition("SCHOOL", "NO_DRUG_SPOT", Map.of(), null, " ", "x"))),
                        "additions",
                        "evaluation.rulebooks.error.nameRequired"))) {
            assertThatThrownBy(() -> adopting.adopt(nd.provincialOfficer(), nd.province(), c.adoption()))
                    .as(c.key())
                    .isInstanceOfSatisfying(RulebookRefusedException.class, e -> {
                        assertThat(e.field()).isEqualTo(c.field());
                        assertThat(e.messageKey()).isEqualTo(c.key());
                    });
        }
        assertThatThrownBy(() -> adopting.adopt(
                        nd.provincialOfficer(),
                        nd.commune(),
                        new RulebookAdoption(
                                day,
                                List.of(new CriterionAdjustment("COMMUNE", "NO_DRUG_SPOT", Map.of("max", "1"))),
                                List.of())))
                .isInstanceOfSatisfying(
                        RulebookRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("evaluation.rulebooks.error.notProvince"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void onlyAnApproverWhoseCaptureScopeHoldsTheProvinceMayAdopt() {
        String before = rows();
        RulebookAdoption adoption = new RulebookAdoption(
                LocalDate.of(2026, 3, 1),
                List.of(new CriterionAdjustment("COMMUNE", "NO_DRUG_SPOT", Map.of("max", "1"))),
                List.of());
        assertThatThrownBy(() -> adopting.adopt(nd.communeOfficer(), nd.province(), adoption))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> adopting.adopt(nd.viewer(), nd.province(), adoption))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> adopting.adopt(nd.provincialOfficer(), 987_654_321L, adoption))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(rulebooks.mayAdopt(nd.provincialOfficer(), nd.province())).isTrue();
        assertThat(rulebooks.mayAdopt(nd.communeOfficer(), nd.province())).isFalse();
        assertThat(rulebooks.mayAdopt(nd.viewer(), nd.province())).isFalse();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aProvincesVersionsAreSeenInsideItOnly() {
        adopting.adopt(
                nd.provincialOfficer(),
                nd.province(),
                new RulebookAdoption(
                        LocalDate.of(2030, 1, 1),
                        List.of(new CriterionAdjustment("SCHOOL", "NO_SCHOOL_VIOLENCE", Map.of("max", "1"))),
                        List.of()));
        List<RulebookVersion> inCommune = rulebooks.versions(nd.communeOfficer().view());
        assertThat(inCommune)
                .extracting(RulebookVersion::code)
                .contains("TT23_2012", "TT124_2021", "TT48_2025", "TT48_2025-36");
        assertThat(rulebooks.versions(Scope.of(java.util.Set.of(987_654_321L))))
                .extracting(v -> v.code() + " v" + v.version())
                .containsExactly(
                        "TT23_2012 v1",
                        "TT23_2012 v2",
                        "TT124_2021 v1",
                        "TT124_2021 v2",
                        "TT48_2025 v1",
                        "TT48_2025 v2");
        long provincial = inCommune.stream()
                .filter(v -> v.provinceId() != null)
                .findFirst()
                .orElseThrow()
                .id();
        assertThatThrownBy(() -> rulebooks.version(Scope.of(java.util.Set.of(987_654_321L)), provincial))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> rulebooks.version(Scope.WHOLE_COUNTRY, 987_654_321L))
                .isInstanceOf(UnknownRulebookException.class);
    }
}
