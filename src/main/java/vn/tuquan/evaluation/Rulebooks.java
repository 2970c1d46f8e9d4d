package vn.tuquan.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.evaluation.rules.CriteriaSet;
import vn.tuquan.evaluation.rules.Params;
import vn.tuquan.evaluation.rules.Rule;

/**
 * The rulebooks: which criteria apply to which unit kind, with which thresholds, by regulation and
 * version. The rulebook in force for a period is the latest version effective on the period's last
 * day — a province's own version before the national one.
 */
@Service
public class Rulebooks {

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Rulebooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A rulebook version: its id, code, version, regulation and the day it took effect. */
    public record RulebookVersion(long id, String code, int version, Long provinceId, String regulation, String nameVi,
            String nameEn, LocalDate effectiveFrom) {
    }

    /** A rulebook version and its criteria set for one unit kind. */
    public record InForce(RulebookVersion rulebook, CriteriaSet criteria) {
    }

    /** The rulebook in force on a day (a period's last day) for a province (may be null), with the kind's criteria. */
    public Optional<InForce> inForce(String unitKind, LocalDate periodEnd, Long provinceId) {
        return jdbc.sql("""
                SELECT id, code, version, province_id, regulation, name_vi, name_en, effective_from FROM rulebook
                 WHERE effective_from <= :day AND (province_id IS NULL OR province_id = :province)
                 ORDER BY province_id IS NULL, effective_from DESC, version DESC LIMIT 1""")
                .param("day", periodEnd).param("province", provinceId)
                .query((rs, n) -> new RulebookVersion(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                        (Long) rs.getObject("province_id", Long.class), rs.getString("regulation"), rs.getString("name_vi"),
                        rs.getString("name_en"), rs.getObject("effective_from", LocalDate.class)))
                .optional()
                .map(r -> new InForce(r, criteria(r, unitKind)));
    }

    /** The criteria a rulebook version applies to a unit kind, in order. */
    public CriteriaSet criteria(RulebookVersion rulebook, String unitKind) {
        List<Rule> rules = jdbc.sql("""
                SELECT criterion, params::text AS params, article, name_vi, name_en FROM rulebook_criterion
                 WHERE rulebook_id = :id AND unit_kind = :kind ORDER BY position""")
                .param("id", rulebook.id()).param("kind", unitKind)
                .query((rs, n) -> new Rule(rs.getString("criterion"), new Params(json.readValue(rs.getString("params"), PARAMS)),
                        rs.getString("article"), rs.getString("name_vi"), rs.getString("name_en")))
                .list();
        return new CriteriaSet(rulebook.code() + " v" + rulebook.version(), unitKind, rules);
    }
}
