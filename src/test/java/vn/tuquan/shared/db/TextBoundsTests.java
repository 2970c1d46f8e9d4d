package vn.tuquan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.TuquanTest;

/**
 * The database bounds every free-text column of the registers (issue 13.15, migrations V30–V34): each
 * has a CHECK on its length, validated, with the maximum of docs/security.md ("Input bounds"); every
 * other text column of the schema is on the list below of columns nobody types into, with why; and a
 * value one character too long is refused even when written straight into the table.
 */
@TuquanTest
class TextBoundsTests {

    /** table.column → the most characters it holds: the table of docs/security.md, "Input bounds". */
    static final Map<String, Integer> BOUNDED = new TreeMap<>(Map.ofEntries(
            // units and access
            Map.entry("unit_version.name", 200),
            Map.entry("unit_version.name_en", 200),
            Map.entry("unit_version.code", 40),
            Map.entry("unit_version.subkind", 40),
            Map.entry("unit_version.sector", 200),
            Map.entry("unit_version.exclusion", 40),
            Map.entry("unit_succession.note", 2000),
            Map.entry("users.display_name", 200),
            Map.entry("access_tokens.name", 100),
            // households
            Map.entry("household.head_name", 200),
            Map.entry("household.address", 300),
            Map.entry("household_residence.code", 50),
            Map.entry("household_residence.head_name", 200),
            Map.entry("household_residence.address", 300),
            // movement
            Map.entry("model_type.code", 60),
            Map.entry("model_type.name_vi", 300),
            Map.entry("model_type.name_en", 300),
            Map.entry("movement_model.name", 300),
            Map.entry("movement_model.leader", 200),
            Map.entry("movement_model.campaigns", 500),
            Map.entry("model_assessment.reason", 2000),
            Map.entry("security_camera.owner", 200),
            Map.entry("security_camera.description", 300),
            Map.entry("conference.topic", 300),
            Map.entry("conference.minutes", 20000),
            Map.entry("conference.campaigns", 500),
            Map.entry("conference_attachment.file_name", 255),
            Map.entry("conference_attachment.content_type", 100),
            Map.entry("title.name_vi", 300),
            Map.entry("title.name_en", 300),
            Map.entry("title_award.person_name", 200),
            Map.entry("title_award.deciding_body", 300),
            Map.entry("title_award.decision_number", 100),
            Map.entry("emulation_agreement.content", 5000),
            Map.entry("emulation_agreement.campaigns", 500),
            // order
            Map.entry("incident.summary", 4000),
            Map.entry("incident.withdrawn_reason", 500),
            Map.entry("incident_status.note", 500),
            Map.entry("incident_idempotency.key", 200),
            Map.entry("mediation.subject", 300),
            Map.entry("mediation.mediator", 200),
            Map.entry("mediation.parties_enc", 4064),
            Map.entry("re_education.responsible", 200),
            Map.entry("drug_user.full_name_enc", 864),
            Map.entry("drug_user.birth_enc", 104),
            Map.entry("drug_user.national_id_enc", 112),
            Map.entry("drug_user.address_enc", 2064),
            Map.entry("drug_user_status.note_enc", 4064),
            Map.entry("re_education.full_name_enc", 864),
            Map.entry("re_education.birth_enc", 104),
            Map.entry("re_education.national_id_enc", 112),
            Map.entry("re_education.address_enc", 2064),
            Map.entry("hotspot.name", 300),
            Map.entry("hotspot.designated_by", 300),
            Map.entry("hotspot.designation_number", 100),
            Map.entry("hotspot.removed_by", 300),
            Map.entry("hotspot.removal_number", 100),
            Map.entry("hotspot.notes", 2000),
            Map.entry("hotspot_status.reason", 1000),
            Map.entry("campaign.name", 300),
            Map.entry("campaign.forces", 1000),
            Map.entry("campaign.seized_description", 1000),
            Map.entry("campaign.results", 2000),
            // evaluation
            Map.entry("evaluation.decision_number", 100),
            Map.entry("evaluation.decision_signer", 200),
            Map.entry("evaluation.reasons", 4000),
            Map.entry("evaluation_entry.evidence", 2000),
            Map.entry("evaluation_step.reason", 4000),
            Map.entry("evaluation_entry_attachment.file_name", 255),
            Map.entry("evaluation_entry_attachment.content_type", 100),
            Map.entry("classification_entry.evidence", 2000),
            Map.entry("rulebook_criterion.article", 100),
            Map.entry("rulebook_criterion.name_vi", 300),
            Map.entry("rulebook_criterion.name_en", 300),
            Map.entry("rulebook_confirmation.note", 1000)));

    /** Text columns nobody types into: written by Tuquan, by the migrations, or checked against a fixed list. */
    static final Set<String> NOT_FREE_TEXT = Set.of(
            // the username of whoever wrote the row (an account's name, checked when the account is made)
            "campaign.created_by",
            "classification.computed_by",
            "classification_entry.entered_by",
            "commitment.recorded_by",
            "drug_user.recorded_by",
            "drug_user_status.recorded_by",
            "evaluation_entry.entered_by",
            "evaluation_entry_attachment.uploaded_by",
            "evaluation_step.taken_by",
            "hotspot.created_by",
            "hotspot_status.recorded_by",
            "incident.created_by",
            "incident.withdrawn_by",
            "incident_idempotency.username",
            "incident_person.linked_by",
            "incident_status.changed_by",
            "mediation.recorded_by",
            "re_education.recorded_by",
            "rulebook.created_by",
            "unit_import.imported_by",
            "audit_event.actor_username",
            "users.username",
            // codes and states checked against a fixed list (CHECK … IN, a foreign key, an enum in the code)
            "campaign.kind",
            "classification.level",
            "classification.unit_kind",
            "classification_entry.item",
            "classification_item.code",
            "classification_item.fact",
            "classification_item.of_fact",
            "classification_item.rule",
            "classification_item.unit_kind",
            "classification_level.level",
            "classification_level.unit_kind",
            "conference.kind",
            "conference.unit_kind",
            "drug_user.status",
            "drug_user_status.status",
            "evaluation.proposed",
            "evaluation.status",
            "evaluation.unit_kind",
            "evaluation_deadline.unit_kind",
            "evaluation_entry.criterion",
            "evaluation_entry_attachment.criterion",
            "evaluation_step.from_status",
            "evaluation_step.to_status",
            "hotspot.kind",
            "hotspot_status.status",
            "incident.category_code",
            "incident.severity",
            "incident.source",
            "incident.status",
            "incident_category.code",
            "incident_category.kind",
            "incident_category.parent_code",
            "incident_person.person_kind",
            "incident_status.from_status",
            "incident_status.to_status",
            "mediation.outcome",
            "model_type.unit_kinds",
            "movement_model.type_code",
            "re_education.outcome",
            "role.code",
            "role_permission.permission",
            "role_permission.role_code",
            "rulebook_criterion.criterion",
            "rulebook_criterion.unit_kind",
            "rulebook_confirmation.unit_kind",
            "rulebook_confirmation.criterion",
            "rulebook_confirmation.confirmed_by",
            "tipoff_time_limit.code",
            "title.awarded_to",
            "title.code",
            "title.unit_kinds",
            "title_award.awarded_to",
            "title_award.title_code",
            "unit.kind",
            "unit_import.kind",
            "unit_version.change",
            "unit_version.kind",
            "user_role.role_code",
            "user_scope.kind",
            // catalogues written by the migrations (names of categories, roles, items, rulebooks, sources)
            "classification_item.name_en",
            "classification_item.name_vi",
            "classification_item.regulation",
            "evaluation_deadline.source",
            "incident_category.name_en",
            "incident_category.name_vi",
            "role.name_en",
            "role.name_vi",
            "rulebook.code",
            "rulebook.name_en",
            "rulebook.name_vi",
            "rulebook.regulation",
            "tipoff_time_limit.article",
            "tipoff_time_limit.name_vi",
            "tipoff_time_limit.name_en",
            // made by Tuquan: hashes, paths, prefixes, secrets, ids, the files of an import (an administrator's)
            "access_tokens.token_prefix",
            "audit_chain_head.last_hash",
            "audit_event.action",
            "audit_event.entity_id",
            "audit_event.entity_type",
            "audit_event.hash",
            "audit_event.module",
            "audit_event.prev_hash",
            "incident_idempotency.request_hash",
            "unit_import.files",
            "unit_version.path",
            // the statistics' summaries: a unit's kind and its path on the year's tree day, both copied from the units
            "statistics_unit_year.unit_kind",
            "statistics_unit_year.path",
            "statistics_commune_year.path",
            "statistics_shape.indicators",
            "audit_event_place.unit_path",
            "users.password_hash",
            "users.totp_secret",
            // Flyway's and Spring Session's own tables
            "flyway_schema_history.description",
            "flyway_schema_history.installed_by",
            "flyway_schema_history.script",
            "flyway_schema_history.type",
            "flyway_schema_history.version",
            "spring_session.principal_name",
            "spring_session_attributes.attribute_name");

    static final Pattern MAX = Pattern.compile("length\\((?:array_to_string\\()?\\(?(\\w+)\\)?.*?<= (\\d+)\\)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyFreeTextColumnHasAValidatedLengthCheckWithTheDocumentedMaximum_andNoOtherTextColumnIsLeftOut() {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT c.table_name || '.' || c.column_name AS col, c.column_name,
                       (SELECT string_agg(pg_get_constraintdef(k.oid), ' | ') FROM pg_constraint k
                         WHERE k.conrelid = (quote_ident(c.table_name))::regclass AND k.contype = 'c'
                           AND pg_get_constraintdef(k.oid) ~ ('length\\((array_to_string\\()?' || c.column_name || '\\M')) AS bound,
                       (SELECT bool_and(k.convalidated) FROM pg_constraint k
                         WHERE k.conrelid = (quote_ident(c.table_name))::regclass AND k.contype = 'c'
                           AND pg_get_constraintdef(k.oid) ~ ('length\\((array_to_string\\()?' || c.column_name || '\\M')) AS valid
                  FROM information_schema.columns c JOIN information_schema.tables t
                    ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                 WHERE c.table_schema = 'public' AND (c.data_type IN ('text', 'character varying') OR c.udt_name = '_text')
                 ORDER BY 1""").query().listOfRows();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> found = new TreeMap<>();
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("col");
            Object bound = column.get("bound");
            if (BOUNDED.containsKey(name)) {
                Matcher m = bound == null ? null : MAX.matcher(bound.toString());
                if (m == null || !m.find()) {
                    wrong.add(name + ": no length check");
                    continue;
                }
                found.put(name, Integer.valueOf(m.group(2)));
                if (!Boolean.TRUE.equals(column.get("valid"))) {
                    wrong.add(name + ": the check is not validated");
                }
            } else if (!NOT_FREE_TEXT.contains(name)) {
                wrong.add(name + ": a text column neither bounded nor known to hold no free text");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(found).as("the documented maxima").isEqualTo(BOUNDED);
    }

    @Test
    void theDatabaseRefusesAValueOneCharacterTooLongEvenWrittenDirectly() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        // a household's head: 200 characters are stored, 201 are refused by the CHECK (in rolled-back transactions)
        rolledBack.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO household (head_name, members) VALUES (repeat('Ễ', 200), 1)")
                    .update();
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> rolledBack.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    jdbc.sql("INSERT INTO household (head_name, members) VALUES (repeat('Ễ', 201), 1)")
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_head_name_length");
        assertThatThrownBy(() -> rolledBack.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    jdbc.sql("""
                    INSERT INTO incident (unit_id, category_code, occurred_at, reported_at, status, source, summary,
                                          created_by)
                    VALUES (1, 'FIRE', now(), now(), 'REPORTED', 'PATROL', repeat('x', 4001), 'thu')""").update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("incident_summary_length");
        assertThatThrownBy(() -> rolledBack.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    jdbc.sql(
                                    "INSERT INTO model_type (code, name_vi, name_en, unit_kinds, self_manage, self_prevent, self_protect)"
                                            + " VALUES ('DAI', repeat('a', 301), 'x', '{RESIDENTIAL_AREA}', true, true, true)")
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("model_type_name_vi_length");
    }
}
