package vn.tuquan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.TuquanTest;
import vn.tuquan.evaluation.rules.Criteria;
import vn.tuquan.evaluation.rules.CriteriaSet;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.evaluation.rules.Rule;

/**
 * The national rulebooks seeded by V22: every criterion they name exists in {@link Criteria}, every
 * params value parses (each criterion evaluates with it), each unit kind has its criteria in order,
 * and the rulebook in force follows the regulation's dates.
 */
@TuquanTest
@TestPropertySource(properties = "tuquan.test.database=evaluation-rulebook-seed")
class RulebookSeedTests {

    static final List<String> KINDS = List.of("RESIDENTIAL_AREA", "COMMUNE", "AGENCY", "ENTERPRISE", "SCHOOL");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rulebooks rulebooks;

    @Test
    void everySeededCriterionExistsAndItsParamsParse() {
        List<String> codes = jdbc.sql("SELECT DISTINCT criterion FROM rulebook_criterion")
                .query(String.class)
                .list();
        assertThat(codes)
                .hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(c -> assertThat(Criteria.exists(c)).as(c).isTrue());
        Facts none = new Facts("X", 2023, LocalDate.of(2022, 11, 1), LocalDate.of(2023, 10, 31), Map.of(), Map.of());
        for (String code : List.of("TT23_2012", "TT124_2021", "TT48_2025")) {
            RulebookVersion version = rulebooks.versions(vn.tuquan.shared.Scope.WHOLE_COUNTRY).stream()
                    .filter(v -> v.code().equals(code) && v.version() == 1)
                    .findFirst()
                    .orElseThrow();
            for (String kind : KINDS) {
                CriteriaSet set = rulebooks.criteria(version, kind);
                assertThat(set.rules()).as(code + " " + kind).isNotEmpty();
                for (Rule rule : set.rules()) {
                    assertThat(rule.article()).as(code + " " + rule.criterion()).startsWith("Điều ");
                    assertThat(rule.nameVi()).isNotBlank();
                    assertThat(rule.nameEn()).isNotBlank();
                    Criteria.get(rule.criterion())
                            .evaluate(none, rule.params()); // throws on a value that does not parse
                }
                assertThat(set.evaluate(none).outcomes()).hasSize(set.rules().size());
            }
        }
    }

    @Test
    void theCriteriaFollowTheRegulationsOrderPerKind() {
        RulebookVersion tt124 = rulebooks
                .inForce("RESIDENTIAL_AREA", LocalDate.of(2023, 10, 31), null)
                .orElseThrow()
                .rulebook();
        assertThat(tt124.code()).isEqualTo("TT124_2021");
        assertThat(rulebooks.criteria(tt124, "RESIDENTIAL_AREA").rules())
                .extracting(Rule::criterion)
                .startsWith(
                        "PARTY_RESOLUTION_Q1",
                        "HOUSEHOLDS_REGISTERED",
                        "POLICIES_CARRIED_OUT",
                        "NO_SECURITY_EVENTS",
                        "NO_SERIOUS_CRIME");
        assertThat(tt124.version()).as("the corrected version of issue 14").isEqualTo(2);
        assertThat(rulebooks.criteria(tt124, "COMMUNE").rules())
                .extracting(Rule::criterion)
                .endsWith("POLICE_ADVISED", "POLICE_NOT_DISCIPLINED", "CHILDREN_REGISTERED_AND_RECOGNISED");
        assertThat(rulebooks.criteria(tt124, "AGENCY").rules())
                .extracting(Rule::criterion)
                .contains("STAFF_BRIEFED", "EFFECTIVE_MODEL", "NO_MASS_COMPLAINT_OR_STRIKE", "NO_STAFF_OFFENCE")
                .doesNotContain("STAFF_SIGNED");
        assertThat(rulebooks.criteria(tt124, "SCHOOL").rules())
                .hasSize(6)
                .extracting(Rule::criterion)
                .contains("NO_SCHOOL_VIOLENCE", "EFFECTIVE_MODEL", "SCHOOL_PARENTS_COORDINATION");
    }

    @Test
    void tt23CountsResidentialAreasOnlyAndAsksForSignatures() {
        RulebookInForce tt23 =
                rulebooks.inForce("COMMUNE", LocalDate.of(2017, 11, 30), null).orElseThrow();
        assertThat(tt23.rulebook().code()).isEqualTo("TT23_2012");
        assertThat(tt23.criteria().rules())
                .hasSize(13)
                .extracting(Rule::criterion)
                .startsWith("PARTY_RESOLUTION_Q1", "EFFECTIVE_MODEL")
                .endsWith("RE_EDUCATION", "POLICE_RATED_ADVANCED", "CHILDREN_REGISTERED_AND_RECOGNISED");
        Rule children = tt23.criteria().rules().stream()
                .filter(r -> r.criterion().equals("CHILDREN_REGISTERED_AND_RECOGNISED"))
                .findFirst()
                .orElseThrow();
        assertThat(children.params().flag("residentialAreasOnly", false)).isTrue();
        assertThat(children.params().text("minPercent", null)).isEqualTo("70");
        assertThat(rulebooks
                        .inForce("AGENCY", LocalDate.of(2017, 11, 30), null)
                        .orElseThrow()
                        .criteria()
                        .rules())
                .extracting(Rule::criterion)
                .contains("STAFF_SIGNED")
                .doesNotContain("STAFF_BRIEFED");
    }

    @Test
    void tt48HasTheCriteriaOf124AndIsInForceFromTheReform() {
        assertThat(rulebooks
                        .inForce("COMMUNE", LocalDate.of(2025, 6, 30), null)
                        .orElseThrow()
                        .rulebook()
                        .code())
                .isEqualTo("TT124_2021");
        RulebookInForce tt48 =
                rulebooks.inForce("COMMUNE", LocalDate.of(2025, 7, 1), null).orElseThrow();
        assertThat(tt48.rulebook().code()).isEqualTo("TT48_2025");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (
                  SELECT unit_kind, position, criterion, params, editable, article, name_vi, name_en, to_confirm FROM rulebook_criterion
                   WHERE rulebook_id = (SELECT id FROM rulebook WHERE code = 'TT124_2021' AND version = 2)
                  EXCEPT
                  SELECT unit_kind, position, criterion, params, editable, article, name_vi, name_en, to_confirm FROM rulebook_criterion
                   WHERE rulebook_id = (SELECT id FROM rulebook WHERE code = 'TT48_2025' AND version = 2)) d""").query(Long.class).single()).isZero();
        assertThat(rulebooks.inForce("COMMUNE", LocalDate.of(2012, 6, 10), null))
                .isEmpty();
    }

    @Test
    void editableExactlyWhereTheRulebookSaysToConfirm() {
        Map<String, Boolean> residential =
                jdbc.sql("""
                SELECT c.criterion, c.editable FROM rulebook_criterion c JOIN rulebook r ON r.id = c.rulebook_id
                 WHERE r.code = 'TT124_2021' AND r.version = 1 AND c.unit_kind = 'RESIDENTIAL_AREA'""").query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(residential)
                .containsEntry("HOUSEHOLDS_REGISTERED", false)
                .containsEntry("NO_SECURITY_EVENTS", false)
                .containsEntry("NO_NEW_DRUG_USERS", true)
                .containsEntry("DISPUTES_MEDIATED", true)
                .containsEntry("NO_SERIOUS_CRIME", true);
        assertThat(jdbc.sql("""
                SELECT bool_and(c.editable) FROM rulebook_criterion c JOIN rulebook r ON r.id = c.rulebook_id
                 WHERE r.code = 'TT124_2021' AND r.version = 1 AND c.unit_kind = 'SCHOOL'""").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM rulebook WHERE created_by <> 'system'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * The corrections of issue 14 (RULEBOOK.md, Dec 2026), each a new version from the regulation's first day:
     * version 1 stays as it was; the criteria the texts did not give are marked to confirm.
     */
    @Test
    void theCorrectedVersionsFollowTheOfficialTexts() {
        for (String code : List.of("TT124_2021", "TT48_2025")) {
            Map<String, Boolean> toConfirm = jdbc
                    .sql("""
                    SELECT c.unit_kind || '/' || c.criterion, c.to_confirm FROM rulebook_criterion c
                      JOIN rulebook r ON r.id = c.rulebook_id WHERE r.code = :code AND r.version = 2""")
                    .param("code", code)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                    .list()
                    .stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // TT 124 Điều 4, clauses 1–3: the text; clauses 4–5: our model, to confirm
            assertThat(toConfirm)
                    .as(code)
                    .containsEntry("RESIDENTIAL_AREA/HOUSEHOLDS_REGISTERED", false)
                    .containsEntry("RESIDENTIAL_AREA/NO_SECURITY_EVENTS", false)
                    .containsEntry("RESIDENTIAL_AREA/NO_SERIOUS_CRIME", true)
                    .containsEntry("RESIDENTIAL_AREA/NO_NEW_DRUG_USERS", true)
                    .containsEntry("RESIDENTIAL_AREA/RE_EDUCATION", true)
                    .containsEntry("COMMUNE/NO_DRUG_SPOT", true)
                    .containsEntry("COMMUNE/POLICE_ADVISED", false)
                    .containsEntry("COMMUNE/POLICE_NOT_DISCIPLINED", false)
                    .containsEntry("AGENCY/STAFF_BRIEFED", false)
                    .containsEntry("AGENCY/NO_SECRET_LEAK", true)
                    .containsEntry("ENTERPRISE/NO_STAFF_OFFENCE", true)
                    .containsEntry("SCHOOL/NO_SCHOOL_VIOLENCE", true);
            Map<String, String> commune = jdbc
                    .sql("""
                    SELECT c.criterion, c.name_vi FROM rulebook_criterion c JOIN rulebook r ON r.id = c.rulebook_id
                     WHERE r.code = :code AND r.version = 2 AND c.unit_kind = 'COMMUNE'""")
                    .param("code", code)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(commune.get("EFFECTIVE_MODEL")).contains("Xây dựng, củng cố hoặc duy trì");
            assertThat(commune.get("POLICE_ADVISED")).contains("chủ động tham mưu");
            assertThat(commune.get("CHILDREN_REGISTERED_AND_RECOGNISED"))
                    .contains("thuộc thẩm quyền hoặc được ủy quyền quản lý");
        }
        RulebookInForce tt23 =
                rulebooks.inForce("COMMUNE", LocalDate.of(2017, 11, 30), null).orElseThrow();
        assertThat(tt23.rulebook().version()).isEqualTo(2);
        assertThat(tt23.rulebook().effectiveFrom()).isEqualTo(LocalDate.of(2012, 6, 18));
        assertThat(tt23.criteria().rules().stream()
                        .filter(r -> r.criterion().equals("POLICE_RATED_ADVANCED"))
                        .findFirst()
                        .orElseThrow()
                        .nameVi())
                .contains("Bảo vệ dân phố")
                .doesNotContain("quân sự");
        // version 1 is unchanged: a decided verdict judged by it still reads the same criteria
        assertThat(jdbc.sql("""
                SELECT count(*) FROM rulebook_criterion c JOIN rulebook r ON r.id = c.rulebook_id
                 WHERE r.version = 1 AND r.province_id IS NULL AND (c.to_confirm OR c.criterion = 'POLICE_ADVISED')""").query(Long.class).single()).isZero();
        // QĐ 510: the two agency items found in a source; everything else to confirm
        assertThat(jdbc.sql(
                                "SELECT string_agg(unit_kind || '/' || code, ',' ORDER BY unit_kind, code) FROM classification_item"
                                        + " WHERE NOT to_confirm")
                        .query(String.class)
                        .single())
                .isEqualTo("AGENCY/PARTICIPATION,AGENCY/RESOLUTION_REPORTING");
        assertThat(jdbc.sql("SELECT bool_and(to_confirm) FROM classification_level")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
