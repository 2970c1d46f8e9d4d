package vn.tuquan.evaluation;

import static vn.tuquan.shared.Texts.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.evaluation.rules.Criteria;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.evaluation.rules.Params;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitView;

/**
 * A province adopts its own rulebook version (TT 124 Điều 8.1): based on the version in force for it,
 * with editable criteria's params adjusted and its own criteria added. Versions are never changed; an
 * adoption is a new version, read afterwards through {@link Rulebooks}.
 */
@Service
public class AdoptingRulebooks {

    private final JdbcClient jdbc;
    private final Rulebooks rulebooks;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    AdoptingRulebooks(JdbcClient jdbc, Rulebooks rulebooks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rulebooks = rulebooks;
        this.events = events;
    }

    /**
     * A province's own version (TT 124 Điều 8.1): a new version based on the rulebook in force for the
     * province on {@code effectiveFrom}, with the same criteria, the params of editable criteria
     * adjusted and the province's own criteria added at the end of their kind. Only a caller with
     * EVALUATION_APPROVE whose capture scope holds the province may (else 403); a change of a criterion
     * that is not editable, an unknown criterion, a parameter that does not parse or an addition of a
     * criterion the kind already has is refused naming it, with nothing written. Earlier versions are
     * never changed.
     */
    @Transactional
    public RulebookVersionDetail adopt(Caller caller, long provinceId, RulebookAdoption adoption) {
        UnitView province = rulebooks.requireProvincialAdministrator(caller, provinceId);
        if (adoption.effectiveFrom() == null) {
            throw new RulebookRefusedException("effectiveFrom", "evaluation.rulebooks.error.dateRequired");
        }
        if (adoption.adjustments().isEmpty() && adoption.additions().isEmpty()) {
            throw new RulebookRefusedException("adjustments", "evaluation.rulebooks.error.nothingChanged");
        }
        RulebookVersion base = rulebooks
                .versionInForce(adoption.effectiveFrom(), provinceId)
                .orElseThrow(() -> new RulebookRefusedException(
                        "effectiveFrom", "evaluation.rulebooks.error.noRulebook", adoption.effectiveFrom()));
        Map<String, List<RulebookCriterion>> lines = new LinkedHashMap<>();
        for (String kind : Rulebooks.UNIT_KINDS) {
            lines.put(kind, new ArrayList<>(rulebooks.lines(base.id(), kind)));
        }
        Set<String> adjusted = new LinkedHashSet<>();
        for (CriterionAdjustment a : adoption.adjustments()) {
            List<RulebookCriterion> kindLines = kindLines(lines, a.unitKind(), "adjustments");
            int i = indexOf(kindLines, a.criterion());
            if (i < 0) {
                throw new RulebookRefusedException(
                        "adjustments", "evaluation.rulebooks.error.notInRulebook", a.criterion(), a.unitKind());
            }
            RulebookCriterion line = kindLines.get(i);
            if (!line.editable()) {
                throw new RulebookRefusedException(
                        "adjustments", "evaluation.rulebooks.error.notEditable", a.criterion(), line.article());
            }
            if (!adjusted.add(a.unitKind() + "/" + a.criterion())) {
                throw new RulebookRefusedException("adjustments", "evaluation.rulebooks.error.twice", a.criterion());
            }
            Map<String, String> params = new LinkedHashMap<>(line.params());
            for (var p : (a.params() == null ? Map.<String, String>of() : a.params()).entrySet()) {
                if (!params.containsKey(p.getKey())) {
                    throw new RulebookRefusedException(
                            "adjustments", "evaluation.rulebooks.error.unknownParam", p.getKey(), a.criterion());
                }
                params.put(p.getKey(), p.getValue() == null ? "" : p.getValue().strip());
            }
            requireParses("adjustments", a.criterion(), params);
            kindLines.set(
                    i,
                    new RulebookCriterion(
                            line.unitKind(),
                            line.position(),
                            line.criterion(),
                            params,
                            true,
                            line.provincial(),
                            line.article(),
                            line.nameVi(),
                            line.nameEn(),
                            line.toConfirm()));
        }
        for (CriterionAddition a : adoption.additions()) {
            List<RulebookCriterion> kindLines = kindLines(lines, a.unitKind(), "additions");
            if (a.criterion() == null || !Criteria.exists(a.criterion())) {
                throw new RulebookRefusedException(
                        "additions", "evaluation.rulebooks.error.unknownCriterion", a.criterion());
            }
            if (indexOf(kindLines, a.criterion()) >= 0) {
                throw new RulebookRefusedException(
                        "additions", "evaluation.rulebooks.error.alreadyThere", a.criterion(), a.unitKind());
            }
            if (blank(a.nameVi()) || blank(a.nameEn())) {
                throw new RulebookRefusedException(
                        "additions", "evaluation.rulebooks.error.nameRequired", a.criterion());
            }
            if (TextLimits.tooLong(a.nameVi(), TextLimits.LINE)
                    || TextLimits.tooLong(a.nameEn(), TextLimits.LINE)
                    || TextLimits.tooLong(a.article(), TextLimits.NUMBER)) {
                throw new RulebookRefusedException(
                        "additions",
                        "evaluation.rulebooks.error.textTooLong",
                        a.criterion(),
                        TextLimits.LINE,
                        TextLimits.NUMBER);
            }
            Map<String, String> params = a.params() == null ? Map.of() : Map.copyOf(a.params());
            requireParses("additions", a.criterion(), params);
            kindLines.add(new RulebookCriterion(
                    a.unitKind(),
                    kindLines.size() + 1,
                    a.criterion(),
                    params,
                    true,
                    true,
                    blankToNull(a.article()),
                    a.nameVi().strip(),
                    a.nameEn().strip(),
                    false));
        }
        String code = provincialCode(base, province);
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM rulebook WHERE code = :code")
                .param("code", code)
                .query(Integer.class)
                .single();
        long id = jdbc.sql("""
                INSERT INTO rulebook (code, version, province_id, based_on, regulation, name_vi, name_en, effective_from, created_by)
                VALUES (:code, :version, :province, :base, :regulation, :nameVi, :nameEn, :from, :by) RETURNING id""")
                .param("code", code)
                .param("version", version)
                .param("province", provinceId)
                .param("base", base.id())
                .param("regulation", base.regulation())
                .param("nameVi", base.nameVi() + " — " + province.name())
                .param(
                        "nameEn",
                        base.nameEn() + " — " + new Named(province.name(), province.nameEn()).in(Locale.ENGLISH))
                .param("from", adoption.effectiveFrom())
                .param("by", caller.username())
                .query(Long.class)
                .single();
        for (List<RulebookCriterion> kindLines : lines.values()) {
            for (RulebookCriterion l : kindLines) {
                jdbc.sql("""
                        INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, provincial,
                                                        article, name_vi, name_en, to_confirm)
                        VALUES (:id, :kind, :position, :criterion, CAST(:params AS jsonb), :editable, :provincial, :article,
                                :nameVi, :nameEn, :toConfirm)""")
                        .param("id", id)
                        .param("kind", l.unitKind())
                        .param("position", l.position())
                        .param("criterion", l.criterion())
                        .param("params", json.writeValueAsString(l.params()))
                        .param("editable", l.editable())
                        .param("provincial", l.provincial())
                        .param("article", l.article())
                        .param("nameVi", l.nameVi())
                        .param("nameEn", l.nameEn())
                        .param("toConfirm", l.toConfirm())
                        .update();
            }
        }
        events.publishEvent(new RulebookVersionAdopted(
                id,
                code,
                version,
                provinceId,
                base.id(),
                adoption.effectiveFrom(),
                adoption.adjustments(),
                adoption.additions()));
        return rulebooks.version(Scope.WHOLE_COUNTRY, id);
    }

    private static String provincialCode(RulebookVersion base, UnitView province) {
        String national = base.provinceId() == null
                ? base.code()
                : base.code().substring(0, base.code().lastIndexOf('-'));
        return national + "-" + province.code();
    }

    private static List<RulebookCriterion> kindLines(
            Map<String, List<RulebookCriterion>> lines, String kind, String field) {
        List<RulebookCriterion> kindLines = lines.get(kind);
        if (kindLines == null) {
            throw new RulebookRefusedException(field, "evaluation.rulebooks.error.unitKind", kind);
        }
        return kindLines;
    }

    private static int indexOf(List<RulebookCriterion> lines, String criterion) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).criterion().equals(criterion)) {
                return i;
            }
        }
        return -1;
    }

    /** A criterion's params must parse: the criterion evaluates once with them against no facts. */
    private static void requireParses(String field, String criterion, Map<String, String> params) {
        try {
            Criteria.get(criterion)
                    .evaluate(
                            new Facts("", 0, LocalDate.EPOCH, LocalDate.EPOCH, Map.of(), Map.of()), new Params(params));
        } catch (IllegalArgumentException e) {
            throw new RulebookRefusedException(field, "evaluation.rulebooks.error.badParam", criterion, e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
