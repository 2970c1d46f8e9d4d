package vn.tuquan.evaluation;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.tuquan.evaluation.Explanation.Child;
import vn.tuquan.evaluation.Explanation.CriterionLine;
import vn.tuquan.evaluation.Explanation.Entered;
import vn.tuquan.evaluation.Explanation.Rulebook;
import vn.tuquan.evaluation.Explanation.Unit;
import vn.tuquan.evaluation.Explanation.Verdict;
import vn.tuquan.evaluation.internal.EvaluationStore;
import vn.tuquan.evaluation.rules.Classification;
import vn.tuquan.evaluation.rules.Outcome;
import vn.tuquan.order.FactWindow;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Why a unit has the verdict it has for a year: the stored evaluation (status, proposed verdict,
 * decision), the rulebook version it used, each criterion in the rulebook's order with the values it
 * compared and where they came from (computed, entered with evidence and by whom, or the children's
 * verdicts), the children with their verdicts, the movement classification, and the units above for
 * a breadcrumb. Reads only; nothing is computed here.
 */
@Service
public class Explanations {

    private final JdbcClient jdbc;
    private final Units units;
    private final EvaluationStore evaluations;
    private final Classifications classifications;

    Explanations(JdbcClient jdbc, Units units, EvaluationStore evaluations, Classifications classifications) {
        this.jdbc = jdbc;
        this.units = units;
        this.evaluations = evaluations;
        this.classifications = classifications;
    }

    public Explanation explain(Scope scope, long unitId, int year) {
        UnitView unit = units.latest(scope, unitId).orElseThrow(() -> new AccessRefusedException("no unit " + unitId));
        LocalDate asOf = unit.validTo() == null ? Dates.today() : unit.validTo().minusDays(1);
        List<Unit> breadcrumb = units.ancestors(scope, unitId, asOf).stream()
                .map(u -> new Unit(u.id(), u.name(), u.nameEn(), u.kind().name(), units.inScope(scope, u, asOf)))
                .toList();
        var row = evaluations.find(unitId, year);
        Period period = row.map(r -> new Period(year, r.periodFrom(), r.periodTo()))
                .orElseGet(() -> unit.kind() == UnitKind.RESIDENTIAL_AREA
                        ? Period.residentialArea(year)
                        : Period.organisation(year));
        Verdict verdict = row.map(r -> new Verdict(
                        r.status(),
                        r.proposed(),
                        r.computedAt(),
                        r.registeredOn(),
                        r.locked(),
                        r.decisionNumber(),
                        r.decisionDate(),
                        r.decisionSigner(),
                        r.decidedByUnit(),
                        r.reasons()))
                .orElse(null);
        Rulebook rulebook = row.flatMap(r -> rulebook(r.rulebookId())).orElse(null);
        Long province = breadcrumb.stream()
                .filter(u -> UnitKind.PROVINCE.name().equals(u.kind()))
                .map(Unit::id)
                .findFirst()
                .orElse(unit.kind() == UnitKind.PROVINCE ? unit.id() : null);
        List<CriterionLine> criteria = row.map(r -> criteria(r, province)).orElse(List.of());
        List<Child> children = unit.kind() == UnitKind.COMMUNE
                ? communeChildren(scope, unit, year, asOf)
                : children(scope, units.children(scope, unitId, asOf), year, Set.of());
        var stored = classifications.find(scope, unitId, year).orElse(null);
        Classification preview = stored != null
                ? null
                : classifications.preview(scope, unitId, year).orElse(null);
        return new Explanation(
                new Unit(unit.id(), unit.name(), unit.nameEn(), unit.kind().name(), true),
                year,
                period.from(),
                period.to(),
                breadcrumb,
                verdict,
                rulebook,
                criteria,
                children,
                stored,
                preview);
    }

    /**
     * A commune's children as its {@code children.*} facts count them: the units of its subtree on the
     * tree the run read ({@link FactWindow#treeOn}) that have a stored evaluation for the year; then
     * its other units directly under it, not counted.
     */
    private List<Child> communeChildren(Scope scope, UnitView commune, int year, LocalDate asOf) {
        // the units under the commune on that day, not the commune (nothing when it did not exist then)
        List<UnitView> subtree = units.subtreeWithRoot(scope, commune.id(), Set.of(), FactWindow.treeOn(year)).stream()
                .filter(u -> u.id() != commune.id())
                .toList();
        Set<Long> stored = evaluations.rows(subtree.stream().map(UnitView::id).toList(), year).stream()
                .map(EvaluationStore.Row::unitId)
                .collect(Collectors.toSet());
        List<UnitView> counted =
                subtree.stream().filter(u -> stored.contains(u.id())).toList();
        List<Child> children = new ArrayList<>(children(scope, counted, year, stored));
        Set<Long> listed = counted.stream().map(UnitView::id).collect(Collectors.toSet());
        children.addAll(children(
                scope,
                units.children(scope, commune.id(), asOf).stream()
                        .filter(u -> !listed.contains(u.id()))
                        .toList(),
                year,
                Set.of()));
        return children;
    }

    private List<Child> children(Scope scope, List<UnitView> below, int year, Set<Long> counted) {
        Map<Long, EvaluationStore.Row> rows = evaluations
                .rows(below.stream().map(UnitView::id).toList(), year)
                .stream()
                .collect(Collectors.toMap(EvaluationStore.Row::unitId, Function.identity()));
        return below.stream()
                .map(u -> {
                    var r = rows.get(u.id());
                    boolean registered = r != null && !"NOT_REGISTERED".equals(r.status());
                    boolean decided = r != null && ("RECOGNISED".equals(r.status()) || "REJECTED".equals(r.status()));
                    boolean recognised =
                            r != null && (decided ? "RECOGNISED".equals(r.status()) : "MET".equals(r.proposed()));
                    return new Child(
                            u.id(),
                            u.name(),
                            u.nameEn(),
                            u.kind().name(),
                            r == null ? null : r.status(),
                            r == null ? null : r.proposed(),
                            counted.contains(u.id()),
                            registered,
                            recognised);
                })
                .toList();
    }

    private Optional<Rulebook> rulebook(long id) {
        return jdbc.sql(
                        "SELECT id, code, version, regulation, name_vi, name_en, effective_from FROM rulebook WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Rulebook(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getInt("version"),
                        rs.getString("regulation"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getObject("effective_from", LocalDate.class)))
                .optional();
    }

    private record Named(
            int position, String criterion, String article, String nameVi, String nameEn, boolean toConfirm) {}

    /** The rulebook's criteria for the kind in order, each with its outcome; outcomes the rulebook does not name follow. */
    private List<CriterionLine> criteria(EvaluationStore.Row row, Long province) {
        List<Named> named = jdbc.sql("""
                SELECT c.position, c.criterion, c.article, c.name_vi, c.name_en,
                       c.to_confirm AND NOT EXISTS (SELECT FROM rulebook_confirmation f
                                                     WHERE f.province_id = :province AND f.rulebook_id = c.rulebook_id
                                                       AND f.unit_kind = c.unit_kind AND f.criterion = c.criterion) AS to_confirm
                  FROM rulebook_criterion c
                 WHERE c.rulebook_id = :id AND c.unit_kind = :kind ORDER BY c.position""")
                .param("id", row.rulebookId())
                .param("kind", row.unitKind())
                .param("province", province, Types.BIGINT)
                .query((rs, n) -> new Named(
                        rs.getInt("position"),
                        rs.getString("criterion"),
                        rs.getString("article"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getBoolean("to_confirm")))
                .list();
        Map<String, Entered> entries = new HashMap<>();
        evaluations
                .entered(row.id())
                .forEach((criterion, v) ->
                        entries.put(criterion, new Entered(v.value(), v.evidence(), v.enteredBy(), v.enteredAt())));
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        row.outcomes().forEach(o -> outcomes.put(o.criterion(), o));
        List<CriterionLine> lines = new ArrayList<>();
        for (Named n : named) {
            Outcome o = outcomes.remove(n.criterion());
            lines.add(new CriterionLine(
                    n.position(),
                    n.criterion(),
                    n.article(),
                    n.nameVi(),
                    n.nameEn(),
                    o == null || o.result() == null ? null : o.result().name(),
                    o == null ? List.of() : o.compared(),
                    entries.get(n.criterion()),
                    n.toConfirm()));
        }
        int position = named.size();
        for (Outcome o : outcomes.values()) {
            lines.add(new CriterionLine(
                    ++position,
                    o.criterion(),
                    null,
                    o.criterion(),
                    o.criterion(),
                    o.result() == null ? null : o.result().name(),
                    o.compared(),
                    entries.get(o.criterion()),
                    false));
        }
        return lines;
    }
}
